import Link from "next/link";
import { DataTable } from "@/components/ui/table";
import { formatTenure } from "@/lib/domain/tenure";
import { chineseDateLabel } from "@/lib/domain/dates";
import type { PersonRowView } from "@/lib/server/dal/people-admin/views";
import { STATUS_LABELS, gradeCell, roleLabel } from "./labels";

export function PeopleTable({ rows }: { rows: PersonRowView[] }) {
  return (
    <DataTable testId="people-list" columns={["姓名", "工号", "机构", "岗位", "等级", "状态", "任职起始日", "任职年限"]}>
      {rows.map((r) => (
        <tr key={r.id} className="border-t border-slate-100" data-testid={`person-row-${r.employeeNo}`}>
          <td className="py-2 pr-4">
            <Link href={`/hr/people/${r.id}`} className="font-medium text-brand-700 hover:underline">
              {r.name}
            </Link>
          </td>
          <td className="py-2 pr-4 tabular-nums">{r.employeeNo}</td>
          <td className="whitespace-nowrap py-2 pr-4">{r.branchName}</td>
          <td className="whitespace-nowrap py-2 pr-4">{roleLabel(r.role)}</td>
          <td className="whitespace-nowrap py-2 pr-4">{gradeCell(r.grade, r.role, r.status)}</td>
          <td className={`whitespace-nowrap py-2 pr-4 ${r.status === "EXITED" ? "text-slate-600" : ""}`}>{STATUS_LABELS[r.status]}</td>
          <td className="whitespace-nowrap py-2 pr-4">{r.roleStartDate ? chineseDateLabel(r.roleStartDate) : "—"}</td>
          <td className="whitespace-nowrap py-2">{r.tenureMonths === null ? "—" : formatTenure(r.tenureMonths)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
