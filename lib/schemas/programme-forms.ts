// Input of the after-phase forms (培训效果评估表, 行动计划表), the branch head's follow-up and final
// score, and mentoring (工作心得). Shared by the forms and the server actions.
import { z } from "zod";
import { optionalText } from "@/lib/schemas/common";

const id = z.string().trim().min(1, "缺少记录编号").max(64);
const intent = z.enum(["draft", "submit"], { message: "请选择保存草稿或提交" });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 年-月-日（如 2026-03-05）");

/** A 1–5 rating as a form field: "" means not answered yet (allowed in a draft only). */
const rating = z
  .union([
    z.literal(""),
    z.coerce.number({ message: "评分须为 1–5 的整数" }).int("评分须为 1–5 的整数").min(1, "评分须为 1–5 的整数").max(5, "评分须为 1–5 的整数"),
  ])
  .transform((v) => (v === "" ? null : v));

export const EVALUATION_ASPECTS = ["content", "delivery", "organisation", "applicability"] as const;
export type EvaluationAspect = (typeof EVALUATION_ASPECTS)[number];

export const EvaluationInput = z
  .object({
    sessionId: id,
    intent,
    content: rating,
    delivery: rating,
    organisation: rating,
    applicability: rating,
    comments: optionalText(1000, "意见和建议"),
  })
  .superRefine((v, ctx) => {
    if (v.intent !== "submit") return;
    for (const aspect of EVALUATION_ASPECTS) {
      if (v[aspect] === null) ctx.addIssue({ code: "custom", path: [aspect], message: "提交前请为此项打分（1–5 分）" });
    }
  });
export type EvaluationInput = z.infer<typeof EvaluationInput>;

const text = (label: string, max: number) => z.string().trim().max(max, `${label}不超过 ${max} 字`);

export const ActionPlanInput = z
  .object({
    phaseId: id,
    intent,
    goals: text("目标", 1000),
    actions: text("具体行动", 2000),
    deadline: z.union([z.literal(""), isoDate]).transform((v) => v || null),
    resources: text("所需资源", 1000).transform((v) => v || null),
    successMeasure: text("成功标准", 1000).transform((v) => v || null),
  })
  .superRefine((v, ctx) => {
    if (v.intent !== "submit") return;
    if (v.goals.length < 5) ctx.addIssue({ code: "custom", path: ["goals"], message: "请写明目标（至少 5 个字）" });
    if (v.actions.length < 5) ctx.addIssue({ code: "custom", path: ["actions"], message: "请写明具体行动（至少 5 个字）" });
    if (!v.deadline) ctx.addIssue({ code: "custom", path: ["deadline"], message: "请选择完成期限" });
    if (!v.successMeasure || v.successMeasure.length < 2) ctx.addIssue({ code: "custom", path: ["successMeasure"], message: "请写明如何衡量成功" });
  });
export type ActionPlanInput = z.infer<typeof ActionPlanInput>;

export const FOLLOW_UP_CHECKPOINTS = [30, 60, 90] as const;
export const FOLLOW_UP_STATUSES = ["ON_TRACK", "AT_RISK", "OFF_TRACK", "DONE"] as const;

export const FollowUpInput = z.object({
  actionPlanId: id,
  checkpoint: z.coerce.number().refine((n) => (FOLLOW_UP_CHECKPOINTS as readonly number[]).includes(n), "跟进节点只能是 30、60 或 90 天"),
  status: z.enum(FOLLOW_UP_STATUSES, { message: "请选择进展状态" }),
  note: z.string().trim().min(2, "请填写跟进记录（至少 2 个字）").max(1000, "跟进记录不超过 1000 字"),
});
export type FollowUpInput = z.infer<typeof FollowUpInput>;

export const FinalScoreInput = z.object({
  actionPlanId: id,
  score: z
    .string()
    .trim()
    .min(1, "请填写最终评分")
    .regex(/^\d{1,3}(\.\d{1,2})?$/, "最终评分须为 0–100 的数字，最多两位小数")
    .transform(Number)
    .pipe(z.number().min(0, "最终评分须在 0–100 之间").max(100, "最终评分须在 0–100 之间")),
});
export type FinalScoreInput = z.infer<typeof FinalScoreInput>;

const employeeNo = z.string().trim().min(1, "请填写工号").max(32, "工号过长");

export const MentorshipInput = z
  .object({
    menteeNo: employeeNo,
    mentorNo: employeeNo,
    startsOn: isoDate,
    endsOn: z.union([z.literal(""), isoDate]).transform((v) => v || null),
    note: optionalText(200, "备注"),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "结束日期不能早于开始日期" });
    if (v.menteeNo === v.mentorNo) ctx.addIssue({ code: "custom", path: ["mentorNo"], message: "导师不能是学员本人" });
  });
export type MentorshipInput = z.infer<typeof MentorshipInput>;

export const ReflectionInput = z.object({
  mentorshipId: id,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "请选择月份"),
  body: z.string().trim().min(10, "工作心得至少写 10 个字").max(3000, "工作心得不超过 3000 字"),
});
export type ReflectionInput = z.infer<typeof ReflectionInput>;

export const ReplyInput = z.object({
  reflectionId: id,
  reply: z.string().trim().min(2, "请填写回复（至少 2 个字）").max(2000, "回复不超过 2000 字"),
});
export type ReplyInput = z.infer<typeof ReplyInput>;

export const EndMentorshipInput = z.object({ mentorshipId: id, endsOn: isoDate });
