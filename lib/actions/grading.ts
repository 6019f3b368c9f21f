"use server";

import { defineFormAction } from "@/lib/server/action";
import { confirmInitialGrades } from "@/lib/server/dal/review/grading";
import { InitialGradesInput } from "@/lib/schemas/review";

/** Form: checkboxes `selected` (user ids) and a select `grade_<userId>` per row. */
export const confirmInitialGradesAction = defineFormAction({
  permission: "grading.confirm",
  schema: InitialGradesInput,
  values: (form) => ({ selected: form.getAll("selected").filter((v): v is string => typeof v === "string") }),
  input: (form, values) => ({ decisions: (values.selected as string[]).map((userId) => ({ userId, grade: form.get(`grade_${userId}`) })) }),
  run: (viewer, input) => confirmInitialGrades(viewer, input.decisions),
  revalidate: ["/hr/grading", "/hr"],
  done: ({ graded }) => ({ ok: true, message: `已完成 ${graded} 人的定级` }),
});
