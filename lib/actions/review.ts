"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/auth/viewer";
import { actionError } from "@/lib/server/action-errors";
import { excludeFromReview, includeAgain, setReviewQuotas } from "@/lib/server/dal/review/draft";
import { commitReview } from "@/lib/server/dal/review/commit";
import { revertReview } from "@/lib/server/dal/review/revert";
import { ExcludeInput, IncludeInput, QuotasInput, ReviewQuarterInput, RevertInput } from "@/lib/schemas/review";
import { invalidInput, type ActionState } from "@/lib/actions/state";
import type { Grade } from "@/lib/domain/grades";
import type { Quotas } from "@/lib/domain/review";

const values = (form: FormData) => Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));

function revalidateReview(quarter: string) {
  revalidatePath("/hr/review");
  revalidatePath(`/hr/review/${quarter}`);
}

export async function excludeFromReviewAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireActor(["HR"]);
  const input = ExcludeInput.safeParse(values(form));
  if (!input.success) return invalidInput(input.error, values(form));
  try {
    await excludeFromReview(viewer, input.data.quarter, input.data.userId, input.data.reason);
  } catch (error) {
    return actionError(error, values(form));
  }
  revalidateReview(input.data.quarter);
  return { ok: true, message: "已排除，该人员本次不参加晋降级" };
}

export async function includeInReviewAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireActor(["HR"]);
  const input = IncludeInput.safeParse(values(form));
  if (!input.success) return invalidInput(input.error, values(form));
  try {
    await includeAgain(viewer, input.data.quarter, input.data.userId);
  } catch (error) {
    return actionError(error, values(form));
  }
  revalidateReview(input.data.quarter);
  return { ok: true, message: "已恢复参评" };
}

export async function setReviewQuotasAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireActor(["HR"]);
  const input = QuotasInput.safeParse(values(form));
  if (!input.success) return invalidInput(input.error, values(form));
  const { quarter, ...fields } = input.data;
  const quotas: Quotas = {};
  for (const [key, n] of Object.entries(fields)) if (n !== undefined) quotas[key.slice("quota_".length) as Grade] = n;
  try {
    await setReviewQuotas(viewer, quarter, quotas);
  } catch (error) {
    return actionError(error, values(form));
  }
  revalidateReview(quarter);
  return { ok: true, message: "晋升名额已保存" };
}

export async function commitReviewAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireActor(["HR"]);
  const input = ReviewQuarterInput.safeParse(values(form));
  if (!input.success) return invalidInput(input.error, values(form));
  let message: string;
  try {
    const result = await commitReview(viewer, input.data.quarter);
    message = `评审已提交：晋级 ${result.counts.PROMOTE} 人、降级 ${result.counts.DEMOTE} 人、退出 ${result.counts.EXIT} 人`;
  } catch (error) {
    return actionError(error, values(form));
  }
  revalidateReview(input.data.quarter);
  revalidatePath("/", "layout");
  return { ok: true, message };
}

export async function revertReviewAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireActor(["HR"]);
  const input = RevertInput.safeParse(values(form));
  if (!input.success) return invalidInput(input.error, values(form));
  let message: string;
  try {
    const result = await revertReview(viewer, input.data.quarter, input.data.reason);
    message = `评审已撤销：作废 ${result.voided} 条等级变动${result.restored ? `，恢复 ${result.restored} 人在职` : ""}`;
  } catch (error) {
    return actionError(error, values(form));
  }
  revalidateReview(input.data.quarter);
  revalidatePath("/", "layout");
  return { ok: true, message };
}
