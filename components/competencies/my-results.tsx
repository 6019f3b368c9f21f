import Link from "next/link";
import { GRADE_LABELS } from "@/lib/domain/grades";
import { COMPETENCY_CODES, COMPETENCY_LABELS, PROFICIENCY_LABELS, type ProficiencyLevel } from "@/lib/domain/competency";
import type { MyCompetenciesView } from "@/lib/server/dal/competencies/results";
import { Card, EmptyState } from "@/components/ui/card";
import { DataTable, right } from "@/components/ui/table";
import { RequirementRadar } from "./requirement-radar";
import { formatGap, formatLevel, gapClass } from "./heat";

const PEER_STATUS_TEXT = {
  included: "同事评价已计入（仅显示同事评分的平均值）。",
  pending: "同事评价尚未全部提交，结果暂不含同事评价；全部提交或截止后计入。",
  insufficient: "提交评价的同事不足 3 人，为保护同事匿名，结果不含同事评价。",
} as const;

/** A grade's required level and the gap to it (coloured by size); test ids `required`/`gap`, prefixed. */
function RequiredAndGap({ required, gap, testId }: { required: number | null; gap: number | null; testId: string }) {
  return (
    <>
      <td className="py-1.5 pr-2 text-right tabular-nums" data-testid={`${testId}required`}>
        {required ?? "—"}
      </td>
      <td className={`rounded px-2 py-1.5 text-right tabular-nums ${gapClass(gap)}`} data-testid={`${testId}gap`}>
        {formatGap(gap)}
      </td>
    </>
  );
}

export function MyResults({ view }: { view: MyCompetenciesView }) {
  const cycle = view.cycle!;
  const current = view.grade ? GRADE_LABELS[view.grade] : null;
  const next = view.nextGrade ? GRADE_LABELS[view.nextGrade] : null;
  const hasResult = view.rows.some((r) => r.result !== null);
  return (
    <>
      <div className="grid gap-6 xl:grid-cols-5">
        <Card title={`能力雷达 · ${cycle.name}`} className="xl:col-span-2">
          {hasResult ? (
            <RequirementRadar
              label={`我在「${cycle.name}」的各项能力评估结果与${current ?? ""}、${next ?? ""}等级要求`}
              rows={view.rows}
              legend={["评估结果", `${current ?? "当前"}要求`, `${next ?? "下一等级"}要求`]}
            />
          ) : (
            <EmptyState title="本周期还没有评估结果" hint="自评、上级评价提交后，这里会显示雷达图。" />
          )}
          <p className="mt-2 text-xs text-slate-600">{PEER_STATUS_TEXT[view.peerStatus]}</p>
        </Card>
        <Card title="各项能力与等级要求" className="xl:col-span-3">
          <DataTable
            testId="my-results"
            caption="各项能力的评估结果、等级要求与差距（差距 = 要求 − 结果，正数为不足）"
            columns={["能力", ...["自评", "上级", "同事均值", "综合结果", `${current ?? "当前"}要求`, "差距", `${next ?? "下一等级"}要求`, "差距"].map(right)]}
          >
            {view.rows.map((r) => (
              <tr key={r.code} className="border-t border-slate-100" data-testid={`result-${r.code}`}>
                <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                  {r.name}
                </th>
                <td className="py-1.5 pr-2 text-right tabular-nums">{formatLevel(r.self)}</td>
                <td className="py-1.5 pr-2 text-right tabular-nums">{formatLevel(r.manager)}</td>
                <td className="py-1.5 pr-2 text-right tabular-nums">{formatLevel(r.peerMean)}</td>
                <td className="py-1.5 pr-2 text-right font-medium tabular-nums" data-testid="result">
                  {r.result === null ? "—" : r.result.toFixed(2)}
                </td>
                <RequiredAndGap required={r.required} gap={r.gap} testId="" />
                <RequiredAndGap required={r.nextRequired} gap={r.nextGap} testId="next-" />
              </tr>
            ))}
          </DataTable>
          {!view.grade ? <p className="mt-2 text-sm text-slate-600">您尚未定级，暂不能计算差距；请联系人力资源部。</p> : null}
        </Card>
      </div>

      <Card title={`距离${next ?? "下一等级"}最大的三项差距`}>
        {view.largest.length === 0 ? (
          <p className="text-sm text-slate-600">{hasResult ? `各项能力均已达到${next ?? "下一等级"}的要求。` : "有评估结果后，这里会列出最需要提升的能力。"}</p>
        ) : (
          <ol className="grid gap-4 md:grid-cols-3" data-testid="largest-gaps">
            {view.largest.map((g) => (
              <li key={g.code} className="rounded-lg border border-slate-200 p-4">
                <div className="flex items-baseline justify-between gap-2">
                  <h3 className="font-medium text-slate-900">{g.name}</h3>
                  <span className={`rounded px-2 py-0.5 text-sm tabular-nums ${gapClass(g.nextGap)}`}>差 {g.nextGap.toFixed(2)} 级</span>
                </div>
                <p className="mt-2 text-xs text-slate-600">
                  {next}要求 {g.nextRequired} 级（{PROFICIENCY_LABELS[g.nextRequired as ProficiencyLevel]}）的行为表现：
                </p>
                <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700">
                  {g.indicators.map((text) => (
                    <li key={text}>{text}</li>
                  ))}
                </ul>
                <Link href={`/me/courses?competency=${g.code}`} className="mt-3 inline-block text-sm text-brand-700 hover:underline">
                  培养「{g.name}」的课程 →
                </Link>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </>
  );
}

export function MyHistory({ view }: { view: MyCompetenciesView }) {
  if (view.history.length === 0) return <EmptyState title="还没有历次评估结果" />;
  return (
    <DataTable testId="history" caption="历次评估周期的综合结果" columns={["评估周期", ...COMPETENCY_CODES.map((c) => right(COMPETENCY_LABELS[c]))]}>
      {view.history.map((h) => (
        <tr key={h.cycleId} className="border-t border-slate-100">
          <th scope="row" className="py-1.5 pr-3 text-left font-normal">
            <Link href={`/me/competencies?cycle=${h.cycleId}`} className="text-brand-700 hover:underline">
              {h.cycleName}
            </Link>
          </th>
          {COMPETENCY_CODES.map((c) => (
            <td key={c} className="py-1.5 pr-3 text-right tabular-nums">
              {h.results[c] === null ? "—" : h.results[c]!.toFixed(2)}
            </td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}
