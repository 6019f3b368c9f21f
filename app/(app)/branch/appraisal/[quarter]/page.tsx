import { quarterSheetMetadata, type SheetPageProps } from "@/components/appraisal/sheet-page";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { getAppraisalSheet } from "@/lib/server/dal/appraisal/sheet";
import { parseSheetSearchParams } from "@/lib/schemas/appraisal";
import { Card, PageHeader } from "@/components/ui/card";
import { AppraisalSheet } from "@/components/appraisal/appraisal-sheet";
import { RatingCounts } from "@/components/appraisal/rating-counts";
import { SheetFilters } from "@/components/appraisal/sheet-filters";
import { Pagination } from "@/components/ui/pagination";
import { QuarterStatusBadge } from "@/components/appraisal/quarter-status-badge";
import { formatDateTime, LOCKED_NOTICE_FOR_HEAD } from "@/components/appraisal/text";

export const generateMetadata = quarterSheetMetadata;
export const dynamic = "force-dynamic";

export default async function BranchQuarterPage({ params, searchParams }: SheetPageProps) {
  const viewer = await requirePageViewer("branch.home");
  const { quarter } = await params;
  const filters = parseSheetSearchParams(await searchParams);
  // The DAL always limits a branch head to their own branch, whatever the URL says.
  const sheet = await getAppraisalSheet(viewer, quarter, { q: filters.q, status: filters.status, page: filters.page });
  if (!sheet) notFound();
  const locked = sheet.quarter.status === "LOCKED";
  const basePath = `/branch/appraisal/${quarter}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${sheet.quarter.label} · 季度考评`}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <QuarterStatusBadge status={sheet.quarter.status} />
            <span>
              {viewer.branchName} · 评分模板第 {sheet.quarter.templateVersion} 版
            </span>
            <Link href="/branch/appraisal" className="text-brand-700 hover:underline">
              返回季度列表
            </Link>
          </span>
        }
      />
      {locked ? (
        <p role="note" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-800" data-testid="locked-notice">
          {LOCKED_NOTICE_FOR_HEAD}（锁定时间 {formatDateTime(sheet.quarter.lockedAt)}）
        </p>
      ) : null}
      <Card title="评级分布">
        <RatingCounts counts={sheet.counts} />
      </Card>
      <Card title="本机构客户经理">
        <div className="mb-4">
          <SheetFilters action={basePath} q={sheet.filters.q} status={sheet.filters.status} />
        </div>
        <AppraisalSheet
          quarter={quarter}
          rows={sheet.rows}
          template={sheet.template}
          bands={sheet.bands}
          mode={locked ? "readonly" : "edit"}
          roracPath={`${basePath}/rorac`}
          showBranch={false}
          emptyHint={sheet.counts.total === 0 ? "本机构暂无在职的对公客户经理。" : "换一个筛选条件试试，或点“清除筛选”。"}
        />
        <Pagination
          basePath={basePath}
          params={{ q: sheet.filters.q || undefined, status: sheet.filters.status === "ALL" ? undefined : sheet.filters.status }}
          page={sheet.filters.page}
          pageCount={sheet.pageCount}
          matching={sheet.matching}
        />
      </Card>
    </div>
  );
}
