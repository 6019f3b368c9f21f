import type { CompletionRow } from "@/lib/server/dal/courses/reports";
import { EmptyState } from "@/components/ui/card";

export function CompletionTable({ rows, first, testId }: { rows: CompletionRow[]; first: string; testId: string }) {
  if (rows.length === 0) return <EmptyState title="暂无必修课学习记录" hint="点击“同步必修课”为所有人分配本层级必修课。" />;
  const th = "py-2 pr-3 text-right font-normal";
  return (
    <div className="overflow-x-auto" tabIndex={0}>
      <table className="w-full text-sm" data-testid={testId}>
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3 text-left font-normal">
              {first}
            </th>
            <th scope="col" className={th}>
              应学
            </th>
            <th scope="col" className={th}>
              待学习
            </th>
            <th scope="col" className={th}>
              学习中
            </th>
            <th scope="col" className={th}>
              已完成
            </th>
            <th scope="col" className={th}>
              免修
            </th>
            <th scope="col" className={th}>
              逾期
            </th>
            <th scope="col" className={th}>
              完成率
            </th>
            <th scope="col" className={th}>
              完成学时
            </th>
            <th scope="col" className="py-2 text-right font-normal">
              考试均分
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-t border-slate-100 tabular-nums">
              <th scope="row" className="py-2 pr-3 text-left font-normal">
                {r.label}
              </th>
              <td className="py-2 pr-3 text-right">{r.enrolled}</td>
              <td className="py-2 pr-3 text-right">{r.assigned}</td>
              <td className="py-2 pr-3 text-right">{r.inProgress}</td>
              <td className="py-2 pr-3 text-right">{r.completed}</td>
              <td className="py-2 pr-3 text-right">{r.waived}</td>
              <td className="py-2 pr-3 text-right">{r.overdue > 0 ? <span className="font-medium text-amber-800">{r.overdue}</span> : 0}</td>
              <td className="py-2 pr-3 text-right">{r.rate.toFixed(1)}%</td>
              <td className="py-2 pr-3 text-right">{r.completedHours}</td>
              <td className="py-2 text-right">{r.examAverage ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
