"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/auth/viewer";
import { actionError } from "@/lib/server/action-errors";
import { invalidInput, type ActionState } from "@/lib/actions/state";
import { AssignInput, CourseInput, EnrolInput, EnrolmentIdInput, RosterInput, WaiveInput } from "@/lib/schemas/courses";
import { enrolElective, startMyCourse } from "@/lib/server/dal/courses/learner";
import { assignCourse, recordCompletions, waiveEnrolment } from "@/lib/server/dal/courses/completion";
import { saveCourse, setCourseStatus, syncAllRequired } from "@/lib/server/dal/courses/catalogue";
import { importCompletions } from "@/lib/server/dal/courses/completion-import";
import { readTable } from "@/lib/server/spreadsheet";
import type { RowProblem } from "@/lib/server/dal/courses/completion-import";

function revalidateCourses() {
  revalidatePath("/me/courses");
  revalidatePath("/hr/courses", "layout");
  revalidatePath("/branch/courses", "layout");
}

export async function enrolElectiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const viewer = await requireActor(["ACCOUNT_MANAGER", "ASSISTANT"]);
    const parsed = EnrolInput.safeParse({ courseId: formData.get("courseId") });
    if (!parsed.success) return invalidInput(parsed.error);
    const { title } = await enrolElective(viewer, parsed.data.courseId);
    revalidateCourses();
    return { ok: true, message: `已报名《${title}》` };
  } catch (error) {
    return actionError(error);
  }
}

export async function startCourseAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const viewer = await requireActor(["ACCOUNT_MANAGER", "ASSISTANT"]);
    const parsed = EnrolmentIdInput.safeParse({ enrolmentId: formData.get("enrolmentId") });
    if (!parsed.success) return invalidInput(parsed.error);
    const { title } = await startMyCourse(viewer, parsed.data.enrolmentId);
    revalidateCourses();
    return { ok: true, message: `已开始学习《${title}》` };
  } catch (error) {
    return actionError(error);
  }
}

export async function recordCompletionsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = Object.fromEntries([...formData.entries()].filter(([k, v]) => typeof v === "string" && !k.startsWith("$")).map(([k, v]) => [k, String(v)]));
  try {
    const viewer = await requireActor(["HR", "BRANCH_HEAD"]);
    const picked = formData.getAll("userId").map(String);
    const parsed = RosterInput.safeParse({
      courseId: formData.get("courseId"),
      completedOn: formData.get("completedOn"),
      rows: picked.map((userId) => ({ userId, hours: formData.get(`hours.${userId}`), examScore: formData.get(`score.${userId}`) ?? "" })),
    });
    if (!parsed.success) return invalidInput(parsed.error, values);
    const { count } = await recordCompletions(viewer, parsed.data);
    revalidateCourses();
    return { ok: true, message: `已登记 ${count} 人完成` };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function waiveEnrolmentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = WaiveInput.safeParse({ enrolmentId: formData.get("enrolmentId"), reason: formData.get("reason") });
    if (!parsed.success) return invalidInput(parsed.error, { reason: String(formData.get("reason") ?? "") });
    await waiveEnrolment(viewer, parsed.data.enrolmentId, parsed.data.reason);
    revalidateCourses();
    return { ok: true, message: "已免修" };
  } catch (error) {
    return actionError(error);
  }
}

export async function saveCourseAction(_prev: ActionState<{ id: string }>, formData: FormData): Promise<ActionState<{ id: string }>> {
  const values: Record<string, unknown> = {
    id: String(formData.get("id") ?? "") || undefined,
    code: String(formData.get("code") ?? ""),
    title: String(formData.get("title") ?? ""),
    description: String(formData.get("description") ?? ""),
    tier: String(formData.get("tier") ?? ""),
    category: String(formData.get("category") ?? ""),
    delivery: String(formData.get("delivery") ?? ""),
    hours: String(formData.get("hours") ?? ""),
    competencies: formData.getAll("competencies").map(String),
    required: formData.get("required") === "on",
  };
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = CourseInput.safeParse(values);
    if (!parsed.success) return invalidInput(parsed.error, values);
    const saved = await saveCourse(viewer, parsed.data);
    revalidateCourses();
    return { ok: true, message: `已保存课程 ${parsed.data.code}`, data: saved };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function setCourseStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = EnrolInput.safeParse({ courseId: formData.get("courseId") });
    const status = formData.get("status") === "ACTIVE" ? "ACTIVE" : "RETIRED";
    if (!parsed.success) return invalidInput(parsed.error);
    await setCourseStatus(viewer, parsed.data.courseId, status);
    revalidateCourses();
    return { ok: true, message: status === "RETIRED" ? "课程已停用，历史学习记录保留" : "课程已重新启用" };
  } catch (error) {
    return actionError(error);
  }
}

export async function syncRequiredAction(_prev: ActionState): Promise<ActionState> {
  try {
    const viewer = await requireActor(["HR"]);
    const added = await syncAllRequired(viewer);
    revalidateCourses();
    return { ok: true, message: added === 0 ? "所有人的必修课都已分配，无需补充" : `已为相关人员补充分配 ${added} 门必修课` };
  } catch (error) {
    return actionError(error);
  }
}

export type ImportState = ActionState<{ problems: RowProblem[]; rows: number; written: boolean }>;

export async function importCompletionsAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  try {
    const viewer = await requireActor(["HR"]);
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return { ok: false, message: "请选择要导入的 .xlsx 或 .csv 文件" };
    const table = await readTable(await file.arrayBuffer(), file.name);
    const dryRun = formData.get("mode") !== "write";
    const report = await importCompletions(viewer, table, { dryRun });
    if (report.problems.length > 0) {
      return { ok: false, message: `发现 ${report.problems.length} 处问题，未写入任何数据；请修改文件后重新检查`, data: { problems: report.problems, rows: report.rows, written: false } };
    }
    if (!dryRun) revalidateCourses();
    return {
      ok: true,
      message: dryRun ? `检查通过：共 ${report.rows} 行，可以导入` : `已导入 ${report.rows} 条完成记录`,
      data: { problems: [], rows: report.rows, written: !dryRun },
    };
  } catch (error) {
    return actionError(error);
  }
}

export async function assignCourseAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = { employeeNos: String(formData.get("employeeNos") ?? ""), dueDate: String(formData.get("dueDate") ?? "") };
  try {
    const viewer = await requireActor(["HR", "BRANCH_HEAD"]);
    const parsed = AssignInput.safeParse({ courseId: formData.get("courseId"), ...values });
    if (!parsed.success) return invalidInput(parsed.error, values);
    const { assigned, skipped } = await assignCourse(viewer, parsed.data.courseId, parsed.data.employeeNos, parsed.data.dueDate);
    revalidateCourses();
    return { ok: true, message: `已指派 ${assigned} 人${skipped ? `，${skipped} 人已报名过该课程` : ""}` };
  } catch (error) {
    return actionError(error, values);
  }
}
