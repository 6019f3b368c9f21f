import type { Metadata } from "next";
import { pageItem } from "@/lib/server/page-load";
import { getContest } from "@/lib/server/dal/contest/setup";
import { listJudges } from "@/lib/server/dal/contest/judges";
import { removeJudgeAction } from "@/lib/actions/contest";
import { CONTEST_EVENT_LABELS, isJudgedEvent, TRIM_FROM_JUDGES } from "@/lib/domain/contest";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ContestTabs } from "@/components/contest/contest-tabs";
import { AddJudgeForm } from "@/components/contest/setup-forms";
import { ConfirmButton } from "@/components/contest/action-form";
import { CONFLICT_NOTE } from "@/components/contest/text";

export const metadata: Metadata = { title: "比赛评委" };
export const dynamic = "force-dynamic";

export default async function ContestJudgesPage({ params }: { params: Promise<{ phaseId: string }> }) {
  const { viewer, item: contest } = await pageItem("hr.view", params, "phaseId", getContest);
  const judges = await listJudges(viewer, contest.id);
  return (
    <div>
      <PageHeader
        title={contest.name}
        subtitle={`评委可以是任何岗位的员工，也可以是外部评委；${TRIM_FROM_JUDGES} 名及以上评委时去掉一个最高分和一个最低分。${CONFLICT_NOTE}`}
      />
      <ContestTabs phaseId={contest.id} current="judges" />
      <div className="space-y-4">
        {contest.events
          .filter((e) => isJudgedEvent(e.kind))
          .map((e) => {
            const list = judges.filter((j) => j.eventId === e.id);
            const name = CONTEST_EVENT_LABELS[e.kind];
            return (
              <Card key={e.id} title={`${name}（${list.length} 名评委）`}>
                {list.length === 0 ? (
                  <EmptyState title="还没有评委" hint="填写内部评委的工号，或外部评委的姓名。" />
                ) : (
                  <ul className="mb-4 divide-y divide-slate-100" data-testid={`judges-${e.kind}`}>
                    {list.map((j) => (
                      <li key={j.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                        <span>
                          <span className="font-medium">{j.name}</span>
                          <span className="ml-2 text-slate-600">
                            {j.external ? "外部评委（由人力资源部代为录入）" : `工号 ${j.employeeNo} · ${j.branchName}（回避本支行）`}
                          </span>
                          <span className="ml-2 text-slate-600">已评 {j.scores} 个</span>
                        </span>
                        {!e.locked && j.scores === 0 ? (
                          <ConfirmButton
                            action={removeJudgeAction}
                            fields={{ judgeId: j.id }}
                            label="移除"
                            title={`确认移除评委 ${j.name}？`}
                            body={<p>该评委尚未评分，移除后可以重新添加。</p>}
                            confirmLabel="确认移除"
                          />
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
                {e.locked ? <p className="text-sm text-slate-600">该项目已锁定，不能再调整评委。</p> : <AddJudgeForm eventId={e.id} name={name} />}
              </Card>
            );
          })}
      </div>
    </div>
  );
}
