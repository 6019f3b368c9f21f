"use client";

import { importRosterAction } from "@/lib/actions/people";
import { ImportForm } from "@/components/ui/import-form";

/** Check first (nothing written), then import the same file when it is clean. */
export function RosterImportForm() {
  return (
    <ImportForm
      action={importRosterAction}
      fileLabel="人员名单文件"
      hint="列：操作（新增、调动、退出）、工号、姓名、邮箱、机构（名称或代码）、岗位、任职起始日、等级、生效日期、说明。日期格式 年-月-日（如 2026-03-05）。"
      unit="行"
      confirmMessage={(rows) => `确定导入这 ${rows} 行吗？导入后只能以新的变更更正。`}
      testId="roster-import"
    />
  );
}
