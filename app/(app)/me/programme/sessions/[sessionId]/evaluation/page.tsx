import type { Metadata } from "next";
import { pageItem } from "@/lib/server/page-load";
import { getEvaluationForm } from "@/lib/server/dal/programme-forms/evaluations";
import { Card } from "@/components/ui/card";
import { ProgrammeFormPage } from "@/components/page/programme-form-page";
import { EvaluationForm } from "@/components/programme-forms/evaluation-form";
import { ASPECT_LABELS, ATTENDANCE_LABELS, SCORE_WORDS, formatDateTime, formatSessionTime } from "@/components/programme-forms/format";

export const metadata: Metadata = { title: "培训效果评估表" };
export const dynamic = "force-dynamic";

export default async function EvaluationPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { item: form } = await pageItem("programme.feedback", params, "sessionId", getEvaluationForm);
  const { session, evaluation } = form;
  const attendance = form.attendance ? ATTENDANCE_LABELS[form.attendance] : "未登记";
  return (
    <ProgrammeFormPage
      title="培训效果评估表"
      subtitle={`${session.phaseName} · ${session.title}`}
      intro={
        <Card>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-600">课程</dt>
              <dd className="font-medium text-slate-900">{session.title}</dd>
            </div>
            <div>
              <dt className="text-slate-600">讲师</dt>
              <dd className="font-medium text-slate-900">{session.lecturer ?? "未指定"}</dd>
            </div>
            <div>
              <dt className="text-slate-600">时间</dt>
              <dd>{formatSessionTime(session.startsAt, session.endsAt)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">地点</dt>
              <dd>{session.place}</dd>
            </div>
            <div>
              <dt className="text-slate-600">我的出勤</dt>
              <dd>{attendance}</dd>
            </div>
          </dl>
        </Card>
      }
      submitted={
        evaluation?.status === "SUBMITTED" ? (
          <Card title="我的评估（已提交）">
            <p className="mb-3 text-sm text-slate-600" data-testid="evaluation-submitted">
              已于 {formatDateTime(evaluation.submittedAt)} 提交，提交后不能修改。感谢您的反馈！
            </p>
            <dl className="grid gap-3 text-sm sm:grid-cols-2">
              {(["content", "delivery", "organisation", "applicability"] as const).map((a) => (
                <div key={a} className="rounded-md bg-slate-50 px-3 py-2">
                  <dt className="text-slate-600">{ASPECT_LABELS[a]}</dt>
                  <dd className="text-lg font-semibold text-slate-900">
                    {evaluation[a]} 分 <span className="text-sm font-normal text-slate-600">{SCORE_WORDS[evaluation[a] ?? 0] ?? ""}</span>
                  </dd>
                </div>
              ))}
            </dl>
            <p className="mt-3 text-sm text-slate-600">意见和建议</p>
            <p className="whitespace-pre-wrap text-sm text-slate-800">{evaluation.comments || "（无）"}</p>
          </Card>
        ) : null
      }
      fill={
        form.canFill
          ? {
              title: evaluation ? "继续填写（草稿）" : "请为本场培训打分",
              form: (
                <>
                  <p className="mb-4 text-sm text-slate-600">1 分最低、5 分最高。可以先保存草稿，提交后不能再修改。</p>
                  <EvaluationForm sessionId={session.id} evaluation={evaluation} />
                </>
              ),
            }
          : null
      }
      refusal={{
        testId: "evaluation-not-allowed",
        text: `只有参加了这场培训（出席或迟到）的学员才能填写评估表。您的出勤记录为「${attendance}」；如记录有误，请联系人力资源部更正考勤后再填写。`,
      }}
    />
  );
}
