"use server";

import { defineFormAction, type RevalidateTarget } from "@/lib/server/action";
import type { ActionState } from "@/lib/actions/state";
import { AssignInput, CourseInput, CourseStatusInput, EnrolInput, EnrolmentIdInput, RosterInput, WaiveInput } from "@/lib/schemas/courses";
import { ImportFileInput, NoInput } from "@/lib/schemas/common";
import { enrolElective, startMyCourse } from "@/lib/server/dal/courses/learner";
import { assignCourse, recordCompletions, waiveEnrolment } from "@/lib/server/dal/courses/completion";
import { saveCourse, setCourseStatus, syncAllRequired } from "@/lib/server/dal/courses/catalogue";
import { importCompletions } from "@/lib/server/dal/courses/completion-import";
import { readUpload } from "@/lib/server/import";
import type { CompletionImportReport, RowProblem } from "@/lib/server/dal/courses/completion-import";

const COURSE_PAGES: readonly RevalidateTarget[] = ["/me/courses", ["/hr/courses", "layout"], ["/branch/courses", "layout"]];

export const enrolElectiveAction = defineFormAction({
  permission: "course.learn",
  schema: EnrolInput,
  run: (viewer, input) => enrolElective(viewer, input.courseId),
  revalidate: COURSE_PAGES,
  done: ({ title }) => ({ ok: true, message: `已报名《${title}》` }),
});

export const startCourseAction = defineFormAction({
  permission: "course.learn",
  schema: EnrolmentIdInput,
  run: (viewer, input) => startMyCourse(viewer, input.enrolmentId),
  revalidate: COURSE_PAGES,
  done: ({ title }) => ({ ok: true, message: `已开始学习《${title}》` }),
});

export const recordCompletionsAction = defineFormAction({
  permission: "course.record",
  schema: RosterInput,
  input: (form) => ({
    courseId: form.get("courseId"),
    completedOn: form.get("completedOn"),
    rows: form
      .getAll("userId")
      .map(String)
      .map((userId) => ({ userId, hours: form.get(`hours.${userId}`), examScore: form.get(`score.${userId}`) ?? "" })),
  }),
  run: (viewer, input) => recordCompletions(viewer, input),
  revalidate: COURSE_PAGES,
  done: ({ count }) => ({ ok: true, message: `已登记 ${count} 人完成` }),
});

export const waiveEnrolmentAction = defineFormAction({
  permission: "course.waive",
  schema: WaiveInput,
  run: (viewer, input) => waiveEnrolment(viewer, input.enrolmentId, input.reason),
  revalidate: COURSE_PAGES,
  done: () => ({ ok: true, message: "已免修" }),
});

export const saveCourseAction = defineFormAction<typeof CourseInput, { id: string }, { id: string }>({
  permission: "course.catalogue",
  schema: CourseInput,
  values: (form) => ({
    id: String(form.get("id") ?? "") || undefined,
    code: String(form.get("code") ?? ""),
    title: String(form.get("title") ?? ""),
    description: String(form.get("description") ?? ""),
    tier: String(form.get("tier") ?? ""),
    category: String(form.get("category") ?? ""),
    delivery: String(form.get("delivery") ?? ""),
    hours: String(form.get("hours") ?? ""),
    competencies: form.getAll("competencies").map(String),
    required: form.get("required") === "on",
  }),
  run: (viewer, input) => saveCourse(viewer, input),
  revalidate: COURSE_PAGES,
  done: (saved, input) => ({ ok: true, message: `已保存课程 ${input.code}`, data: saved }),
});

export const setCourseStatusAction = defineFormAction({
  permission: "course.catalogue",
  schema: CourseStatusInput,
  run: (viewer, input) => setCourseStatus(viewer, input.courseId, input.status),
  revalidate: COURSE_PAGES,
  done: (_result, { status }) => ({ ok: true, message: status === "RETIRED" ? "课程已停用，历史学习记录保留" : "课程已重新启用" }),
});

export const syncRequiredAction = defineFormAction({
  permission: "course.catalogue",
  schema: NoInput,
  run: (viewer) => syncAllRequired(viewer),
  revalidate: COURSE_PAGES,
  done: (added) => ({ ok: true, message: added === 0 ? "所有人的必修课都已分配，无需补充" : `已为相关人员补充分配 ${added} 门必修课` }),
});

type ImportData = { problems: RowProblem[]; totalProblems: number; rows: number; written: boolean };
export type ImportState = ActionState<ImportData>;

export const importCompletionsAction = defineFormAction<typeof ImportFileInput, CompletionImportReport & { write: boolean }, ImportData>({
  permission: "course.import",
  schema: ImportFileInput,
  input: (form, values) => ({ file: form.get("file"), write: values.mode === "write" }),
  run: async (viewer, { file, write }) => {
    const table = await readUpload(file, file.name);
    return { ...(await importCompletions(viewer, table, { dryRun: !write })), write };
  },
  revalidate: (_input, report) => (report.written > 0 ? COURSE_PAGES : []),
  done: (report): ImportState => {
    const data = { problems: report.problems, totalProblems: report.totalProblems, rows: report.rows, written: report.write && report.totalProblems === 0 };
    if (report.totalProblems > 0) return { ok: false, message: `发现 ${report.totalProblems} 处问题，未写入任何数据；请修改文件后重新检查`, data };
    if (!report.write) return { ok: true, message: `检查通过：共 ${report.rows} 行，可以导入`, data };
    if (report.written === 0) return { ok: true, message: `文件中的 ${report.rows} 条完成记录与系统中已有的一致，无需重复导入`, data };
    return { ok: true, message: `已导入 ${report.written} 条完成记录`, data };
  },
});

export const assignCourseAction = defineFormAction({
  permission: "course.assign",
  schema: AssignInput,
  values: (form) => ({ employeeNos: String(form.get("employeeNos") ?? ""), dueDate: String(form.get("dueDate") ?? "") }),
  input: (form, values) => ({ courseId: form.get("courseId"), ...values }),
  run: (viewer, input) => assignCourse(viewer, input.courseId, input.employeeNos, input.dueDate),
  revalidate: COURSE_PAGES,
  done: ({ assigned, skipped }) => ({ ok: true, message: `已指派 ${assigned} 人${skipped ? `，${skipped} 人已报名过该课程` : ""}` }),
});
