import { requirePageViewer } from "@/lib/server/auth/guards";
import { labelledCompletionReport } from "@/lib/server/dal/courses/report-export";
import { Card, PageHeader } from "@/components/ui/card";
import { CompletionTable } from "@/components/courses/completion-table";
import { titleFor } from "@/lib/server/page-title";
import { SliceNav } from "@/components/dashboard/slice-nav";
import { BranchSearch } from "@/components/dashboard/branch-search";
import { pageOf, pageParam } from "@/components/dashboard/paging";

/** Branch rows per page (300 branches are a 450 KB page; the export has them all). */
const PAGE_SIZE = 30;

export const generateMetadata = titleFor("培训完成情况报表", ["HR"]);
export const dynamic = "force-dynamic";

function Downloads({ part }: { part: string }) {
  return (
    <span className="flex gap-2 text-sm">
      <a href={`/hr/courses/report/export?part=${part}&format=xlsx`} className="text-brand-700 hover:underline" download>
        导出 XLSX
      </a>
      <a href={`/hr/courses/report/export?part=${part}&format=csv`} className="text-brand-700 hover:underline" download>
        导出 CSV
      </a>
    </span>
  );
}

export default async function CourseReportPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const viewer = await requirePageViewer("hr.view");
  const [report, sp] = await Promise.all([labelledCompletionReport(viewer), searchParams]);
  const query = (sp.q ?? "").trim().slice(0, 50);
  const branches = pageOf(query ? report.byBranch.filter((r) => r.label.includes(query)) : report.byBranch, pageParam(sp.page), PAGE_SIZE);
  return (
    <div className="space-y-6">
      <PageHeader title="必修课完成情况" subtitle="在职人员本层级及历次分配的必修课；完成率 = 已完成 ÷（应学 − 免修）" />
      <Card title="按层级" actions={<Downloads part="tier" />}>
        <CompletionTable rows={report.byTier} first="层级" testId="report-tier" />
      </Card>
      <Card title="按机构" actions={<Downloads part="branch" />}>
        {report.byBranch.length > PAGE_SIZE ? <BranchSearch action="/hr/courses/report" query={query} /> : null}
        {query && branches.total === 0 ? (
          <p className="text-sm text-slate-700">没有名称包含“{query}”的机构。</p>
        ) : (
          <CompletionTable rows={branches.rows} first="机构" testId="report-branch" />
        )}
        <SliceNav slice={branches} basePath="/hr/courses/report" params={{ q: query || undefined }} unit="个机构" />
      </Card>
      <Card title="按类别" actions={<Downloads part="category" />}>
        <CompletionTable rows={report.byCategory} first="类别" testId="report-category" />
      </Card>
    </div>
  );
}
