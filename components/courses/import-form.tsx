"use client";

import { importCompletionsAction } from "@/lib/actions/courses";
import { ImportForm } from "@/components/ui/import-form";

/** Check first (nothing written), then import the same file when it is clean. */
export function CompletionImportForm() {
  return (
    <ImportForm
      action={importCompletionsAction}
      fileLabel="完成记录文件"
      hint="列：工号、课程编号、完成日期（年-月-日（如 2026-03-05））、学时、考试成绩（可空）。"
      confirmMessage={(rows) => `确定导入这 ${rows} 条完成记录吗？导入后计入学员的学时。`}
      testId="completion-import"
    />
  );
}
