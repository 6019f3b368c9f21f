import type { CompletionRow } from "@/lib/server/dal/courses/reports";
import { EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";

const NUMBERS = ["应学", "待学习", "学习中", "已完成", "免修", "逾期", "完成率", "完成学时", "考试均分"].map((label) => ({ label, align: "right" as const }));

export function CompletionTable({ rows, first, testId }: { rows: CompletionRow[]; first: string; testId: string }) {
  if (rows.length === 0) return <EmptyState title="暂无必修课学习记录" hint="点击“同步必修课”为所有人分配本层级必修课。" />;
  return (
    <DataTable testId={testId} columns={[first, ...NUMBERS]}>
      {rows.map((r) => {
        const overdue = r.overdue > 0 ? <span className="font-medium text-amber-800">{r.overdue}</span> : 0;
        const cells = [r.enrolled, r.assigned, r.inProgress, r.completed, r.waived, overdue, `${r.rate.toFixed(1)}%`, r.completedHours, r.examAverage ?? "—"];
        return (
          <tr key={r.key} className="border-t border-slate-100 tabular-nums">
            <th scope="row" className="py-2 pr-3 text-left font-normal">
              {r.label}
            </th>
            {cells.map((cell, i) => (
              <td key={i} className={`py-2 text-right ${i < cells.length - 1 ? "pr-3" : ""}`}>
                {cell}
              </td>
            ))}
          </tr>
        );
      })}
    </DataTable>
  );
}
