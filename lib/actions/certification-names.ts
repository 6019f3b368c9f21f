"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/auth/viewer";
import { actionError } from "@/lib/server/action-errors";
import { saveCertificationName } from "@/lib/server/dal/certification-names";
import { CertificationNameInput } from "@/lib/schemas/certification-names";
import { invalidInput, type ActionState } from "@/lib/actions/state";

/** HR names a certification code: authorise → parse → DAL → revalidate. */
export async function saveCertificationNameAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = { code: String(form.get("code") ?? ""), name: String(form.get("name") ?? "") };
  try {
    const viewer = await requireActor(["HR"]);
    const input = CertificationNameInput.safeParse(values);
    if (!input.success) return invalidInput(input.error, values);
    await saveCertificationName(viewer, input.data);
    revalidatePath("/", "layout");
    return { ok: true, message: `已保存：${input.data.name}` };
  } catch (error) {
    return actionError(error, values);
  }
}
