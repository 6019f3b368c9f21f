import Link from "next/link";
import type { BranchProgress } from "@/lib/server/dal/appraisal/sheet";
import { ProgressBar } from "./progress-bar";
import { DataTable } from "@/components/ui/table";

/** Per branch: rating progress and, under forced distribution, 优秀 x/y (上限 z). */
export function BranchDistribution({ branches, maxExcellentPct, quarter }: { branches: BranchProgress[]; maxExcellentPct: number | null; quarter: string }) {
  return (
    <DataTable testId="branch-distribution" columns={["机构", "已评级", maxExcellentPct === null ? "优秀人数" : `优秀比例（上限 ${maxExcellentPct}%）`]}>
      {branches.map((b) => {
        const over = b.cap !== null && b.excellent > b.cap;
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
              {over && b.cap !== null ? (
                <span className="ml-2 text-xs">超出 {b.excellent - b.cap} 人：锁定时按得分由低到高调整为良好（有说明的直接评级不调整）</span>
              ) : null}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
