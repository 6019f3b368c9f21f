import Link from "next/link";
import { pageLoad } from "@/lib/server/page-load";
import { getBranchCompetencies } from "@/lib/server/dal/competencies/results";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { BranchCompetencyPanels, CyclePicker } from "@/components/competencies/panels";
import { formatDate } from "@/lib/format";
import { titleFor } from "@/lib/server/page-title";
import { pageParam } from "@/components/dashboard/paging";

export const generateMetadata = titleFor("机构胜任力详情", ["HR"]);
export const dynamic = "force-dynamic";

export default async function HrBranchCompetenciesPage({
  params,
  searchParams,
}: {
  params: Promise<{ branchId: string }>;
  searchParams: Promise<{ cycle?: string; sort?: string; page?: string; open?: string }>;
}) {
  const [{ branchId }, { cycle: cycleId, sort, page, open }] = await Promise.all([params, searchParams]);
  const { item: view } = await pageLoad("hr.view", (viewer) => getBranchCompetencies(viewer, { branchId, cycleId }));
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${view.branch.name} · 胜任力`}
        subtitle={view.cycle ? `${view.cycle.name} · 截止 ${formatDate(view.cycle.deadline)}` : undefined}
        actions={
          <div className="flex flex-wrap items-center gap-4">
            <CyclePicker cycles={view.cycles} selected={view.cycle?.id ?? null} />
            <Link href={`/hr/competencies/heatmap${view.cycle ? `?cycle=${view.cycle.id}` : ""}`} className="text-sm text-brand-700 hover:underline">
              ← 全行热力图
            </Link>
          </div>
        }
      />
      {view.cycle ? (
        <BranchCompetencyPanels
          view={view}
          nominateHref={`/hr/competencies/cycles/${view.cycle.id}/peers`}
          personHref="/people"
          courseHref={(code) => `/hr/courses?competency=${code}`}
          paging={{ sort, page: pageParam(page), openPage: pageParam(open), action: `/hr/competencies/heatmap/${view.branch.id}`, cycle: cycleId }}
        />
      ) : (
        <EmptyState title="该机构还没有参加过评估周期" />
      )}
    </div>
  );
}
