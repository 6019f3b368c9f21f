"use client";

// The roster's rows as a client component fed with compact rows: a server-rendered 20-row table
// travels twice (as HTML and again as a React element tree of ~2 KB a row, which React also splits
// into outlined chunks past 3,200 bytes); as props a row is its data, ~0.3 KB. The HTML is the same.
import Link from "next/link";
import { GradeBadge } from "@/components/people/grade-badge";
import { RatingChips } from "@/components/review/rating-chip";
import type { Grade, Rating } from "@/lib/domain/grades";
import { linkClass } from "./link-class";

export interface RosterRow {
  id: string;
  name: string;
  employeeNo: string;
  /** null for an assistant (no grade), else the grade or "未定级" (grade null). */
  grade: Grade | null | "ASSISTANT";
  tenure: string;
  ratings: { quarter: string; rating: Rating | null }[];
  /** The rule engine's flag, if any: ▲ promotion or ▼ demotion/exit. */
  flag: { testId: "flag-pending" | "flag-candidate" | "flag-risk"; up: boolean; text: string } | null;
  sentence: string | null;
}

const FLAG_UP = "chip bg-blue-50 text-blue-900 ring-1 ring-blue-400";
const FLAG_DOWN = "chip bg-orange-100 text-orange-900 ring-1 ring-orange-400";

export function RosterRows({ rows }: { rows: RosterRow[] }) {
  return rows.map((m) => (
    <tr key={m.id} role="row" data-testid={`roster-row-${m.id}`}>
      <th role="rowheader" scope="row" className="col-span-2 bg-white text-left font-normal md:sticky md:left-0">
        <Link href={`/people/${m.id}`} className={`font-medium ${linkClass}`}>
          {m.name}
        </Link>
        <span className="ml-2 text-xs tabular-nums text-slate-600 md:ml-0 md:block">{m.employeeNo}</span>
      </th>
      <td role="cell" className="whitespace-nowrap">
        {m.grade === "ASSISTANT" ? <span className="text-slate-700">业务助理</span> : <GradeBadge grade={m.grade} />}
      </td>
      <td role="cell" className="whitespace-nowrap text-slate-700">
        <span className="md:hidden">任职 </span>
        {m.tenure}
      </td>
      <td role="cell" className="col-span-2">
        {m.ratings.length > 0 ? <RatingChips ratings={m.ratings} labelled /> : <span className="hidden md:inline">—</span>}
      </td>
      <td role="cell" className="col-span-2 md:min-w-48">
        {m.flag ? (
          <span className={m.flag.up ? FLAG_UP : FLAG_DOWN} data-testid={m.flag.testId}>
            {m.flag.up ? "▲" : "▼"} {m.flag.text}
          </span>
        ) : null}
        {m.sentence ? <p className="mt-0.5 text-xs text-slate-700">{m.sentence}</p> : null}
      </td>
    </tr>
  ));
}
