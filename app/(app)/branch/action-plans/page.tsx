import type { Metadata } from "next";
import { pageLoad } from "@/lib/server/page-load";
import { listBranchActionPlans } from "@/lib/server/dal/programme-forms/action-plans";
import { quarterLabel } from "@/lib/domain/dates";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { FollowUpList } from "@/components/programme-forms/follow-up-list";
import { FinalScoreForm, FollowUpForm } from "@/components/programme-forms/plan-review-forms";
import { formatDate } from "@/components/programme-forms/format";

export const metadata: Metadata = { title: "行动计划跟进" };
export const dynamic = "force-dynamic";

export default async function BranchActionPlansPage() {
  const { viewer, item: plans } = await pageLoad("programme.followUp", listBranchActionPlans);
  const waiting = plans.filter((p) => p.finalScore === null && !p.quarterLocked).length;
  return (
    <div className="space-y-6">
      <PageHeader title="行动计划跟进" subtitle={`${viewer.branchName} · 已提交 ${plans.length} 份，待评分 ${waiting} 份`} />
      <p className="text-sm text-slate-600">
        员工参加训练营后提交的行动计划，请在提交后第 30、60、90 天跟进，并在关联季度锁定前给出 0–100
        分的最终评分；评分自动计入该季度考评的「行动计划跟进评分」。
      </p>
      {plans.length === 0 ? (
        <EmptyState title="还没有员工提交行动计划" hint="员工参加雏鹰或金鹰训练营后，会在「我的培训」中填写行动计划表；提交后出现在这里。" />
      ) : (
        <ul className="space-y-4">
          {plans.map((p) => (
            <li key={p.id} data-testid={`plan-${p.employeeNo}`}>
              <Card
                title={
                  <span>
                    {p.name}{" "}
                    <span className="text-sm font-normal text-slate-600">
                      工号 {p.employeeNo} · {p.phaseName}
                    </span>
                  </span>
                }
                actions={
                  p.dueCheckpoints.length > 0 ? (
                    <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
                      待跟进：{p.dueCheckpoints.map((c) => `${c} 天`).join("、")}
                    </span>
                  ) : null
                }
              >
                <div className="grid gap-6 lg:grid-cols-2">
                  <dl className="space-y-2 text-sm">
                    <div>
                      <dt className="text-slate-600">行动目标</dt>
                      <dd className="whitespace-pre-wrap text-slate-900">{p.goals}</dd>
                    </div>
                    <div>
                      <dt className="text-slate-600">具体行动</dt>
                      <dd className="whitespace-pre-wrap text-slate-900">{p.actions}</dd>
                    </div>
                    <div>
                      <dt className="inline text-slate-600">完成期限：</dt>
                      <dd className="inline">{formatDate(p.deadline)}</dd>
                    </div>
                    <div>
                      <dt className="inline text-slate-600">提交日期：</dt>
                      <dd className="inline">{formatDate(p.submittedAt)}</dd>
                    </div>
                    <div>
                      <dt className="inline text-slate-600">计入：</dt>
                      <dd className="inline">{p.quarter ? `${quarterLabel(p.quarter)}考评` : "未关联考评季度"}</dd>
                    </div>
                    {p.resources ? (
                      <div>
                        <dt className="text-slate-600">所需资源与支持</dt>
                        <dd className="whitespace-pre-wrap">{p.resources}</dd>
                      </div>
                    ) : null}
                    {p.successMeasure ? (
                      <div>
                        <dt className="text-slate-600">成功标准</dt>
                        <dd className="whitespace-pre-wrap">{p.successMeasure}</dd>
                      </div>
                    ) : null}
                  </dl>
                  <div className="space-y-4">
                    <div>
                      <h3 className="mb-2 text-sm font-medium text-slate-800">跟进记录</h3>
                      <FollowUpList followUps={p.followUps} />
                    </div>
                    <FollowUpForm
                      planId={p.id}
                      suggested={p.dueCheckpoints[0] ?? [30, 60, 90].find((c) => !p.followUps.some((f) => f.checkpoint === c)) ?? 90}
                    />
                    {p.quarterLocked ? (
                      <p className="text-sm text-slate-700" data-testid="score-locked">
                        最终评分：{p.finalScore !== null ? `${p.finalScore} 分` : "未评分"}（{quarterLabel(p.quarter!)}考评已锁定，不能再修改）
                      </p>
                    ) : (
                      <FinalScoreForm planId={p.id} current={p.finalScore} />
                    )}
                  </div>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
