import { z } from "zod";
import { employeeNoList, hoursField, isoDate, recordId, text } from "@/lib/schemas/common";
import { COMPETENCY_CODES } from "@/lib/domain/competency";
import { CATEGORIES, DELIVERIES, TIERS } from "@/lib/domain/curriculum-labels";

const id = recordId;

export const EnrolInput = z.object({ courseId: id });
export const EnrolmentIdInput = z.object({ enrolmentId: id });

const score = z
  .union([z.literal(""), z.coerce.number({ message: "考试成绩必须是数字" }).min(0, "考试成绩必须在 0–100 之间").max(100, "考试成绩必须在 0–100 之间")])
  .transform((v) => (v === "" ? null : v));

export const CompletionRowInput = z.object({
  userId: id,
  hours: hoursField,
  examScore: score,
});

export const RosterInput = z.object({
  courseId: id,
  completedOn: isoDate("请选择完成日期"),
  rows: z.array(CompletionRowInput).min(1, "请至少勾选一名学员"),
});
export type RosterInput = z.infer<typeof RosterInput>;

export const WaiveInput = z.object({ enrolmentId: id, reason: text(200, { min: 2, label: "免修原因", minMessage: "请填写免修原因" }) });

export const CourseInput = z.object({
  id: recordId.optional(),
  code: z
    .string()
    .trim()
    .regex(/^[FAE]-(PRO|KNO|SKI)-\d{2}$/, "课程编号格式如 F-PRO-01（层级-类别-序号）"),
  title: text(60, { min: 2, label: "课程名称", minMessage: "请填写课程名称" }),
  description: text(500, { min: 10, label: "介绍", minMessage: "请用至少 10 个字介绍课程" }),
  tier: z.enum(TIERS, { message: "请选择层级" }),
  category: z.enum(CATEGORIES, { message: "请选择类别" }),
  delivery: z.enum(DELIVERIES, { message: "请选择授课方式" }),
  hours: hoursField,
  competencies: z
    .array(z.enum(COMPETENCY_CODES, { message: "未知的能力项" }))
    .min(1, "请选择 1–3 项培养的能力")
    .max(3, "最多选择 3 项培养的能力"),
  required: z.boolean(),
});
export type CourseInput = z.infer<typeof CourseInput>;

export const AssignInput = z.object({
  courseId: id,
  employeeNos: employeeNoList("一次最多指派 500 人"),
  dueDate: z.union([z.literal(""), isoDate("截止日期格式应为 年-月-日（如 2026-03-05）")]).transform((v) => v || null),
});

export const CourseStatusInput = z.object({ courseId: id, status: z.enum(["ACTIVE", "RETIRED"], { error: "未知的课程状态" }) });
