import { requirePageViewer } from "@/lib/server/auth/guards";
import { labelledCompletionReport } from "@/lib/server/dal/courses/report-export";
import { Card, PageHeader } from "@/components/ui/card";
import { CompletionTable } from "@/components/courses/completion-table";
import { titleFor } from "@/lib/server/page-title";

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

export default async function CourseReportPage() {
  const viewer = await requirePageViewer("hr.view");
  const report = await labelledCompletionReport(viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="必修课完成情况" subtitle="在职人员本层级及历次分配的必修课；完成率 = 已完成 ÷（应学 − 免修）" />
      <Card title="按层级" actions={<Downloads part="tier" />}>
        <CompletionTable rows={report.byTier} first="层级" testId="report-tier" />
      </Card>
      <Card title="按机构" actions={<Downloads part="branch" />}>
        <CompletionTable rows={report.byBranch} first="机构" testId="report-branch" />
      </Card>
      <Card title="按类别" actions={<Downloads part="category" />}>
        <CompletionTable rows={report.byCategory} first="类别" testId="report-category" />
      </Card>
    </div>
  );
}
