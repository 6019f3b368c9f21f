import Link from "next/link";
import type { BranchProgress } from "@/lib/server/dal/appraisal/sheet";
import { ProgressBar } from "./progress-bar";
import { DataTable } from "@/components/ui/table";
import { CHART_BRANCHES, restLabel, sumKeys } from "@/components/dashboard/chart-rows";

const share = (b: BranchProgress) => (b.total === 0 ? 1 : b.rated / b.total);
const excess = (b: BranchProgress) => (b.cap === null ? 0 : Math.max(0, b.excellent - b.cap));

/**
 * Per branch: rating progress and, under forced distribution, 优秀 x/y (上限 z). With many branches,
 * those over the cap come first (the lock will adjust them), then the furthest behind; the others
 * are summed in one row.
 */
export function BranchDistribution({ branches, maxExcellentPct, quarter }: { branches: BranchProgress[]; maxExcellentPct: number | null; quarter: string }) {
  // Like HR's per-branch charts (components/dashboard/chart-rows.ts): the branches that matter most,
  // the rest of a 300-branch bank in one row (each is one choice of the 机构 filter away).
  const folded = branches.length > CHART_BRANCHES + 1;
  const shown = folded ? [...branches].sort((a, b) => excess(b) - excess(a) || share(a) - share(b)).slice(0, CHART_BRANCHES) : branches;
  const rest = branches.filter((b) => !shown.includes(b));
  const restSum = sumKeys(rest, ["total", "rated", "excellent"] as const);
  const restOver = rest.filter((b) => excess(b) > 0).length;
  return (
    <>
      {folded ? (
        <p className="mb-2 text-sm text-slate-600">
          共 {branches.length} 个机构：超出优秀上限的在前，其余按评级完成率由低到高列出 {CHART_BRANCHES} 个；用下方“机构”筛选查看任一机构的名单。
        </p>
      ) : null}
      <DataTable testId="branch-distribution" columns={["机构", "已评级", maxExcellentPct === null ? "优秀人数" : `优秀比例（上限 ${maxExcellentPct}%）`]}>
        {shown.map((b) => {
          const over = excess(b) > 0;
          return (
            <tr key={b.branchId} className="border-t border-slate-100">
              <th scope="row" className="py-2 pr-4 text-left font-normal">
                <Link href={`/hr/appraisal/${quarter}?branch=${b.branchId}`} className="text-brand-700 hover:underline">
                  {b.branchName}
                </Link>
              </th>
              <td className="py-2 pr-4">
                <ProgressBar done={b.rated} total={b.total} label={`${b.branchName}已评级人数`} />
              </td>
              <td className={`py-2 tabular-nums ${over ? "font-medium text-red-700" : ""}`}>
                {b.cap === null ? `优秀 ${b.excellent}/${b.rated}` : `优秀 ${b.excellent}/${b.rated}（上限 ${b.cap}）`}
                {over ? <span className="ml-2 text-xs">超出 {excess(b)} 人：锁定时按得分由低到高调整为良好（有说明的直接评级不调整）</span> : null}
              </td>
            </tr>
          );
        })}
        {rest.length > 0 ? (
          <tr className="border-t border-slate-100" data-testid="branch-distribution-rest">
            <th scope="row" className="py-2 pr-4 text-left font-normal">
              {restLabel(rest.length)}
            </th>
            <td className="py-2 pr-4">
              <ProgressBar done={restSum.rated} total={restSum.total} label={`${restLabel(rest.length)}已评级人数`} />
            </td>
            <td className="py-2 tabular-nums">
              优秀 {restSum.excellent}/{restSum.rated}
              {restOver > 0 ? <span className="ml-2 text-xs font-medium text-red-700">其中 {restOver} 个机构超出上限</span> : null}
            </td>
          </tr>
        ) : null}
      </DataTable>
    </>
  );
}
