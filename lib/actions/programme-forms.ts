"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/auth/viewer";
import { actionError } from "@/lib/server/action-errors";
import { invalidInput, type ActionState } from "@/lib/actions/state";
import { ActionPlanInput, EvaluationInput, FinalScoreInput, FollowUpInput } from "@/lib/schemas/programme-forms";
import { saveEvaluation } from "@/lib/server/dal/programme-forms/evaluations";
import { recordFollowUp, saveActionPlan, scoreActionPlan } from "@/lib/server/dal/programme-forms/action-plans";
import { quarterLabel } from "@/lib/domain/dates";

function values(formData: FormData): Record<string, string> {
  return Object.fromEntries([...formData.entries()].filter(([k, v]) => typeof v === "string" && !k.startsWith("$")).map(([k, v]) => [k, String(v)]));
}

export async function saveEvaluationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const raw = values(formData);
  try {
    const viewer = await requireActor(["ACCOUNT_MANAGER", "ASSISTANT"]);
    const parsed = EvaluationInput.safeParse({ comments: "", content: "", delivery: "", organisation: "", applicability: "", ...raw });
    if (!parsed.success) return invalidInput(parsed.error, raw);
    const { submitted } = await saveEvaluation(viewer, parsed.data);
    revalidatePath("/me/programme", "layout");
    revalidatePath("/hr/programmes", "layout");
    return { ok: true, message: submitted ? "评估表已提交，感谢您的反馈" : "草稿已保存" };
  } catch (error) {
    return actionError(error, raw);
  }
}

export async function saveActionPlanAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const raw = values(formData);
  try {
    const viewer = await requireActor(["ACCOUNT_MANAGER", "ASSISTANT"]);
    const parsed = ActionPlanInput.safeParse({ goals: "", actions: "", deadline: "", resources: "", successMeasure: "", ...raw });
    if (!parsed.success) return invalidInput(parsed.error, raw);
    const { submitted, quarter } = await saveActionPlan(viewer, parsed.data);
    revalidatePath("/me/programme", "layout");
    revalidatePath("/branch/action-plans");
    revalidatePath("/hr/programmes", "layout");
    return {
      ok: true,
      message: submitted ? `行动计划已提交${quarter ? `，支行长的最终评分将计入${quarterLabel(quarter)}考评` : ""}` : "草稿已保存",
    };
  } catch (error) {
    return actionError(error, raw);
  }
}

export async function recordFollowUpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const raw = values(formData);
  try {
    const viewer = await requireActor(["BRANCH_HEAD"]);
    const parsed = FollowUpInput.safeParse(raw);
    if (!parsed.success) return invalidInput(parsed.error, raw);
    const { name } = await recordFollowUp(viewer, parsed.data);
    revalidatePath("/branch/action-plans");
    revalidatePath("/branch");
    revalidatePath("/me/programme", "layout");
    return { ok: true, message: `已记录${name}的 ${parsed.data.checkpoint} 天跟进` };
  } catch (error) {
    return actionError(error, raw);
  }
}

export async function scoreActionPlanAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const raw = values(formData);
  try {
    const viewer = await requireActor(["BRANCH_HEAD"]);
    const parsed = FinalScoreInput.safeParse(raw);
    if (!parsed.success) return invalidInput(parsed.error, raw);
    const { name, rescored } = await scoreActionPlan(viewer, parsed.data);
    revalidatePath("/branch/action-plans");
    revalidatePath("/branch/appraisal", "layout");
    revalidatePath("/hr/appraisal", "layout");
    revalidatePath("/me/programme", "layout");
    return { ok: true, message: `已给${name}的行动计划评分 ${parsed.data.score} 分${rescored ? "，其本季度考评得分已按新评分重新计算" : ""}` };
  } catch (error) {
    return actionError(error, raw);
  }
}
