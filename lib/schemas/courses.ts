import { z } from "zod";
import { COMPETENCY_CODES } from "@/lib/domain/competency";
import { CATEGORIES, DELIVERIES, TIERS } from "@/lib/domain/curriculum-labels";

const id = z.string().trim().min(1, "缺少记录编号").max(64);

export const EnrolInput = z.object({ courseId: id });
export const EnrolmentIdInput = z.object({ enrolmentId: id });

const score = z
  .union([z.literal(""), z.coerce.number({ message: "考试成绩必须是数字" }).min(0, "考试成绩必须在 0–100 之间").max(100, "考试成绩必须在 0–100 之间")])
  .transform((v) => (v === "" ? null : v));

export const CompletionRowInput = z.object({
  userId: id,
  hours: z.coerce.number({ message: "学时必须是数字" }).gt(0, "学时必须大于 0").max(200, "学时不能超过 200"),
  examScore: score,
});

export const RosterInput = z.object({
  courseId: id,
  completedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "请选择完成日期"),
  rows: z.array(CompletionRowInput).min(1, "请至少勾选一名学员"),
});
export type RosterInput = z.infer<typeof RosterInput>;

export const WaiveInput = z.object({ enrolmentId: id, reason: z.string().trim().min(2, "请填写免修原因").max(200, "原因不超过 200 字") });

export const CourseInput = z.object({
  id: z.string().optional(),
  code: z.string().trim().regex(/^[FAE]-(PRO|KNO|SKI)-\d{2}$/, "课程编号格式如 F-PRO-01（层级-类别-序号）"),
  title: z.string().trim().min(2, "请填写课程名称").max(60, "课程名称不超过 60 字"),
  description: z.string().trim().min(10, "请用至少 10 个字介绍课程").max(500, "介绍不超过 500 字"),
  tier: z.enum(TIERS, { message: "请选择层级" }),
  category: z.enum(CATEGORIES, { message: "请选择类别" }),
  delivery: z.enum(DELIVERIES, { message: "请选择授课方式" }),
  hours: z.coerce.number({ message: "学时必须是数字" }).gt(0, "学时必须大于 0").max(200, "学时不能超过 200"),
  competencies: z
    .array(z.enum(COMPETENCY_CODES, { message: "未知的能力项" }))
    .min(1, "请选择 1–3 项培养的能力")
    .max(3, "最多选择 3 项培养的能力"),
  required: z.boolean(),
});
export type CourseInput = z.infer<typeof CourseInput>;

export const AssignInput = z.object({
  courseId: id,
  employeeNos: z
    .string()
    .transform((s) => s.split(/[\s,，、;；]+/).filter(Boolean))
    .pipe(z.array(z.string().max(32)).min(1, "请填写至少一个工号").max(500, "一次最多指派 500 人")),
  dueDate: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "截止日期格式应为 YYYY-MM-DD")]).transform((v) => v || null),
});

export const CourseStatusInput = z.object({ courseId: id, status: z.enum(["ACTIVE", "RETIRED"], { error: "未知的课程状态" }) });
