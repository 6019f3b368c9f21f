"use client";

import { useMemo, useState } from "react";
import Link from "next/link";
import { GRADES, type Grade } from "@/lib/domain/grades";
import type { CompetencyCode } from "@/lib/domain/competency";
import { GradeBadge } from "@/components/people/grade-badge";
import { formatGap, gapColours } from "./heat";

export interface HeatmapMember {
  id: string;
  name: string;
  employeeNo: string;
  grade: Grade | null;
  gaps: Record<CompetencyCode, number | null>;
  meanGap: number | null;
}

type SortKey = "name" | "grade" | "meanGap" | CompetencyCode;

/**
 * Member × competency gaps to the current grade's requirement, sortable by any column (click a
 * header; again to reverse). People without a result sort last either way.
 */
export function MemberHeatmap({
  competencies,
  members,
  personHref,
}: {
  competencies: { code: CompetencyCode; name: string }[];
  members: HeatmapMember[];
  personHref?: string;
}) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "meanGap", desc: true });
  const rows = useMemo(() => {
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
  }, [members, sort]);

  const header = (key: SortKey, label: string, className = "") => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.desc ? "descending" : "ascending") : "none"} className={`px-1 py-2 font-normal ${className}`}>
        <button
          type="button"
          onClick={() => setSort({ key, desc: active ? !sort.desc : key !== "name" })}
          className={`rounded px-1 hover:bg-slate-100 ${active ? "font-semibold text-slate-900" : "text-slate-600"}`}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.desc ? " ▼" : " ▲") : ""}</span>
        </button>
      </th>
    );
  };

  return (
    <div className="overflow-x-auto" tabIndex={0}>
      <table className="w-full border-separate border-spacing-0.5 text-sm" data-testid="member-heatmap">
        <caption className="sr-only">成员各项能力与当前等级要求的差距（要求 − 评估结果，正数为不足），点击列标题排序</caption>
        <thead>
          <tr className="text-left">
            {header("name", "姓名")}
            {header("grade", "等级")}
            {competencies.map((c) => header(c.code, c.name, "text-center"))}
            {header("meanGap", "平均差距", "text-center")}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id}>
              <th scope="row" className="whitespace-nowrap px-2 py-1.5 text-left font-normal">
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
                <td key={c.code} className="rounded px-2 py-1.5 text-center tabular-nums" style={gapColours(m.gaps[c.code])}>
                  {formatGap(m.gaps[c.code])}
                </td>
              ))}
              <td className="rounded px-2 py-1.5 text-center font-medium tabular-nums" style={gapColours(m.meanGap)}>
                {formatGap(m.meanGap)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
