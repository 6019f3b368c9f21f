import type { Metadata } from "next";
import Link from "next/link";
import { pageLoad } from "@/lib/server/page-load";
import { listMentorships } from "@/lib/server/dal/programme-forms/mentoring";
import { todayInShanghai } from "@/lib/domain/dates";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";
import { EndMentorshipButton, MentorshipForm } from "@/components/mentoring/mentorship-form";
import { OverdueFlags, pairPeriod } from "@/components/mentoring/thread";

export const metadata: Metadata = { title: "导师计划" };
export const dynamic = "force-dynamic";

export default async function HrMentoringPage() {
  const { item: pairs } = await pageLoad("mentoring.manage", listMentorships);
  const today = todayInShanghai();
  const active = pairs.filter((p) => p.active);
  const overdue = active.filter((p) => p.overdueMonths.length > 0).length;
  return (
    <div className="space-y-6">
      <PageHeader
        title="导师计划"
        subtitle={`进行中 ${active.length} 对，其中 ${overdue} 对有逾期未交的工作心得`}
        actions={
          <Link href="/mentoring" className="text-sm text-brand-700 hover:underline">
            我带教的学员
          </Link>
        }
      />
      <Card title="新建导师结对">
        <p className="mb-3 text-sm text-slate-600">为见习对公客户经理安排一名导师。学员每月提交一篇工作心得（次月 5 日前交上月的），导师回复。</p>
        <MentorshipForm today={today} />
      </Card>
      <Card title="全部结对">
        {pairs.length === 0 ? (
          <EmptyState title="还没有导师结对" hint="在上方填写学员和导师的工号，建立第一对结对。" />
        ) : (
          <DataTable testId="mentorship-table" columns={["学员", "导师", "期间", { label: "已交心得", align: "right" }, "逾期月份", ""]}>
            {pairs.map((p) => (
              <tr key={p.id} className="border-t border-slate-100 align-top" data-testid={`pair-${p.mentee.employeeNo}`}>
                <td className="py-2 pr-4">
                  <p className="font-medium">{p.mentee.name}</p>
                  <p className="text-xs text-slate-600">
                    {p.mentee.employeeNo} · {p.mentee.branchName}
                  </p>
                </td>
                <td className="py-2 pr-4">
                  <p>{p.mentor.name}</p>
                  <p className="text-xs text-slate-600">{p.mentor.roleLabel}</p>
                </td>
                <td className="py-2 pr-4 text-xs whitespace-nowrap">
                  {pairPeriod(p)}
                  {!p.active ? <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">已结束</span> : null}
                </td>
                <td className="py-2 pr-4 text-right tabular-nums">{p.reflections.length}</td>
                <td className="py-2 pr-4">
                  <OverdueFlags months={p.overdueMonths} />
                </td>
                <td className="py-2">
                  {p.active ? <EndMentorshipButton mentorshipId={p.id} today={today} label={`${p.mentee.name} 与 ${p.mentor.name}`} /> : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
