import { GRADE_CHANGE_REASON_LABELS, GRADE_LABELS, type Grade, type GradeChangeReason } from "@/lib/domain/grades";
import { formatDate, quarterShort } from "@/lib/format";
import { DataTable } from "@/components/ui/table";

export interface GradeChangeRow {
  id: string;
  effectiveDate: string;
  /** The appraisal quarter of a review's change (shown when the table has the 考评季度 column). */
  quarter?: string;
  from: Grade | null;
  to: Grade | null;
  reason: GradeChangeReason;
  note: string | null;
  voided: boolean;
}

/** A person's grade changes, a voided one struck through; the profile adds the review's quarter. */
export function GradeChangesTable({ changes, testId, withQuarter = false }: { changes: GradeChangeRow[]; testId?: string; withQuarter?: boolean }) {
  return (
    <DataTable testId={testId} columns={["生效日期", withQuarter && "考评季度", "变动", withQuarter ? "类型" : "原因", "说明"]}>
      {changes.map((c) => (
        <tr key={c.id} className={`whitespace-nowrap border-t border-slate-100 ${c.voided ? "text-slate-600 line-through" : ""}`}>
          <td className="py-2 pr-4 tabular-nums">{formatDate(c.effectiveDate)}</td>
          {withQuarter ? <td className="py-2 pr-4">{c.quarter ? quarterShort(c.quarter) : "—"}</td> : null}
          <td className="py-2 pr-4">
            {c.from ? GRADE_LABELS[c.from] : "未定级"} → {c.to ? GRADE_LABELS[c.to] : "退出"}
          </td>
          <td className="py-2 pr-4">{GRADE_CHANGE_REASON_LABELS[c.reason]}</td>
          <td className="whitespace-normal py-2 text-slate-600">{c.note ?? "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}
