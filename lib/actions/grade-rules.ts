"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/auth/viewer";
import { actionError } from "@/lib/server/action-errors";
import { saveGradeRules } from "@/lib/server/dal/review/rules";
import { GradeRulesInput, PROMOTION_TARGETS } from "@/lib/schemas/review";
import { invalidInput, type ActionState } from "@/lib/actions/state";
import type { GradeRule } from "@/lib/domain/promotion";

const values = (form: FormData) => Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));

export async function saveGradeRulesAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = GradeRulesInput.safeParse(values(form));
  if (!input.success) return invalidInput(input.error, values(form));
  const data = input.data;
  const rules = Object.fromEntries(
    PROMOTION_TARGETS.map((g) => [
      g,
      { minTenureMonths: data[`tenure_${g}`], certifications: data[`certs_${g}`], byCertification: data[`byCert_${g}`] } satisfies GradeRule,
    ]),
  ) as Record<(typeof PROMOTION_TARGETS)[number], GradeRule>;
  try {
    const viewer = await requireActor(["HR"]);
    await saveGradeRules(viewer, { effectiveFromQuarter: data.effectiveFromQuarter, rules, note: data.note });
  } catch (error) {
    return actionError(error, values(form));
  }
  revalidatePath("/hr/rules");
  revalidatePath("/hr/review", "layout");
  return { ok: true, message: `新版晋级条件已保存，自 ${data.effectiveFromQuarter} 起适用` };
}
