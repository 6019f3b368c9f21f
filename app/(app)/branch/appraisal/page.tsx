import { requirePageViewer } from "@/lib/server/auth/guards";
import { listAppraisalQuarters } from "@/lib/server/dal/appraisal/quarters";
import { Card, PageHeader } from "@/components/ui/card";
import { QuarterTable } from "@/components/appraisal/quarter-table";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("季度考评", ["BRANCH_HEAD"]);
export const dynamic = "force-dynamic";

export default async function BranchAppraisalPage() {
  const viewer = await requirePageViewer("branch.home");
  const quarters = await listAppraisalQuarters(viewer);
  const open = quarters.filter((q) => q.status === "OPEN");
  return (
    <div className="space-y-6">
      <PageHeader
        title="季度考评"
        subtitle={
          open.length > 0
            ? `${open.map((q) => `${q.label}正在评分：已评 ${q.rated}/${q.total} 人`).join("；")}。人力资源部锁定季度前，您可以录入或修改本机构客户经理的评级。`
            : "目前没有正在评分的季度；人力资源部开启新季度后即可录入评级。"
        }
      />
      <Card title={`${viewer.branchName} · 各季度考评`}>
        <QuarterTable
          quarters={quarters}
          basePath="/branch/appraisal"
          progressLabel="本机构已评级"
          emptyHint="人力资源部开启考评季度后，这里会列出各季度的评分进度。"
        />
      </Card>
    </div>
  );
}
