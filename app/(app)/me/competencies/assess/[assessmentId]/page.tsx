import Link from "next/link";
import { pageItem } from "@/lib/server/page-load";
import { getAssessmentForm } from "@/lib/server/dal/competencies/assessments";
import { GRADE_LABELS } from "@/lib/domain/grades";
import { PROFICIENCY_LABELS, SOURCE_LABELS, type ProficiencyLevel } from "@/lib/domain/competency";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";
import { AssessmentForm } from "@/components/competencies/assessment-form";
import { formatDate } from "@/lib/format";
import { formatDateTime } from "@/lib/format";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("胜任力评估", ["ACCOUNT_MANAGER", "BRANCH_HEAD"]);
export const dynamic = "force-dynamic";

export default async function AssessPage({ params }: { params: Promise<{ assessmentId: string }> }) {
  // Only the form's own assessor gets it; for anyone else it does not exist.
  const { viewer, item: form } = await pageItem("competency.assess", params, "assessmentId", getAssessmentForm);
  const back = viewer.role === "BRANCH_HEAD" ? "/branch/competencies" : "/me/competencies";
  const title = form.source === "SELF" ? "自评" : `${SOURCE_LABELS[form.source]} · ${form.assessee.name}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={title}
        subtitle={`${form.cycle.name} · 截止 ${formatDate(form.cycle.deadline)} · ${form.assessee.branchName} · ${form.assessee.grade ? `${GRADE_LABELS[form.assessee.grade]}对公客户经理` : "未定级"}`}
        actions={
          <Link href={back} className="text-sm text-brand-700 hover:underline">
            ← 返回
          </Link>
        }
      />
      {form.submittedAt ? (
        <Card title={`已于 ${formatDateTime(form.submittedAt)} 提交`}>
          <DataTable testId="submitted-answers" columns={["能力", "岗位要求", "评分", "评语"]}>
            {form.competencies.map((c) => {
              const a = form.answers[c.code];
              return (
                <tr key={c.code} className="border-t border-slate-100">
                  <th scope="row" className="py-2 pr-4 text-left font-normal">
                    {c.name}
                  </th>
                  <td className="py-2 pr-4">{c.required ?? "—"}</td>
                  <td className="py-2 pr-4">{a ? `${a.level} ${PROFICIENCY_LABELS[a.level as ProficiencyLevel]}` : "—"}</td>
                  <td className="py-2 text-slate-600">{a?.comment ?? "—"}</td>
                </tr>
              );
            })}
          </DataTable>
          <p className="mt-3 text-sm text-slate-600">
            评估提交后不能修改。{form.source === "PEER" ? "您的评分只以同事平均值的形式出现，被评估人和支行长看不到单个同事的评分。" : ""}
          </p>
        </Card>
      ) : !form.cycle.acceptingAnswers ? (
        <Card>
          <p className="text-sm text-slate-700">
            {form.cycle.status === "CLOSED"
              ? "评估周期已关闭，这份评估表不能再提交。"
              : `评估已于 ${formatDate(form.cycle.deadline)} 截止，这份评估表不能再提交。`}
          </p>
        </Card>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            请对照每个等级的行为表现，选择最符合{form.source === "SELF" ? "您" : form.assessee.name}
            近半年实际工作的等级；虚线框标出的是其岗位要求的等级。与要求相差两级及以上时须填写评语。
            {form.source === "PEER" ? " 您的评分是匿名的：被评估人和支行长只能看到至少 3 名同事的平均分。" : ""}
          </p>
          <AssessmentForm assessmentId={form.id} source={form.source} assesseeName={form.assessee.name} competencies={form.competencies} />
        </>
      )}
    </div>
  );
}
