"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/auth/viewer";
import { actionError } from "@/lib/server/action-errors";
import { importCertifications, recordCertification, type ImportReport } from "@/lib/server/dal/review/certifications";
import { readTable } from "@/lib/server/spreadsheet";
import { CertificationInput } from "@/lib/schemas/certifications";
import { invalidInput, type ActionState } from "@/lib/actions/state";

const values = (form: FormData) => Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));

export async function recordCertificationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireActor(["HR"]);
  const input = CertificationInput.safeParse(values(form));
  if (!input.success) return invalidInput(input.error, values(form));
  let name: string;
  try {
    ({ name } = await recordCertification(viewer, input.data));
  } catch (error) {
    return actionError(error, values(form));
  }
  revalidatePath("/hr/certifications");
  return { ok: true, message: `已为${name}登记认证 ${input.data.code}（${input.data.passedOn} 通过）` };
}

/** Form: `file` (.xlsx / .csv) and `mode` ("dry-run" checks only, "import" writes when every row is clean). */
export async function importCertificationsAction(_prev: ActionState<ImportReport>, form: FormData): Promise<ActionState<ImportReport>> {
  const viewer = await requireActor(["HR"]);
  const file = form.get("file");
  const dryRun = form.get("mode") !== "import";
  if (!(file instanceof File) || file.size === 0) {
    return { ok: false, message: "请选择要导入的 .xlsx 或 .csv 文件", fieldErrors: { file: ["请选择文件"] } };
  }
  let report: ImportReport;
  try {
    const table = await readTable(Buffer.from(await file.arrayBuffer()), file.name);
    report = await importCertifications(viewer, table, { dryRun });
  } catch (error) {
    return actionError(error);
  }
  if (report.problems.length > 0) {
    return { ok: false, message: `有 ${report.problems.length} 行存在问题，请修改文件后重新检查；未写入任何数据`, data: report };
  }
  if (dryRun) return { ok: true, message: `检查通过：共 ${report.rows.length} 行，可以导入`, data: report };
  revalidatePath("/hr/certifications");
  return { ok: true, message: `已导入 ${report.written} 条认证记录`, data: report };
}
