import type { RoracFigures } from "@/lib/server/dal/appraisal/rorac";
import { rorac, stockWeight } from "@/lib/domain/scoring";
import { DataTable, right } from "@/components/ui/table";
import { formatAmount } from "./text";

/** The figures behind a RORAC completion rate: per line RORAC(存量), k0, RORAC(新增), RORACi; total and rate. */
export function RoracFiguresTable({ figures }: { figures: RoracFigures }) {
  if (figures.lines.length === 0) return <p className="text-sm text-slate-700">尚未录入业务条线。</p>;
  return (
    <div className="space-y-2" data-testid="rorac-figures">
      <DataTable columns={["业务条线", right("存量 RORAC（万元）"), right("存量权重 k0"), right("新增 RORAC（万元）"), right("条线 RORAC（万元）")]}>
        {figures.lines.map((l) => (
          <tr key={l.name} className="border-t border-slate-100">
            <th scope="row" className="py-2 pr-4 text-left font-normal whitespace-nowrap">
              {l.name}
            </th>
            <td className="py-2 pr-4 text-right tabular-nums">{formatAmount(rorac(l.stock))}</td>
            <td className="py-2 pr-4 text-right tabular-nums">{stockWeight(l.stockAgeYears).toFixed(2)}</td>
            <td className="py-2 pr-4 text-right tabular-nums">{formatAmount(rorac(l.incremental))}</td>
            <td className="py-2 text-right tabular-nums">{formatAmount(l.rorac)}</td>
          </tr>
        ))}
      </DataTable>
      <p className="text-sm text-slate-800">
        综合 RORAC {formatAmount(figures.combined)} 万元 · 目标 {formatAmount(figures.target)} 万元 · 目标完成率{" "}
        <strong data-testid="rorac-rate">{figures.rate === null ? "—（未设目标）" : `${figures.rate.toFixed(2)}%`}</strong>
      </p>
    </div>
  );
}
