import Link from "next/link";
import type { BankHeatmapRow, BankHeatmapView } from "@/lib/server/dal/competencies/results";
import { formatGap, gapClass } from "./heat";

/**
 * Branch × competency mean gaps for the bank, with each branch's outstanding forms. `rows` is the
 * page of branches shown (300 branches are paged); the 全行 row always sums the whole bank.
 */
export function BankHeatmap({ view, rows }: { view: BankHeatmapView; rows: BankHeatmapRow[] }) {
  const cycleId = view.cycle!.id;
  const sum = (f: (b: BankHeatmapRow) => number) => view.branches.reduce((s, b) => s + f(b), 0);
  return (
    <div className="overflow-x-auto" tabIndex={0}>
      <table className="w-full border-separate border-spacing-0.5 text-sm" data-testid="bank-heatmap">
        <caption className="sr-only">各机构各项能力的平均差距（岗位要求 − 评估结果，正数为不足）与待提交的评估表</caption>
        <thead>
          <tr className="text-left text-slate-600">
            <th scope="col" className="px-2 py-2 font-normal">
              机构
            </th>
            <th scope="col" className="px-2 py-2 text-right font-normal">
              已评/人数
            </th>
            {view.competencies.map((c) => (
              <th key={c.code} scope="col" className="px-1 py-2 text-center font-normal">
                {c.name}
              </th>
            ))}
            <th scope="col" className="px-2 py-2 text-right font-normal">
              待自评
            </th>
            <th scope="col" className="px-2 py-2 text-right font-normal">
              待上级评价
            </th>
            <th scope="col" className="px-2 py-2 text-right font-normal">
              待同事评价
            </th>
            <th scope="col" className="px-2 py-2 text-right font-normal">
              同事不足 3 人
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={b.branchId} data-testid={`bank-row-${b.branchId}`}>
              <th scope="row" className="whitespace-nowrap px-2 py-1.5 text-left font-normal">
                <Link href={`/hr/competencies/heatmap/${b.branchId}?cycle=${cycleId}`} className="text-brand-700 hover:underline">
                  {b.branchName}
                </Link>
              </th>
              <td className="px-2 py-1.5 text-right tabular-nums">
                {b.assessed}/{b.participants}
              </td>
              {view.competencies.map((c) => (
                <td key={c.code} className={`heat-cell ${gapClass(b.meanGaps[c.code])}`}>
                  {formatGap(b.meanGaps[c.code])}
                </td>
              ))}
              <td className="px-2 py-1.5 text-right tabular-nums">{b.pending.SELF}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{b.pending.MANAGER}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{b.pending.PEER}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{b.needPeers}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-medium">
            <th scope="row" className="px-2 py-1.5 text-left">
              全行
            </th>
            <td className="px-2 py-1.5 text-right tabular-nums">
              {sum((b) => b.assessed)}/{sum((b) => b.participants)}
            </td>
            {view.competencies.map((c) => (
              <td key={c.code} className={`heat-cell ${gapClass(view.bank[c.code])}`}>
                {formatGap(view.bank[c.code])}
              </td>
            ))}
            <td className="px-2 py-1.5 text-right tabular-nums">{sum((b) => b.pending.SELF)}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{sum((b) => b.pending.MANAGER)}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{sum((b) => b.pending.PEER)}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{sum((b) => b.needPeers)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
