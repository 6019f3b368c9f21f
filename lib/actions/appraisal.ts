"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/auth/viewer";
import { actionError } from "@/lib/server/action-errors";
import { invalidInput, type ActionState } from "@/lib/actions/state";
import { ImportInput, QuarterInput, SaveAppraisalInput, TemplateVersionInput } from "@/lib/schemas/appraisal";
import { saveAppraisal } from "@/lib/server/dal/appraisal/save";
import { lockQuarter, openNextQuarter } from "@/lib/server/dal/appraisal/quarters";
import { createTemplateVersion } from "@/lib/server/dal/appraisal/template";
import { checkAppraisalFile, importAppraisalFile, type ImportReport } from "@/lib/server/dal/appraisal/import";
import { RATING_LABELS } from "@/lib/domain/grades";
import { quarterLabel } from "@/lib/domain/dates";

function revalidateAppraisal() {
  revalidatePath("/hr/appraisal", "layout");
  revalidatePath("/branch/appraisal", "layout");
}

/** Form fields as plain values, so a refused form can show what the user typed. */
function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  return values;
}

export async function saveAppraisalAction(_prev: ActionState<{ userId: string }>, formData: FormData): Promise<ActionState<{ userId: string }>> {
  const raw = formValues(formData);
  const indicatorValues: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) if (key.startsWith("v.")) indicatorValues[key.slice(2)] = value;
  try {
    const viewer = await requireActor(["HR", "BRANCH_HEAD"]);
    const parsed = SaveAppraisalInput.safeParse({
      quarter: raw.quarter,
      userId: raw.userId,
      version: raw.version,
      mode: raw.mode,
      rating: raw.mode === "rating" && raw.rating ? raw.rating : undefined,
      reason: raw.reason,
      values: raw.mode === "score" ? indicatorValues : {},
    });
    if (!parsed.success) return invalidInput(parsed.error, raw);
    const saved = await saveAppraisal(viewer, parsed.data);
    revalidateAppraisal();
    const score = saved.score === null ? "" : `（${saved.score.toFixed(2)} 分）`;
    return { ok: true, message: `已保存：${saved.name} ${RATING_LABELS[saved.rating]}${score}`, data: { userId: parsed.data.userId } };
  } catch (error) {
    return actionError(error, raw);
  }
}

export async function lockQuarterAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const raw = formValues(formData);
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = QuarterInput.safeParse(raw);
    if (!parsed.success) return invalidInput(parsed.error, raw);
    const result = await lockQuarter(viewer, parsed.data.quarter);
    revalidateAppraisal();
    const adjusted = result.adjusted > 0 ? `；按强制分布将 ${result.adjusted} 个优秀调整为良好` : "";
    return { ok: true, message: `${quarterLabel(result.quarter)}已锁定${adjusted}` };
  } catch (error) {
    return actionError(error, raw);
  }
}

export async function openNextQuarterAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const raw = formValues(formData);
  try {
    const viewer = await requireActor(["HR"]);
    const { quarter } = await openNextQuarter(viewer);
    revalidateAppraisal();
    return { ok: true, message: `已开启${quarterLabel(quarter)}的考评` };
  } catch (error) {
    return actionError(error, raw);
  }
}

export async function saveTemplateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const raw = formValues(formData);
  try {
    const viewer = await requireActor(["HR"]);
    const weights = Object.keys(raw)
      .filter((k) => /^weight\.\d+$/.test(k))
      .sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]))
      .map((k) => raw[k]);
    const size = weights.length;
    const useAhp = raw.useAhp === "on";
    const parsed = TemplateVersionInput.safeParse({
      baseVersion: raw.baseVersion,
      name: raw.name ?? "",
      weights,
      useAhp,
      ahpMatrix: useAhp ? Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => raw[`ahp.${i}.${j}`] ?? "1")) : undefined,
      bands: { EXCELLENT: raw["band.EXCELLENT"], GOOD: raw["band.GOOD"], QUALIFIED: raw["band.QUALIFIED"], BASIC: raw["band.BASIC"] },
      maxExcellentPct: raw.maxExcellentPct ?? "",
      applyToOpenQuarters: raw.applyToOpenQuarters === "on",
    });
    if (!parsed.success) return invalidInput(parsed.error, raw);
    const input = parsed.data;
    const result = await createTemplateVersion(viewer, {
      baseVersion: input.baseVersion,
      name: input.name,
      weights: input.weights,
      ahpMatrix: input.useAhp ? input.ahpMatrix : null,
      bands: input.bands,
      maxExcellentPct: input.maxExcellentPct,
      applyToOpenQuarters: input.applyToOpenQuarters,
    });
    revalidateAppraisal();
    const applied = result.quarters.length > 0 ? `；${result.quarters.join("、")} 已改用新版本，重新计算了 ${result.rescored} 条按指标打分的结果` : "";
    return { ok: true, message: `已保存评分模板第 ${result.version} 版${applied}` };
  } catch (error) {
    return actionError(error, raw);
  }
}

/** Dry run (commit off) or import (commit on) of an appraisal file; nothing is written unless the file is clean. */
export async function importAppraisalsAction(_prev: ActionState<ImportReport>, formData: FormData): Promise<ActionState<ImportReport>> {
  const raw = formValues(formData);
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = ImportInput.safeParse({ quarter: raw.quarter, commit: raw.commit === "1" });
    if (!parsed.success) return invalidInput(parsed.error, raw);
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return { ok: false, message: "请选择要导入的 .xlsx 或 .csv 文件", fieldErrors: { file: ["请选择文件"] } };
    const data = Buffer.from(await file.arrayBuffer());
    const { quarter, commit } = parsed.data;
    const report = commit ? await importAppraisalFile(viewer, quarter, data, file.name) : await checkAppraisalFile(viewer, quarter, data, file.name);
    if (commit && report.written > 0) revalidateAppraisal();
    const clean = report.fileErrors.length === 0 && report.problems.length === 0;
    const message = report.written > 0
      ? `已导入 ${report.written} 条考评结果`
      : clean
        ? `文件检查通过：${report.ready} 行可以导入`
        : `文件有 ${report.fileErrors.length + report.problems.length} 处问题，未写入任何数据；请修改后重新检查`;
    return { ok: true, message, data: report };
  } catch (error) {
    return actionError(error, raw);
  }
}
