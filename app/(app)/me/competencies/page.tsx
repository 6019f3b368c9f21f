import { requirePageViewer } from "@/lib/server/auth/guards";
import { getMyCompetencies } from "@/lib/server/dal/competencies/results";
import { GRADE_LABELS } from "@/lib/domain/grades";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { CyclePicker, CycleStatus, PendingFormsList } from "@/components/competencies/panels";
import { MyHistory, MyResults } from "@/components/competencies/my-results";
import { formatDate } from "@/lib/format";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("我的胜任力", ["ACCOUNT_MANAGER"]);
export const dynamic = "force-dynamic";

export default async function MyCompetenciesPage({ searchParams }: { searchParams: Promise<{ cycle?: string; submitted?: string }> }) {
  const viewer = await requirePageViewer("competency.self");
  const { cycle: cycleId, submitted } = await searchParams;
  const view = await getMyCompetencies(viewer, cycleId);
  return (
    <div className="space-y-6">
      <PageHeader
        title="我的胜任力"
        subtitle={
          view.grade
            ? `当前等级：${GRADE_LABELS[view.grade]}对公客户经理 · 对照${GRADE_LABELS[view.grade]}和${GRADE_LABELS[view.nextGrade!]}的能力要求`
            : "尚未定级"
        }
        actions={<CyclePicker cycles={view.cycles} selected={view.cycle?.id ?? null} />}
      />
      {submitted ? (
        <p role="status" className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900">
          评估已提交，谢谢！
        </p>
      ) : null}
      {view.pending.length > 0 || view.cycles.some((c) => c.status === "OPEN") ? (
        <Card title="待我填写的评估">
          <PendingFormsList forms={view.pending} empty="目前没有待填写的评估表。" />
        </Card>
      ) : null}
      {!view.cycle ? (
        <EmptyState title="还没有胜任力评估" hint="人力资源部开启评估周期后，您会在这里看到自评表；评估完成后这里会显示您的能力雷达和与下一等级的差距。" />
      ) : (
        <>
          <p className="flex items-center gap-2 text-sm text-slate-600">
            正在查看：{view.cycle.name} <CycleStatus cycle={view.cycle} /> · 截止 {formatDate(view.cycle.deadline)}
          </p>
          <MyResults view={view} />
          <Card title="历次评估">
            <MyHistory view={view} />
          </Card>
        </>
      )}
    </div>
  );
}
