import Link from "next/link";
import type { AppraisalSheet as SheetView } from "@/lib/server/dal/appraisal/sheet";
import { Card, PageHeader } from "@/components/ui/card";
import { AppraisalSheet } from "@/components/appraisal/appraisal-sheet";
import { RatingCounts } from "@/components/appraisal/rating-counts";
import { SheetFilters } from "@/components/appraisal/sheet-filters";
import { Pagination } from "@/components/ui/pagination";
import { QuarterStatusBadge } from "@/components/appraisal/quarter-status-badge";
import { BranchDistribution } from "@/components/appraisal/branch-distribution";
import { LockQuarterForm } from "@/components/appraisal/lock-quarter-form";
import { ImportPanel, RoracImportPanel } from "@/components/appraisal/import-panel";
import { formatDateTime, LOCKED_NOTICE_FOR_HEAD, LOCKED_NOTICE_FOR_HR } from "@/components/appraisal/text";

const FILTER_HINT = "换一个筛选条件试试，或点“清除筛选”。";

/**
 * A quarter's appraisal sheet, shared by HR and branch heads. HR sees the whole bank (a branch
 * filter, each branch's progress, the imports and the lock) and corrects entries after the lock;
 * a branch head rates their own branch until HR locks the quarter, then reads it.
 */
export function QuarterSheetPage({ role, quarter, sheet, branchName }: { role: "HR" | "BRANCH_HEAD"; quarter: string; sheet: SheetView; branchName: string }) {
  const hr = role === "HR";
  const locked = sheet.quarter.status === "LOCKED";
  const basePath = `/${hr ? "hr" : "branch"}/appraisal/${quarter}`;
  const branchOptions = sheet.branches.map((b) => ({ id: b.branchId, name: b.branchName }));
  const shownBranch = branchOptions.find((b) => b.id === sheet.branchId)?.name;
  const bankTotal = sheet.branches.reduce((s, b) => s + b.total, 0);
  const bankRated = sheet.branches.reduce((s, b) => s + b.rated, 0);
  const overCap = sheet.branches.filter((b) => b.cap !== null && b.excellent > b.cap).length;
  const version = sheet.quarter.templateVersion;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${sheet.quarter.label} · 季度考评`}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <QuarterStatusBadge status={sheet.quarter.status} />
            <span>{hr ? `评分模板第 ${version} 版 · 全行已评 ${bankRated}/${bankTotal} 人` : `${branchName} · 评分模板第 ${version} 版`}</span>
            <Link href={`/${hr ? "hr" : "branch"}/appraisal`} className="text-brand-700 hover:underline">
              返回季度列表
            </Link>
          </span>
        }
        actions={
          hr && !locked ? (
            <LockQuarterForm
              quarter={quarter}
              label={sheet.quarter.label}
              unrated={bankTotal - bankRated}
              maxExcellentPct={sheet.quarter.maxExcellentPct}
              overCapBranches={overCap}
            />
          ) : null
        }
      />
      {locked ? (
        <p role="note" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-800" data-testid="locked-notice">
          {hr ? LOCKED_NOTICE_FOR_HR : LOCKED_NOTICE_FOR_HEAD}（锁定时间 {formatDateTime(sheet.quarter.lockedAt)}）
        </p>
      ) : null}
      <Card title={hr ? `评级分布 · ${shownBranch ?? "全行"}` : "评级分布"}>
        <RatingCounts counts={sheet.counts} />
      </Card>
      {hr ? (
        <Card title="各机构进度">
          <BranchDistribution branches={sheet.branches} maxExcellentPct={sheet.quarter.maxExcellentPct} quarter={quarter} />
        </Card>
      ) : null}
      {hr && !locked ? (
        <>
          <Card title="批量导入">
            <ImportPanel quarter={quarter} branchId={sheet.branchId} />
          </Card>
          <Card title="导入 RORAC 业务条线">
            <RoracImportPanel quarter={quarter} />
          </Card>
        </>
      ) : null}
      <Card title={hr ? "考评名单" : "本机构客户经理"}>
        <div className="mb-4">
          <SheetFilters
            action={basePath}
            q={sheet.filters.q}
            status={sheet.filters.status}
            {...(hr ? { branchId: sheet.branchId, branches: branchOptions } : {})}
          />
        </div>
        <AppraisalSheet
          quarter={quarter}
          rows={sheet.rows}
          template={sheet.template}
          bands={sheet.bands}
          mode={!locked ? "edit" : hr ? "correct" : "readonly"}
          showBranch={hr}
          roracPath={`${basePath}/rorac`}
          emptyHint={!hr && sheet.counts.total === 0 ? "本机构暂无在职的对公客户经理。" : FILTER_HINT}
        />
        <Pagination
          basePath={basePath}
          params={{
            branch: hr ? (sheet.branchId ?? undefined) : undefined,
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
