"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/auth/viewer";
import { actionError } from "@/lib/server/action-errors";
import { invalidInput, type ActionState } from "@/lib/actions/state";
import { EndMentorshipInput, MentorshipInput, ReflectionInput, ReplyInput } from "@/lib/schemas/programme-forms";
import { createMentorship, endMentorship, replyReflection, submitReflection } from "@/lib/server/dal/programme-forms/mentoring";

function values(formData: FormData): Record<string, string> {
  return Object.fromEntries([...formData.entries()].filter(([k, v]) => typeof v === "string" && !k.startsWith("$")).map(([k, v]) => [k, String(v)]));
}

function revalidateMentoring() {
  revalidatePath("/hr/mentoring");
  revalidatePath("/mentoring");
  revalidatePath("/me");
  revalidatePath("/branch");
  revalidatePath("/hr");
}

export async function createMentorshipAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const raw = values(formData);
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = MentorshipInput.safeParse({ endsOn: "", note: "", ...raw });
    if (!parsed.success) return invalidInput(parsed.error, raw);
    const { mentee, mentor } = await createMentorship(viewer, parsed.data);
    revalidateMentoring();
    return { ok: true, message: `已为${mentee}安排导师${mentor}` };
  } catch (error) {
    return actionError(error, raw);
  }
}

export async function endMentorshipAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const raw = values(formData);
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = EndMentorshipInput.safeParse(raw);
    if (!parsed.success) return invalidInput(parsed.error, raw);
    await endMentorship(viewer, parsed.data);
    revalidateMentoring();
    return { ok: true, message: "导师结对已结束" };
  } catch (error) {
    return actionError(error, raw);
  }
}

export async function submitReflectionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const raw = values(formData);
  try {
    const viewer = await requireActor();
    const parsed = ReflectionInput.safeParse(raw);
    if (!parsed.success) return invalidInput(parsed.error, raw);
    await submitReflection(viewer, parsed.data);
    revalidateMentoring();
    const [y, m] = parsed.data.month.split("-");
    return { ok: true, message: `${y}年${Number(m)}月的工作心得已提交` };
  } catch (error) {
    return actionError(error, raw);
  }
}

export async function replyReflectionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const raw = values(formData);
  try {
    const viewer = await requireActor();
    const parsed = ReplyInput.safeParse(raw);
    if (!parsed.success) return invalidInput(parsed.error, raw);
    await replyReflection(viewer, parsed.data);
    revalidateMentoring();
    return { ok: true, message: "回复已发送" };
  } catch (error) {
    return actionError(error, raw);
  }
}
