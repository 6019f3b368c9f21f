import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { getBankHeatmap } from "@/lib/server/dal/competencies/results";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { HrCompetencyTabs } from "@/components/competencies/hr-tabs";
import { BankHeatmap } from "@/components/competencies/bank-heatmap";
import { CyclePicker, CycleStatus, HeatLegend } from "@/components/competencies/panels";
import { formatDate } from "@/lib/format";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("全行胜任力热力图", ["HR"]);
export const dynamic = "force-dynamic";

export default async function HrHeatmapPage({ searchParams }: { searchParams: Promise<{ cycle?: string }> }) {
  const viewer = await requirePageViewer("hr.view");
  const { cycle: cycleId } = await searchParams;
  const view = await getBankHeatmap(viewer, cycleId);
  if (!view) notFound();
  return (
    <div>
      <PageHeader title="胜任力" subtitle="全行各机构的能力差距与评估进度" actions={<CyclePicker cycles={view.cycles} selected={view.cycle?.id ?? null} />} />
      <HrCompetencyTabs current="/hr/competencies/heatmap" />
      {!view.cycle ? (
        <EmptyState
          title="还没有评估周期"
          hint={
            <>
              请先在「
              <Link href="/hr/competencies/cycles" className="text-brand-700 hover:underline">
                评估周期
              </Link>
              」中开启一个周期。
            </>
          }
        />
      ) : (
        <Card
          title={
            <span className="flex items-center gap-2">
              {view.cycle.name} · 各机构平均差距 <CycleStatus cycle={view.cycle} />
            </span>
          }
        >
          <p className="mb-3 text-sm text-slate-600">
            差距 = 每人当前等级的要求 − 其综合评估结果，按机构取平均；点击机构查看成员明细与评估进度。截止 {formatDate(view.cycle.deadline)} · 模型第{" "}
            {view.cycle.modelVersion} 版。
          </p>
          <BankHeatmap view={view} />
          <HeatLegend />
        </Card>
      )}
    </div>
  );
}
