import { DataTable } from "@/components/ui/table";
import { formatDateTime } from "@/components/appraisal/text";
import { auditActionLabel, auditEntityLabel, describeAuditValues } from "@/lib/domain/audit-labels";
import type { AuditEntryView } from "@/lib/server/dal/audit/views";

function Values({ value, names }: { value: unknown; names: ReadonlyMap<string, string> }) {
  const lines = describeAuditValues(value, names);
  if (lines.length === 0) return <span className="text-slate-600">—</span>;
  return (
    <ul className="space-y-0.5">
      {lines.map((line, i) => (
        <li key={i} className="break-words">
          {line}
        </li>
      ))}
    </ul>
  );
}

/** The audit log, newest first: when, who, what, about whom, before → after. */
export function AuditTable({ entries, certificationNames }: { entries: AuditEntryView[]; certificationNames: ReadonlyMap<string, string> }) {
  return (
    <DataTable testId="audit-entries" columns={["时间", "操作人", "操作", "对象", "修改前", "修改后"]}>
      {entries.map((e) => (
        <tr key={e.id} className="border-t border-slate-100 align-top">
          <td className="whitespace-nowrap py-2 pr-4 tabular-nums text-slate-700">{formatDateTime(e.at)}</td>
          <td className="py-2 pr-4">{e.actorName ? `${e.actorName}（${e.actorEmployeeNo}）` : "系统"}</td>
          <td className="py-2 pr-4">
            {auditActionLabel(e.action)}
            {e.note ? <p className="mt-1 max-w-xs break-words text-xs text-slate-600">{e.note}</p> : null}
          </td>
          <td className="py-2 pr-4">{e.personName ? `${e.personName}（${e.personEmployeeNo}）` : auditEntityLabel(e.entity)}</td>
          <td className="min-w-40 py-2 pr-4 text-slate-700">
            <Values value={e.before} names={certificationNames} />
          </td>
          <td className="min-w-40 py-2 text-slate-900">
            <Values value={e.after} names={certificationNames} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
