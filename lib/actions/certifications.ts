"use server";

import { defineFormAction } from "@/lib/server/action";
import { importCertifications, recordCertification, type ImportReport } from "@/lib/server/dal/review/certifications";
import { readUpload } from "@/lib/server/import";
import { CertificationInput } from "@/lib/schemas/certifications";
import { ImportFileInput } from "@/lib/schemas/common";
import type { ActionState } from "@/lib/actions/state";

export const recordCertificationAction = defineFormAction({
  permission: "certification.record",
  schema: CertificationInput,
  run: (viewer, input) => recordCertification(viewer, input),
  revalidate: ["/hr/certifications"],
  done: ({ name }, input) => ({ ok: true, message: `已为${name}登记认证 ${input.code}（${input.passedOn} 通过）` }),
});

/** Form: `file` (.xlsx / .csv) and `mode` ("dry-run" checks only, "import" writes when every row is clean). */
export const importCertificationsAction = defineFormAction<typeof ImportFileInput, { report: ImportReport; dryRun: boolean }, ImportReport>({
  permission: "certification.record",
  schema: ImportFileInput,
  input: (form, values) => ({ file: form.get("file"), write: values.mode === "import" }),
  run: async (viewer, { file, write }) => {
    const table = await readUpload(file, file.name);
    return { report: await importCertifications(viewer, table, { dryRun: !write }), dryRun: !write };
  },
  revalidate: (input, { report }) => (input.write && report.written > 0 ? ["/hr/certifications"] : []),
  done: ({ report, dryRun }): ActionState<ImportReport> => {
    if (report.totalProblems > 0) return { ok: false, message: `有 ${report.totalProblems} 行存在问题，请修改文件后重新检查；未写入任何数据`, data: report };
    if (dryRun) return { ok: true, message: `检查通过：共 ${report.rowCount} 行，可以导入`, data: report };
    return { ok: true, message: `已导入 ${report.written} 条认证记录`, data: report };
  },
});
