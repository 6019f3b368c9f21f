import Link from "next/link";
import { ROLE_LABELS } from "@/lib/domain/grades";
import { formatTenure, tenureMonths } from "@/lib/domain/tenure";
import { todayInShanghai } from "@/lib/domain/dates";
import type { RosterRow } from "@/lib/server/dal/people";
import { EmptyState } from "@/components/ui/card";
import { GradeBadge } from "./grade-badge";

export function RosterTable({ rows }: { rows: RosterRow[] }) {
  if (rows.length === 0) return <EmptyState title="本机构暂无客户经理" hint="请联系人力资源部导入人员名单。" />;
  const today = todayInShanghai();
  return (
    <div className="overflow-x-auto" tabIndex={0}>
      <table className="w-full text-sm" data-testid="roster">
        <thead className="text-left text-slate-600">
          <tr>
            <th className="py-2 pr-4 font-normal">姓名</th>
            <th className="py-2 pr-4 font-normal">工号</th>
            <th className="py-2 pr-4 font-normal">岗位</th>
            <th className="py-2 pr-4 font-normal">等级</th>
            <th className="py-2 font-normal">任职年限</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
