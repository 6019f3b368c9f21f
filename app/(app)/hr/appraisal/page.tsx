import Link from "next/link";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { listAppraisalQuarters, nextQuarterToOpen } from "@/lib/server/dal/appraisal/quarters";
import { currentTemplate } from "@/lib/server/dal/appraisal/template";
import { quarterLabel } from "@/lib/domain/dates";
import { Card, PageHeader } from "@/components/ui/card";
import { QuarterTable } from "@/components/appraisal/quarter-table";
import { OpenQuarterForm } from "@/components/appraisal/open-quarter-form";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("季度考评", ["HR"]);
export const dynamic = "force-dynamic";

export default async function HrAppraisalPage() {
  const viewer = await requirePageViewer("hr.view");
  const [quarters, next, template] = await Promise.all([listAppraisalQuarters(viewer), nextQuarterToOpen(), currentTemplate().catch(() => null)]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="季度考评"
        subtitle="支行长在季度评分中录入评级；人力资源部锁定后评级生效，晋级评审才能进行。"
        actions={
          <Link href="/hr/appraisal/template" className="rounded-md border border-slate-300 px-4 py-2 text-sm text-slate-700 hover:bg-slate-100">
            评分模板{template ? `（第 ${template.version} 版）` : ""}
          </Link>
        }
      />
      <Card title="开启新季度">
        {template ? (
          <OpenQuarterForm label={quarterLabel(next.quarter)} startsOn={next.startsOn} started={next.started} templateVersion={template.version} />
        ) : (
          <p className="text-sm text-slate-600">
            尚未配置评分模板。请先在
            <Link href="/hr/appraisal/template" className="text-brand-700 hover:underline">
              评分模板
            </Link>
            页面保存一个版本。
          </p>
        )}
      </Card>
      <Card title="各季度考评">
        <QuarterTable quarters={quarters} basePath="/hr/appraisal" progressLabel="全行已评级" emptyHint="点击上方“开启考评”开始第一个季度。" />
      </Card>
    </div>
  );
}
