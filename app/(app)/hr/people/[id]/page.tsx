import type { Metadata } from "next";
import Link from "next/link";
import { BackToPeople } from "@/components/people/admin/back-link";
import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { getPersonForHr, listBranchOptions } from "@/lib/server/dal/people-admin";
import { MEMBERSHIP_REASON_LABELS } from "@/lib/server/dal/people-admin/views";
import { chineseDateLabel, todayInShanghai } from "@/lib/domain/dates";
import { formatTenure } from "@/lib/domain/tenure";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";
import { GradeChangesTable } from "@/components/people/grade-changes-table";
import { PersonActions } from "@/components/people/admin/person-actions";
import { STATUS_LABELS, gradeCell, roleLabel } from "@/components/people/admin/labels";
import { Facts, type Fact } from "@/components/page/facts";

export const metadata: Metadata = { title: "人员详情" };
export const dynamic = "force-dynamic";

/** A history cell kept on one line. */
function Cell({ children }: { children: React.ReactNode }) {
  return <td className="whitespace-nowrap py-2 pr-4">{children}</td>;
}

export default async function PersonAdminPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer("hr.view");
  const { id } = await params;
  const today = todayInShanghai();
  const [person, branches] = await Promise.all([getPersonForHr(viewer, id, today), listBranchOptions()]);
  if (!person) notFound();
  const facts: Fact[] = [
    ["工号", person.employeeNo],
    ["邮箱", person.email],
    ["机构", person.branchName],
    ["岗位", roleLabel(person.role)],
    ["等级", gradeCell(person.grade, person.role, person.status)],
    ["状态", person.status === "EXITED" && person.exitedAt ? `已退出（${chineseDateLabel(person.exitedAt)}）` : STATUS_LABELS[person.status]],
    ["任职起始日", person.roleStartDate ? chineseDateLabel(person.roleStartDate) : "—"],
    ["任职年限", person.tenureMonths === null ? "—" : formatTenure(person.tenureMonths)],
  ];
  return (
    <div className="space-y-6">
      <PageHeader
        title={person.name}
        subtitle={`${person.branchName} · ${roleLabel(person.role)}`}
        actions={
          <Link href={`/people/${person.id}`} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
            查看成长档案
          </Link>
        }
      />
      <Card title="基本信息">
        <Facts
          facts={facts}
          testId="person-facts"
          className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2"
          rowClassName="flex gap-3"
          labelClassName="w-20 shrink-0 text-slate-600"
          valueClassName="min-w-0 break-all text-slate-900"
        />
      </Card>
      <Card title="人事变更">
        <PersonActions person={person} branches={branches} today={today} />
      </Card>
      <Card title="机构与岗位历史">
        <DataTable testId="membership-history" columns={["机构", "岗位", "起始日", "截止日", "变动", "说明"]}>
          {person.memberships.map((m) => (
            <tr key={m.id} className="border-t border-slate-100">
              <Cell>{m.branchName}</Cell>
              <Cell>{roleLabel(m.role)}</Cell>
              <Cell>{chineseDateLabel(m.startDate)}</Cell>
              <Cell>{m.endDate ? `${chineseDateLabel(m.endDate)}前` : "至今"}</Cell>
              <Cell>
                {MEMBERSHIP_REASON_LABELS[m.startReason] ?? "—"}
                {m.endReason ? ` → ${MEMBERSHIP_REASON_LABELS[m.endReason] ?? ""}` : ""}
              </Cell>
              <td className="py-2">{m.note ?? "—"}</td>
            </tr>
          ))}
        </DataTable>
        {person.memberships.length === 0 ? <p className="mt-2 text-sm text-slate-600">暂无机构历史记录。</p> : null}
      </Card>
      <Card title="等级历史">
        {person.gradeHistory.length === 0 ? (
          <p className="text-sm text-slate-600">
            {person.role === "ACCOUNT_MANAGER" ? "尚未定级：请在“定级”页面确定等级，或在上方手工调整。" : "该岗位没有等级。"}
          </p>
        ) : (
          <GradeChangesTable testId="grade-history" changes={person.gradeHistory} />
        )}
      </Card>
      <BackToPeople />
    </div>
  );
}
