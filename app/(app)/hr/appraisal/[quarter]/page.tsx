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
import { BranchDistribution } from "@/components/appraisal/branch-distribution";
import { LockQuarterForm } from "@/components/appraisal/lock-quarter-form";
import { ImportPanel, RoracImportPanel } from "@/components/appraisal/import-panel";
import { formatDateTime, LOCKED_NOTICE_FOR_HR } from "@/components/appraisal/text";

export const generateMetadata = quarterSheetMetadata;
export const dynamic = "force-dynamic";

export default async function HrQuarterPage({ params, searchParams }: SheetPageProps) {
  const viewer = await requirePageViewer("hr.view");
  const { quarter } = await params;
  const filters = parseSheetSearchParams(await searchParams);
  const sheet = await getAppraisalSheet(viewer, quarter, filters);
  if (!sheet) notFound();
  const locked = sheet.quarter.status === "LOCKED";
  const basePath = `/hr/appraisal/${quarter}`;
  const branchOptions = sheet.branches.map((b) => ({ id: b.branchId, name: b.branchName }));
  const branchName = branchOptions.find((b) => b.id === sheet.branchId)?.name;
  const bankTotal = sheet.branches.reduce((s, b) => s + b.total, 0);
  const bankRated = sheet.branches.reduce((s, b) => s + b.rated, 0);
  const overCap = sheet.branches.filter((b) => b.cap !== null && b.excellent > b.cap).length;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${sheet.quarter.label} · 季度考评`}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <QuarterStatusBadge status={sheet.quarter.status} />
            <span>
              评分模板第 {sheet.quarter.templateVersion} 版 · 全行已评 {bankRated}/{bankTotal} 人
            </span>
            <Link href="/hr/appraisal" className="text-brand-700 hover:underline">
              返回季度列表
            </Link>
          </span>
        }
        actions={
          locked ? null : (
            <LockQuarterForm
              quarter={quarter}
              label={sheet.quarter.label}
              unrated={bankTotal - bankRated}
              maxExcellentPct={sheet.quarter.maxExcellentPct}
              overCapBranches={overCap}
            />
          )
        }
      />
      {locked ? (
        <p role="note" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-800" data-testid="locked-notice">
          {LOCKED_NOTICE_FOR_HR}（锁定时间 {formatDateTime(sheet.quarter.lockedAt)}）
        </p>
      ) : null}
      <Card title={`评级分布${branchName ? ` · ${branchName}` : " · 全行"}`}>
        <RatingCounts counts={sheet.counts} />
      </Card>
      <Card title="各机构进度">
        <BranchDistribution branches={sheet.branches} maxExcellentPct={sheet.quarter.maxExcellentPct} quarter={quarter} />
      </Card>
      {locked ? null : (
        <Card title="批量导入">
          <ImportPanel quarter={quarter} branchId={sheet.branchId} />
        </Card>
      )}
      {locked ? null : (
        <Card title="导入 RORAC 业务条线">
          <RoracImportPanel quarter={quarter} />
        </Card>
      )}
      <Card title="考评名单">
        <div className="mb-4">
          <SheetFilters action={basePath} q={sheet.filters.q} status={sheet.filters.status} branchId={sheet.branchId} branches={branchOptions} />
        </div>
        <AppraisalSheet
          quarter={quarter}
          rows={sheet.rows}
          template={sheet.template}
          bands={sheet.bands}
          mode={locked ? "correct" : "edit"}
          showBranch
          roracPath={`${basePath}/rorac`}
          emptyHint="换一个筛选条件试试，或点“清除筛选”。"
        />
        <Pagination
          basePath={basePath}
          params={{
            branch: sheet.branchId ?? undefined,
            q: sheet.filters.q || undefined,
            status: sheet.filters.status === "ALL" ? undefined : sheet.filters.status,
          }}
          page={sheet.filters.page}
          pageCount={sheet.pageCount}
          matching={sheet.matching}
        />
      </Card>
    </div>
  );
}
