"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/server/auth/viewer";
import { actionError } from "@/lib/server/action-errors";
import { invalidInput, type ActionState } from "@/lib/actions/state";
import { CompetencyModelForm, NominatePeersInput, OpenCycleInput, SubmitAssessmentForm } from "@/lib/schemas/competencies";
import { saveCompetencyModel } from "@/lib/server/dal/competencies/model-admin";
import { closeCycle, openCycle } from "@/lib/server/dal/competencies/cycles";
import { nominatePeers } from "@/lib/server/dal/competencies/peers";
import { submitAssessment } from "@/lib/server/dal/competencies/assessments";
import type { Role } from "@/lib/domain/grades";

/** The form's fields as plain values, to hand back so the form keeps what the user typed. */
function valuesOf(formData: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$")) continue;
    const all = formData.getAll(key).map(String);
    values[key] = all.length > 1 || key.endsWith("Ids") ? all : all[0];
  }
  return values;
}

async function actor(roles: readonly Role[]) {
  return requireActor(roles).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
}

function revalidateCompetencyViews() {
  revalidatePath("/me/competencies", "layout");
  revalidatePath("/branch/competencies", "layout");
  revalidatePath("/hr/competencies", "layout");
}

/** HR saves the competency model as a new version. */
export async function saveCompetencyModelAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const viewer = await actor(["HR"]);
  if (viewer instanceof Error) return actionError(viewer);
  const values = valuesOf(formData);
  const parsed = CompetencyModelForm.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error, values);
  try {
    const saved = await saveCompetencyModel(viewer, parsed.data);
    revalidatePath("/hr/competencies", "layout");
    return { ok: true, message: `已保存为第 ${saved.version} 版（${saved.changes} 处修改）；新开启的评估周期将使用此版本` };
  } catch (error) {
    return actionError(error, values);
  }
}

/** HR opens an assessment cycle. */
export async function openCycleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const viewer = await actor(["HR"]);
  if (viewer instanceof Error) return actionError(viewer);
  const values = valuesOf(formData);
  const parsed = OpenCycleInput.safeParse({ ...values, branchIds: formData.getAll("branchIds").map(String) });
  if (!parsed.success) return invalidInput(parsed.error, values);
  try {
    const opened = await openCycle(viewer, parsed.data);
    revalidateCompetencyViews();
    const note = opened.withoutManager > 0 ? `；${opened.withoutManager} 人所在机构没有支行长，无上级评价` : "";
    return { ok: true, message: `评估周期「${parsed.data.name}」已开启，共 ${opened.participants} 名客户经理${note}。请为每人提名同事评估人。` };
  } catch (error) {
    return actionError(error, values);
  }
}

/** HR closes a cycle. */
export async function closeCycleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const viewer = await actor(["HR"]);
  if (viewer instanceof Error) return actionError(viewer);
  const cycleId = String(formData.get("cycleId") ?? "");
  if (!cycleId) return { ok: false, message: "缺少评估周期" };
  try {
    await closeCycle(viewer, cycleId);
    revalidateCompetencyViews();
    return { ok: true, message: "评估周期已关闭" };
  } catch (error) {
    return actionError(error);
  }
}

/** HR or the branch head names an account manager's peers. */
export async function nominatePeersAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const viewer = await actor(["HR", "BRANCH_HEAD"]);
  if (viewer instanceof Error) return actionError(viewer);
  const values = valuesOf(formData);
  const parsed = NominatePeersInput.safeParse({ cycleId: values.cycleId, assesseeId: values.assesseeId, peerIds: formData.getAll("peerIds").map(String) });
  if (!parsed.success) return invalidInput(parsed.error, values);
  try {
    const result = await nominatePeers(viewer, parsed.data);
    revalidateCompetencyViews();
    return { ok: true, message: result.added + result.removed === 0 ? "同事评估人没有变化" : `已保存同事评估人（新增 ${result.added} 人，移除 ${result.removed} 人）` };
  } catch (error) {
    return actionError(error, values);
  }
}

/** An assessor submits a form (self, manager or peer); answers are final. */
export async function submitAssessmentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const viewer = await actor(["ACCOUNT_MANAGER", "BRANCH_HEAD"]);
  if (viewer instanceof Error) return actionError(viewer);
  const values = valuesOf(formData);
  const parsed = SubmitAssessmentForm.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error, values);
  try {
    await submitAssessment(viewer, parsed.data.assessmentId, parsed.data.answers);
    revalidateCompetencyViews();
  } catch (error) {
    return actionError(error, values);
  }
  redirect(viewer.role === "BRANCH_HEAD" ? "/branch/competencies?submitted=1" : "/me/competencies?submitted=1");
}
