import Link from "next/link";
import { GRADES, type Grade } from "@/lib/domain/grades";
import { COMPETENCY_CODES, type CompetencyCode } from "@/lib/domain/competency";
import { GradeBadge } from "@/components/people/grade-badge";
import { SliceNav } from "@/components/dashboard/slice-nav";
import { pageOf } from "@/components/dashboard/paging";
import { formatGap, gapClass } from "./heat";

export interface HeatmapMember {
  id: string;
  name: string;
  employeeNo: string;
  grade: Grade | null;
  gaps: Record<CompetencyCode, number | null>;
  meanGap: number | null;
}

type SortKey = "name" | "grade" | "meanGap" | CompetencyCode;
export interface HeatmapSort {
  key: SortKey;
  desc: boolean;
}

const DEFAULT_SORT: HeatmapSort = { key: "meanGap", desc: true };
const sortValue = (s: HeatmapSort) => `${s.key}:${s.desc ? "desc" : "asc"}`;

/** `?sort=meanGap:desc` (any column, ascending or descending); the largest mean gap first by default. */
export function parseHeatmapSort(value: string | undefined): HeatmapSort {
  const [key, dir] = (value ?? "").split(":");
  const known = key === "name" || key === "grade" || key === "meanGap" || (COMPETENCY_CODES as readonly string[]).includes(key);
  return known && (dir === "asc" || dir === "desc") ? { key: key as SortKey, desc: dir === "desc" } : DEFAULT_SORT;
}

/** Members in the order of one column; people without a value sort last either way, ties by employee number. */
export function sortMembers<T extends HeatmapMember>(members: T[], sort: HeatmapSort): T[] {
  const value = (m: HeatmapMember): string | number | null =>
    sort.key === "name"
      ? m.employeeNo
      : sort.key === "grade"
        ? m.grade
          ? GRADES.indexOf(m.grade)
          : null
        : sort.key === "meanGap"
          ? m.meanGap
          : m.gaps[sort.key];
  return [...members].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? a.employeeNo.localeCompare(b.employeeNo) : va === null ? 1 : -1;
    const order = typeof va === "string" ? va.localeCompare(vb as string) : va - (vb as number);
    return (sort.desc ? -order : order) || a.employeeNo.localeCompare(b.employeeNo);
  });
}

/**
 * Member × competency gaps to the current grade's requirement (a server component). With `sort`,
 * every column header is a button of a GET form: click to sort by it, again to reverse — the order
 * is the server's, across all pages, and it works without JavaScript.
 */
export function MemberHeatmap({
  competencies,
  members,
  personHref,
  sort,
}: {
  competencies: { code: CompetencyCode; name: string }[];
  members: HeatmapMember[];
  personHref?: string;
  sort?: { current: HeatmapSort; action: string; hidden: Record<string, string | undefined> };
}) {
  const header = (key: SortKey, label: string, className = "") => {
    const active = sort?.current.key === key;
    const next = { key, desc: active ? !sort!.current.desc : key !== "name" };
    return (
      <th
        key={key}
        scope="col"
        aria-sort={sort ? (active ? (sort.current.desc ? "descending" : "ascending") : "none") : undefined}
        className={`px-1 py-2 font-normal ${className}`}
      >
        {sort ? (
          <button
            type="submit"
            name="sort"
            value={sortValue(next)}
            className={`rounded px-1 hover:bg-slate-100 ${active ? "font-semibold text-slate-900" : "text-slate-600"}`}
          >
            {label}
            <span aria-hidden="true">{active ? (sort.current.desc ? " ▼" : " ▲") : ""}</span>
          </button>
        ) : (
          <span className="px-1 text-slate-600">{label}</span>
        )}
      </th>
    );
  };

  const table = (
    <div className="overflow-x-auto" tabIndex={0}>
      <table className="w-full border-separate border-spacing-0.5 text-sm" data-testid="member-heatmap">
        <caption className="sr-only">成员各项能力与当前等级要求的差距（要求 − 评估结果，正数为不足）{sort ? "，点击列标题排序" : ""}</caption>
        <thead>
          <tr className="text-left">
            {header("name", "姓名")}
            {header("grade", "等级")}
            {competencies.map((c) => header(c.code, c.name, "text-center"))}
            {header("meanGap", "平均差距", "text-center")}
          </tr>
        </thead>
        <tbody className="[&>tr>th]:whitespace-nowrap [&>tr>th]:px-2 [&>tr>th]:py-1.5 [&>tr>th]:text-left [&>tr>th]:font-normal">
          {members.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                {personHref ? (
                  <Link href={`${personHref}/${m.id}`} className="text-brand-700 hover:underline">
                    {m.name}
                  </Link>
                ) : (
                  m.name
                )}
              </th>
              <td className="px-2 py-1.5">
                <GradeBadge grade={m.grade} />
              </td>
              {competencies.map((c) => (
                <td key={c.code} className={`heat-cell ${gapClass(m.gaps[c.code])}`}>
                  {formatGap(m.gaps[c.code])}
                </td>
              ))}
              <td className={`heat-cell font-medium ${gapClass(m.meanGap)}`}>{formatGap(m.meanGap)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  if (!sort) return table;
  return (
    <form method="get" action={sort.action} aria-label="成员能力差距排序">
      {Object.entries(sort.hidden).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      {table}
    </form>
  );
}

/** Members per page of the team heatmap (a 250-person branch would send 250 rows × 11 cells). */
export const MEMBER_PAGE_SIZE = 20;

/** The whole team's heatmap, sorted by `?sort=` and paged by `?page=` on the server. */
export function PagedMemberHeatmap({
  competencies,
  members,
  personHref,
  paging,
}: {
  competencies: { code: CompetencyCode; name: string }[];
  members: HeatmapMember[];
  personHref?: string;
  /** `action`: this page's path; `hidden`: its other filters (e.g. the cycle). */
  paging: { sort?: string; page: number; action: string; hidden: Record<string, string | undefined> };
}) {
  const current = parseHeatmapSort(paging.sort);
  const shown = pageOf(sortMembers(members, current), paging.page, MEMBER_PAGE_SIZE);
  const sortParam = paging.sort && sortValue(current) === paging.sort ? paging.sort : undefined;
  return (
    <>
      <MemberHeatmap
        competencies={competencies}
        members={shown.rows}
        personHref={personHref}
        sort={{ current, action: paging.action, hidden: paging.hidden }}
      />
      <SliceNav slice={shown} basePath={paging.action} params={{ ...paging.hidden, sort: sortParam }} />
    </>
  );
}
