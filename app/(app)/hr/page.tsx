import { Suspense } from "react";
import type { Viewer } from "@/lib/server/auth/viewer";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { DashboardLoading } from "@/components/dashboard/loading";
import { headcountsByGrade } from "@/lib/server/dal/people";
import { priorityHoldersForViewer } from "@/lib/server/dal/contest/awards";
import { PriorityPanel } from "@/components/contest/priority-panel";
import { previewReview } from "@/lib/server/dal/review/preview";
import { completionReport } from "@/lib/server/dal/courses/reports";
import {
  certificationRates,
  hrTodos,
  listCycleOptions,
  listQuarterStatuses,
  newInRole,
  nineBox,
  programmeProgress,
  quarterParam,
  ratingDistributionByBranch,
  ratingProgressByBranch,
  reviewSummaryQuarter,
} from "@/lib/server/dal/dashboard/hr";
import type { ReviewSummaryView } from "@/lib/server/dal/dashboard/views";
import { PageHeader } from "@/components/ui/card";
import {
  BranchDirectory,
  CertificationRates,
  CompletionByTierChart,
  DistributionChart,
  HeadcountChart,
  HeatmapLinkCard,
  HrTodoList,
  NewInRoleCard,
  NineBox,
  ProgrammeProgress,
  RatingProgressChart,
  ReviewSummaryCard,
} from "@/components/dashboard/hr-panels";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("全行概览", ["HR"]);
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const CELL_RE = /^(LOW|MID|HIGH)-(LOW|MID|HIGH)$/;

/**
 * HR's home (DOMAIN §11). Filters live in the URL: ?quarter= (rating distribution), ?cycle= and
 * ?branch= (9-box), ?cell= (9-box drill-down).
 */
export default async function HrHome({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requirePageViewer("hr.view");
  const sp = await searchParams;
  // The heading and navigation show at once; the panels stream in when their queries are done.
  return (
    <div className="space-y-6">
      <PageHeader title="全行概览" subtitle="等级分布、季度考评、晋级评审、人才九宫格、培训与认证" />
      <Suspense fallback={<DashboardLoading />}>
        <HrDashboard viewer={viewer} sp={sp} />
      </Suspense>
    </div>
  );
}

async function HrDashboard({ viewer, sp }: { viewer: Viewer; sp: SearchParams }) {
  const cellParam = one(sp.cell);
  const cell = cellParam && CELL_RE.test(cellParam) ? cellParam : null;
  const branchParam = one(sp.branch) || null;

  const [quarters, { cycles, defaultId }, headcounts] = await Promise.all([listQuarterStatuses(viewer), listCycleOptions(viewer), headcountsByGrade(viewer)]);
  const openQuarter = quarters.find((q) => q.status === "OPEN")?.quarter ?? null;
  const lockedQuarters = quarters.filter((q) => q.status === "LOCKED").map((q) => q.quarter);
  const requested = quarterParam(one(sp.quarter));
  const distQuarter = requested && quarters.some((q) => q.quarter === requested) ? requested : (lockedQuarters[0] ?? quarters[0]?.quarter ?? null);
  const cycle = cycles.find((c) => c.id === one(sp.cycle)) ?? cycles.find((c) => c.id === defaultId) ?? null;
  const branches = [...new Map(headcounts.map((h) => [h.branchId, h.branchName])).entries()].map(([id, name]) => ({ id, name }));
  const branchId = branchParam && branches.some((b) => b.id === branchParam) ? branchParam : null;

  const [progress, distribution, reviewQuarter, box, newcomers, certs, completion, todos, programme, priorityHolders] = await Promise.all([
    openQuarter ? ratingProgressByBranch(viewer, openQuarter) : Promise.resolve([]),
    distQuarter ? ratingDistributionByBranch(viewer, distQuarter) : Promise.resolve([]),
    reviewSummaryQuarter(viewer),
    nineBox(viewer, { cycle, branchId, cell }),
    newInRole(viewer),
    certificationRates(viewer),
    completionReport(viewer),
    hrTodos(viewer),
    programmeProgress(viewer),
    priorityHoldersForViewer(viewer),
  ]);
  // The review's counts come from the review DAL's own computation, once, and only while the
  // review is still open (a committed review has its result page).
  let review: ReviewSummaryView = { ...reviewQuarter, counts: null };
  if (reviewQuarter.quarter && reviewQuarter.status !== "COMMITTED") {
    const preview = await previewReview(viewer, reviewQuarter.quarter, { pageSize: 10 });
    review = { ...reviewQuarter, counts: preview.counts };
  }

  const hrefFor = (key: string) => {
    const params = new URLSearchParams();
    if (distQuarter && requested) params.set("quarter", distQuarter);
    if (cycle && one(sp.cycle)) params.set("cycle", cycle.id);
    if (branchId) params.set("branch", branchId);
    params.set("cell", key);
    return `/hr?${params.toString()}#nine-box`;
  };

  return (
    <div className="space-y-6">
      <HrTodoList todos={todos} />
      <BranchDirectory
        branches={branches}
        query={(one(sp.q) ?? "").trim().slice(0, 50)}
        hidden={{ quarter: requested ? (distQuarter ?? undefined) : undefined, cycle: one(sp.cycle) ? cycle?.id : undefined, branch: branchId ?? undefined }}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <HeadcountChart rows={headcounts} />
        <RatingProgressChart quarter={openQuarter} rows={progress} />
        <ReviewSummaryCard summary={review} />
        <DistributionChart quarter={distQuarter} rows={distribution} quarters={quarters.map((q) => q.quarter)} />
        <NineBox view={box} hrefFor={hrefFor} cycles={cycles.map((c) => ({ id: c.id, name: c.name }))} branches={branches} branchId={branchId} />
        <div className="grid min-w-0 gap-6">
          <NewInRoleCard view={newcomers} />
          <HeatmapLinkCard cycleName={cycles[0]?.name ?? null} />
        </div>
        <CompletionByTierChart rows={completion.byTier} />
        <CertificationRates rows={certs} />
        {/* Programme year (issue 8) fills these tables; the panel shows its empty state until then. */}
        <ProgrammeProgress view={programme} />
        <div data-testid="panel-contest" className="min-w-0">
          <PriorityPanel holders={priorityHolders} showBranch />
        </div>
      </div>
    </div>
  );
}
