import Link from "next/link";
import { pageLoad } from "@/lib/server/page-load";
import { getBankHeatmap } from "@/lib/server/dal/competencies/results";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { HrCompetencyTabs } from "@/components/competencies/hr-tabs";
import { BankHeatmap } from "@/components/competencies/bank-heatmap";
import { CyclePicker, CycleStatus, HeatLegend } from "@/components/competencies/panels";
import { formatDate } from "@/lib/format";
import { SliceNav } from "@/components/dashboard/slice-nav";
import { BranchSearch } from "@/components/dashboard/branch-search";
import { pageOf, pageParam } from "@/components/dashboard/paging";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("全行胜任力热力图", ["HR"]);
export const dynamic = "force-dynamic";

/** Branch rows per page: 300 branches × 9 competencies would be a 1.2 MB page. */
const PAGE_SIZE = 20;

export default async function HrHeatmapPage({ searchParams }: { searchParams: Promise<{ cycle?: string; q?: string; page?: string }> }) {
  const { cycle: cycleId, q: rawQuery, page } = await searchParams;
  const { item: view } = await pageLoad("hr.view", (viewer) => getBankHeatmap(viewer, cycleId));
  const query = (rawQuery ?? "").trim().slice(0, 50);
  const shown = pageOf(query ? view.branches.filter((b) => b.branchName.includes(query)) : view.branches, pageParam(page), PAGE_SIZE);
  const cycleParam = cycleId && view.cycle?.id === cycleId ? cycleId : undefined;
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
          {view.branches.length > PAGE_SIZE || query ? <BranchSearch action="/hr/competencies/heatmap" query={query} hidden={{ cycle: cycleParam }} /> : null}
          {shown.total === 0 ? (
            <EmptyState title={`没有名称包含“${query}”的机构`} hint="换一个关键词，或清除搜索查看全部机构。" />
          ) : (
            <BankHeatmap view={view} rows={shown.rows} />
          )}
          <HeatLegend />
          <SliceNav slice={shown} basePath="/hr/competencies/heatmap" params={{ cycle: cycleParam, q: query || undefined }} unit="个机构" />
        </Card>
      )}
    </div>
  );
}
