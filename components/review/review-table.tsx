import { EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";
import { PersonCell } from "@/components/people/person-cell";
import { GradeBadge } from "@/components/people/grade-badge";
import { formatTenure } from "@/lib/domain/tenure";
import type { ReviewRowView } from "@/lib/server/dal/review/preview";
import type { CommittedEntryView } from "@/lib/server/dal/review/committed";
import { OutcomeBadge } from "./outcome-badge";
import { RatingChips } from "./rating-chip";
import { ExcludeButton, IncludeButton } from "./review-actions";
import { PriorityBadge } from "@/components/contest/priority-badge";

/** The preview: one row per account manager, with exclude / include while the review is a draft. */
export function ReviewPreviewTable({ quarter, rows, editable }: { quarter: string; rows: ReviewRowView[]; editable: boolean }) {
  if (rows.length === 0) return <EmptyState title="没有符合筛选条件的人员" hint="换一个机构或评审结果，或清除筛选。" />;
  return (
    <DataTable testId="review-table" columns={["姓名", "机构", "等级 / 任职", "近四季度考评", "评审结果与原因", editable && "操作"]}>
      {rows.map((r) => (
        <ReviewRow key={r.userId} row={r}>
          <td className="py-2 pr-4">
            <GradeBadge grade={r.grade} />
            <div className="mt-1 text-xs text-slate-600">季末任职 {formatTenure(r.tenureMonths)}</div>
          </td>
          <td className="py-2 pr-4">
            <RatingChips ratings={r.ratings} />
          </td>
          <td className="py-2 pr-4">
            <OutcomeBadge category={r.category} from={r.grade} to={r.to} />
            {r.honours > 0 ? <PriorityBadge className="ml-2" title={`业务技能大比拼获奖 ${r.honours} 项，名额不足时优先`} /> : null}
            {r.rank !== null ? (
              <span className="ml-2 text-xs text-slate-600" data-testid="quota-rank">
                名额排序第 {r.rank} 位
              </span>
            ) : null}
            <p className="mt-1 text-slate-700" data-testid="review-reason">
              {r.reason}
            </p>
            {r.proposedReason ? <p className="mt-0.5 text-xs text-slate-600">按规则原拟：{r.proposedReason}</p> : null}
            {r.blockedDetails.length > 0 ? (
              <ul className="mt-1 space-y-0.5 text-xs text-amber-900">
                {r.blockedDetails.map((d) => (
                  <li key={d}>· {d}</li>
                ))}
              </ul>
            ) : null}
          </td>
          {editable ? (
            <td className="py-2">
              {r.excludedReason !== null ? (
                <IncludeButton quarter={quarter} userId={r.userId} name={r.name} />
              ) : (
                <ExcludeButton quarter={quarter} userId={r.userId} name={r.name} />
              )}
            </td>
          ) : null}
        </ReviewRow>
      ))}
    </DataTable>
  );
}

/** A committed review as recorded (read-only). */
export function CommittedEntriesTable({ rows }: { rows: CommittedEntryView[] }) {
  if (rows.length === 0) return <EmptyState title="没有符合筛选条件的人员" hint="换一个机构或评审结果，或清除筛选。" />;
  return (
    <DataTable testId="review-table" columns={["姓名", "机构", "评审时等级", "结果", "说明"]}>
      {rows.map((r) => (
        <ReviewRow key={r.userId} row={r}>
          <td className="py-2 pr-4">
            <GradeBadge grade={r.fromGrade} />
          </td>
          <td className="py-2 pr-4">
            <OutcomeBadge category={r.category} from={r.fromGrade} to={r.toGrade} />
          </td>
          <td className="py-2 text-slate-700">{r.reason}</td>
        </ReviewRow>
      ))}
    </DataTable>
  );
}

/** A person's row of a review table: name and employee number, branch, then the table's own cells. */
function ReviewRow({ row, children }: { row: { userId: string; name: string; employeeNo: string; branchName: string }; children: React.ReactNode }) {
  return (
    <tr className="border-t border-slate-100 align-top" data-testid={`review-row-${row.userId}`}>
      <PersonCell id={row.userId} name={row.name} employeeNo={row.employeeNo} />
      <td className="py-2 pr-4 whitespace-nowrap">{row.branchName}</td>
      {children}
    </tr>
  );
}
