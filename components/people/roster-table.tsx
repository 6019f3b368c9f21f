import Link from "next/link";
import { ROLE_LABELS } from "@/lib/domain/grades";
import { formatTenure, tenureMonths } from "@/lib/domain/tenure";
import { todayInShanghai } from "@/lib/domain/dates";
import type { RosterRow } from "@/lib/server/dal/people";
import { EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";
import { GradeBadge } from "./grade-badge";

export function RosterTable({ rows }: { rows: RosterRow[] }) {
  if (rows.length === 0) return <EmptyState title="本机构暂无客户经理" hint="请联系人力资源部导入人员名单。" />;
  const today = todayInShanghai();
  return (
    <DataTable testId="roster" columns={["姓名", "工号", "岗位", "等级", "任职年限"]}>
      {rows.map((r) => (
        <tr key={r.id} className="border-t border-slate-100">
          <td className="py-2 pr-4">
            <Link href={`/people/${r.id}`} className="text-brand-700 hover:underline">
              {r.name}
            </Link>
          </td>
          <td className="py-2 pr-4 tabular-nums">{r.employeeNo}</td>
          <td className="py-2 pr-4">{ROLE_LABELS[r.role]}</td>
          <td className="py-2 pr-4">{r.role === "ACCOUNT_MANAGER" ? <GradeBadge grade={r.grade} /> : "—"}</td>
          <td className="py-2">{r.roleStartDate ? formatTenure(tenureMonths(r.roleStartDate, today)) : "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}
