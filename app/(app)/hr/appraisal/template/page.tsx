import Link from "next/link";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { getTemplateOverview } from "@/lib/server/dal/appraisal/template";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { TemplateView } from "@/components/appraisal/template-view";
import { TemplateEditor } from "@/components/appraisal/template-editor";
import { QuarterStatusBadge } from "@/components/appraisal/quarter-status-badge";
import { formatDateTime } from "@/components/appraisal/text";
import { titleFor } from "@/lib/server/page-title";
import { DataTable } from "@/components/ui/table";
import { quarterLabel } from "@/lib/format";

export const generateMetadata = titleFor("评分模板", ["HR"]);
export const dynamic = "force-dynamic";

export default async function TemplatePage() {
  const viewer = await requirePageViewer("hr.view");
  const overview = await getTemplateOverview(viewer);
  if (!overview) {
    return (
      <div className="space-y-6">
        <PageHeader title="评分模板" />
        <EmptyState title="尚未配置评分模板" hint="请运行初始化（npm run db:seed）写入默认的平衡计分卡模板。" />
      </div>
    );
  }
  const { current } = overview;
  // What both the view and the editor show of the current version.
  const { template, bands, maxExcellentPct, ahpMatrix, indicatorAhp } = current;
  const scorecard = { template, bands, maxExcellentPct, ahpMatrix, indicatorAhp };
  return (
    <div className="space-y-6">
      <PageHeader
        title="评分模板（平衡计分卡）"
        subtitle={
          <span>
            当前第 {current.version} 版「{current.name}」，保存于 {formatDateTime(current.createdAt)}。{" "}
            <Link href="/hr/appraisal" className="text-brand-700 hover:underline">
              返回季度考评
            </Link>
          </span>
        }
      />
      <Card title="当前模板">
        <TemplateView {...scorecard} />
      </Card>
      <Card title="调整并保存为新版本">
        <p className="mb-4 text-sm text-slate-600">保存会生成新版本，旧版本保留；已锁定的季度始终按当时的版本计分。</p>
        <TemplateEditor version={current.version} name={current.name} {...scorecard} openQuarters={overview.openQuarters} />
      </Card>
      <Card title="版本记录">
        <DataTable columns={["版本", "名称", "保存时间", "优秀上限", "使用的季度"]}>
          {overview.versions.map((v) => (
            <tr key={v.version} className="border-t border-slate-100">
              <th scope="row" className="py-2 pr-4 text-left font-normal tabular-nums">
                第 {v.version} 版
              </th>
              <td className="py-2 pr-4">{v.name}</td>
              <td className="py-2 pr-4 tabular-nums">{formatDateTime(v.createdAt)}</td>
              <td className="py-2 pr-4">{v.maxExcellentPct === null ? "不限制" : `${v.maxExcellentPct}%`}</td>
              <td className="py-2">
                <span className="flex flex-wrap gap-2">
                  {v.quarters.length === 0 ? <span className="text-slate-600">—</span> : null}
                  {v.quarters.map((q) => (
                    <span key={q.quarter} className="inline-flex items-center gap-1">
                      {quarterLabel(q.quarter)}
                      <QuarterStatusBadge status={q.status} />
                    </span>
                  ))}
                </span>
              </td>
            </tr>
          ))}
        </DataTable>
      </Card>
    </div>
  );
}
