import { requirePageViewer } from "@/lib/server/auth/guards";
import { Card, PageHeader } from "@/components/ui/card";
import { CompletionImportForm } from "@/components/courses/import-form";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("导入完成记录", ["HR"]);
export const dynamic = "force-dynamic";

export default async function ImportCompletionsPage() {
  await requirePageViewer("hr.view");
  return (
    <div className="space-y-6">
      <PageHeader title="导入课程完成记录" subtitle="先检查：文件中每一处问题都会列出，全部无误后才会写入，且一次写入全部记录。" />
      <Card>
        <CompletionImportForm />
      </Card>
    </div>
  );
}
