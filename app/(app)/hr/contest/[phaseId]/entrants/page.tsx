import type { Metadata } from "next";
import { pageItem } from "@/lib/server/page-load";
import { getContest, listEntrants } from "@/lib/server/dal/contest/setup";
import { syncEntrantsAction, withdrawEntrantAction } from "@/lib/actions/contest";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";
import { ContestTabs } from "@/components/contest/contest-tabs";
import { ActionButton, ConfirmButton } from "@/components/contest/action-form";
import { formatDate } from "@/components/contest/text";

export const metadata: Metadata = { title: "参赛人员" };
export const dynamic = "force-dynamic";

export default async function ContestEntrantsPage({ params }: { params: Promise<{ phaseId: string }> }) {
  const { viewer, item: contest } = await pageItem("hr.view", params, "phaseId", getContest);
  const entrants = await listEntrants(viewer, contest.id);
  return (
    <div>
      <PageHeader title={contest.name} subtitle={`参赛人员：${formatDate(contest.startsOn)}在岗、按当日等级符合条件的全体对公客户经理`} />
      <ContestTabs phaseId={contest.id} current="entrants" />
      <Card
        title={`参赛 ${contest.entrants} 人${contest.withdrawn ? `，退赛 ${contest.withdrawn} 人` : ""}`}
        actions={<ActionButton action={syncEntrantsAction} fields={{ phaseId: contest.id }} label="补充符合条件的人员" pendingText="正在核对…" />}
      >
        {entrants.length === 0 ? (
          <EmptyState title="还没有参赛人员" hint="点击「补充符合条件的人员」，按比赛开始日的等级生成名单。" />
        ) : (
          <DataTable testId="entrants" columns={["姓名", "工号", "支行", "团队", "状态", "操作"]}>
            {entrants.map((e) => (
              <tr key={e.id} className="border-t border-slate-100" data-testid={`entrant-${e.employeeNo}`}>
                <th scope="row" className="py-2 pr-4 text-left font-medium">
                  {e.name}
                </th>
                <td className="py-2 pr-4 tabular-nums">{e.employeeNo}</td>
                <td className="py-2 pr-4 whitespace-nowrap">{e.branchName}</td>
                <td className="py-2 pr-4">{e.teamName ?? "—"}</td>
                <td className="py-2 pr-4">{e.withdrawn ? <span className="text-orange-800">已退赛：{e.withdrawn.reason}</span> : "参赛"}</td>
                <td className="py-2">
                  {e.withdrawn ? null : (
                    <ConfirmButton
                      action={withdrawEntrantAction}
                      fields={{ entrantId: e.id }}
                      label={`退赛`}
                      title={`确认${e.name}退赛？`}
                      body={<p>退赛后不再接受其评分，也不参加排名和颁奖；记录会保留。</p>}
                      confirmLabel="确认退赛"
                      reasonLabel="退赛原因（必填）"
                    />
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
