import Link from "next/link";
import type { QuarterListItem } from "@/lib/server/dal/appraisal/quarters";
import { EmptyState } from "@/components/ui/card";
import { QuarterStatusBadge } from "./quarter-status-badge";
import { ProgressBar } from "./progress-bar";
import { formatDateTime } from "./text";
import { ACTIONS_COLUMN, DataTable } from "@/components/ui/table";

/** Appraisal quarters with their status and the rating progress of the viewer's scope. */
export function QuarterTable({
  quarters,
  basePath,
  progressLabel,
  emptyHint,
}: {
  quarters: QuarterListItem[];
  basePath: string;
  progressLabel: string;
  emptyHint: React.ReactNode;
}) {
  if (quarters.length === 0) return <EmptyState title="还没有考评季度" hint={emptyHint} />;
  return (
    <DataTable
      testId="quarter-table"
      className="w-full min-w-[40rem] text-sm"
      columns={["季度", "状态", progressLabel, "评分模板", "锁定时间", ACTIONS_COLUMN]}
    >
      {quarters.map((q) => (
        <tr key={q.quarter} className="border-t border-slate-100" data-testid={`quarter-${q.quarter}`}>
          <th scope="row" className="py-2 pr-4 text-left font-medium">
            <Link href={`${basePath}/${q.quarter}`} className="text-brand-700 hover:underline">
              {q.label}
            </Link>
          </th>
          <td className="py-2 pr-4">
            <QuarterStatusBadge status={q.status} />
          </td>
          <td className="py-2 pr-4">
            <ProgressBar done={q.rated} total={q.total} label={`${q.label}已评级人数`} />
          </td>
          <td className="py-2 pr-4 tabular-nums">第 {q.templateVersion} 版</td>
          <td className="py-2 pr-4 tabular-nums text-slate-600">{formatDateTime(q.lockedAt)}</td>
          <td className="py-2 text-right">
            <Link href={`${basePath}/${q.quarter}`} className="rounded-md border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-100">
              {q.status === "OPEN" ? "进入评分" : "查看"}
            </Link>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
