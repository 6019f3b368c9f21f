"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/auth/viewer";
import { actionError } from "@/lib/server/action-errors";
import { confirmInitialGrades } from "@/lib/server/dal/review/grading";
import { InitialGradesInput } from "@/lib/schemas/review";
import { invalidInput, type ActionState } from "@/lib/actions/state";

/** Form: checkboxes `selected` (user ids) and a select `grade_<userId>` per row. */
export async function confirmInitialGradesAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireActor(["HR"]);
  const selected = form.getAll("selected").filter((v): v is string => typeof v === "string");
  const decisions = selected.map((userId) => ({ userId, grade: form.get(`grade_${userId}`) }));
  const input = InitialGradesInput.safeParse({ decisions });
  if (!input.success) return invalidInput(input.error, { selected });
  let graded: number;
  try {
    ({ graded } = await confirmInitialGrades(viewer, input.data.decisions));
  } catch (error) {
    return actionError(error, { selected });
  }
  revalidatePath("/hr/grading");
  revalidatePath("/hr");
  return { ok: true, message: `已完成 ${graded} 人的定级` };
}
