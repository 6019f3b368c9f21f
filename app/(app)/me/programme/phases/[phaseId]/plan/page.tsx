import type { Metadata } from "next";
import { pageItem } from "@/lib/server/page-load";
import { getActionPlanForm } from "@/lib/server/dal/programme-forms/action-plans";
import { quarterLabel } from "@/lib/domain/dates";
import { Card } from "@/components/ui/card";
import { ProgrammeFormPage } from "@/components/page/programme-form-page";
import { Facts } from "@/components/page/facts";
import { ActionPlanForm } from "@/components/programme-forms/action-plan-form";
import { FollowUpList } from "@/components/programme-forms/follow-up-list";
import { formatDate, formatDateTime } from "@/components/programme-forms/format";

export const metadata: Metadata = { title: "行动计划表" };
export const dynamic = "force-dynamic";

export default async function ActionPlanPage({ params }: { params: Promise<{ phaseId: string }> }) {
  const { item: form } = await pageItem("programme.feedback", params, "phaseId", getActionPlanForm);
  const { phase, plan } = form;
  return (
    <ProgrammeFormPage
      title="行动计划表"
      subtitle={`${phase.name}（${formatDate(phase.startsOn)}—${formatDate(phase.endsOn)}）`}
      intro={
        <p className="text-sm text-slate-600">
          培训结束后，把所学转化为 30～90 天内的具体行动。支行长会在提交后第 30、60、90 天跟进，并给出 0–100 分的最终评分
          {phase.feedsQuarter ? `，计入${quarterLabel(phase.feedsQuarter)}季度考评的「行动计划跟进评分」` : ""}。
        </p>
      }
      submitted={
        plan?.status === "SUBMITTED" ? (
          <>
            <Card title="我的行动计划（已提交）">
              <p className="mb-3 text-sm text-slate-600" data-testid="plan-submitted">
                已于 {formatDateTime(plan.submittedAt)} 提交，提交后不能修改。
              </p>
              <Facts
                className="space-y-3 text-sm"
                valueClassName="whitespace-pre-wrap text-slate-900"
                facts={[
                  ["行动目标", plan.goals],
                  ["具体行动", plan.actions],
                  ["完成期限", formatDate(plan.deadline)],
                  ["所需资源与支持", plan.resources || "（无）"],
                  ["成功标准", plan.successMeasure || "（无）"],
                ]}
              />
            </Card>
            <Card title="支行长跟进">
              <FollowUpList followUps={plan.followUps} empty="支行长尚未跟进：第一次跟进在提交后第 30 天。" />
            </Card>
            <Card title="最终评分">
              {plan.finalScore !== null ? (
                <p className="text-sm" data-testid="plan-final-score">
                  <span className="text-2xl font-semibold text-slate-900">{plan.finalScore}</span> 分
                  {plan.quarter ? <span className="ml-2 text-slate-600">计入{quarterLabel(plan.quarter)}考评</span> : null}
                </p>
              ) : (
                <p className="text-sm text-slate-600">支行长尚未评分。评分后会显示在这里。</p>
              )}
            </Card>
          </>
        ) : null
      }
      fill={form.canFill ? { title: plan ? "继续填写（草稿）" : "填写行动计划", form: <ActionPlanForm phaseId={phase.id} plan={plan} /> } : null}
      refusal={{
        testId: "plan-not-allowed",
        text: "只有参加了本阶段培训（至少出勤一场）的学员才能填写行动计划表。您目前没有出勤记录；如记录有误，请联系人力资源部。",
      }}
    />
  );
}
