import Link from "next/link";
import { GRADES, GRADE_LABELS } from "@/lib/domain/grades";
import type { HeadcountRow } from "@/lib/server/dal/people";
import { EmptyState } from "@/components/ui/card";

/** Branch × grade head counts, with a total row and column. */
export function HeadcountTable({ rows, linkBranches = false }: { rows: HeadcountRow[]; linkBranches?: boolean }) {
  if (rows.length === 0) {
    return <EmptyState title="还没有客户经理" hint="导入人员名单或完成定级后，这里会按等级统计人数。" />;
  }
  const branches = new Map<string, { name: string; counts: Map<string, number> }>();
  for (const row of rows) {
    const entry = branches.get(row.branchId) ?? { name: row.branchName, counts: new Map() };
    entry.counts.set(row.grade ?? "NONE", (entry.counts.get(row.grade ?? "NONE") ?? 0) + row.count);
    branches.set(row.branchId, entry);
  }
  const columns = [...GRADES, "NONE"] as const;
  const total = (key: string) => [...branches.values()].reduce((sum, b) => sum + (b.counts.get(key) ?? 0), 0);
  return (
    <div className="overflow-x-auto" tabIndex={0}>
      <table className="w-full text-sm" data-testid="headcount-table">
        <thead>
          <tr className="text-left text-slate-600">
            <th className="py-2 pr-4 font-normal">机构</th>
            {columns.map((g) => (
              <th key={g} className="py-2 pr-4 text-right font-normal">
                {g === "NONE" ? "未定级" : GRADE_LABELS[g]}
              </th>
            ))}
            <th className="py-2 text-right font-normal">合计</th>
          </tr>
        </thead>
        <tbody>
          {[...branches.entries()].map(([id, b]) => (
            <tr key={id} className="border-t border-slate-100">
              <td className="py-2 pr-4">{linkBranches ? <Link className="text-brand-700 hover:underline" href={`/hr/branches/${id}`}>{b.name}</Link> : b.name}</td>
              {columns.map((g) => (
                <td key={g} className="py-2 pr-4 text-right tabular-nums">
                  {b.counts.get(g) ?? 0}
                </td>
              ))}
              <td className="py-2 text-right font-medium tabular-nums">{[...b.counts.values()].reduce((a, c) => a + c, 0)}</td>
            </tr>
          ))}
          <tr className="border-t-2 border-slate-200 font-medium">
            <td className="py-2 pr-4">全行合计</td>
            {columns.map((g) => (
              <td key={g} className="py-2 pr-4 text-right tabular-nums">
                {total(g)}
              </td>
            ))}
            <td className="py-2 text-right tabular-nums">{columns.reduce((a, g) => a + total(g), 0)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
