import type { Metadata } from "next";
import { BackToPeople } from "@/components/people/admin/back-link";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { Card, PageHeader } from "@/components/ui/card";
import { RosterImportForm } from "@/components/people/admin/roster-import-form";

export const metadata: Metadata = { title: "导入人员名单" };
export const dynamic = "force-dynamic";

export default async function RosterImportPage() {
  await requirePageViewer("hr.view");
  return (
    <div className="space-y-6">
      <PageHeader
        title="导入人员名单"
        subtitle="一个文件里可以同时新增人员、调动机构和办理退出。先检查：每一处问题都会列出，全部无误后才会写入，且一次写入全部变更；已生效的行再次导入不会重复变更。"
      />
      <Card title="下载模板">
        <p className="mb-3 text-sm text-slate-700">
          模板中每种操作各有一行示例，请替换为实际人员后导入。新增的人员没有初始密码，请在其人员页面“重置密码”后转交。
        </p>
        <div className="flex flex-wrap gap-2">
          <a href="/hr/people/import/template?format=xlsx" download className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
            下载 Excel 模板
          </a>
          <a href="/hr/people/import/template?format=csv" download className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
            下载 CSV 模板
          </a>
        </div>
      </Card>
      <Card title="上传并检查">
        <RosterImportForm />
      </Card>
      <BackToPeople />
    </div>
  );
}
