import { z } from "zod";
import { AWARD_KINDS, RANKINGS } from "@/lib/domain/contest";
import { isIsoDate } from "@/lib/domain/dates";

const id = z.string().trim().min(1, "缺少记录编号").max(64);
const isoDate = (message: string) =>
  z
    .string()
    .trim()
    .refine((v) => isIsoDate(v), message);
const score = z.coerce
  .number({ message: "分数必须是数字" })
  .refine((v) => Number.isFinite(v), "分数必须是数字")
  .refine((v) => v >= 0, "分数不能为负数");
const reason = z.string().trim().min(2, "请填写原因（至少 2 个字）").max(200, "原因不超过 200 字");

export const CreateContestInput = z.object({
  year: z.coerce.number({ message: "请填写年度" }).int("年度应为整数").min(2000, "年度不正确").max(2100, "年度不正确"),
  startsOn: isoDate("请选择开始日期"),
  endsOn: isoDate("请选择结束日期"),
});
export type CreateContestInput = z.infer<typeof CreateContestInput>;

export const EventInput = z.object({
  eventId: id,
  heldOn: isoDate("请选择比赛日期"),
  maxScore: z.coerce.number({ message: "满分必须是数字" }).gt(0, "满分必须大于 0").max(1000, "满分不能超过 1000"),
  weight: z.coerce.number({ message: "权重必须是数字" }).min(0, "权重不能为负数").max(100, "权重不能超过 100"),
});
export type EventInput = z.infer<typeof EventInput>;

export const EventIdInput = z.object({ eventId: id });
export const PhaseIdInput = z.object({ phaseId: id });

export const WithdrawInput = z.object({ entrantId: id, reason });

export const TeamInput = z.object({
  phaseId: id,
  teamId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
  name: z.string().trim().min(2, "请填写团队名称（至少 2 个字）").max(30, "团队名称不超过 30 字"),
  entrantIds: z.array(id).max(50),
});
export type TeamInput = z.infer<typeof TeamInput>;

export const TeamIdInput = z.object({ teamId: id });

export const JudgeInput = z
  .object({
    eventId: id,
    employeeNo: z
      .string()
      .trim()
      .max(32)
      .optional()
      .transform((v) => v || undefined),
    externalName: z
      .string()
      .trim()
      .max(30, "姓名不超过 30 字")
      .optional()
      .transform((v) => v || undefined),
  })
  .refine((v) => !!v.employeeNo !== !!v.externalName, { message: "请填写内部评委的工号，或外部评委的姓名（二选一）", path: ["employeeNo"] });
export type JudgeInput = z.infer<typeof JudgeInput>;

export const JudgeIdInput = z.object({ judgeId: id });

export const JudgeScoreInput = z.object({
  eventId: id,
  judgeId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
  targetId: id,
  score,
});
export type JudgeScoreInput = z.infer<typeof JudgeScoreInput>;

export const DirectScoresInput = z.object({
  eventId: id,
  rows: z.array(z.object({ entrantId: id, score })).min(1, "请至少填写一个分数"),
  reason: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || null),
});
export type DirectScoresInput = z.infer<typeof DirectScoresInput>;

export const CorrectScoreInput = z.object({ scoreId: id, score, reason });
export type CorrectScoreInput = z.infer<typeof CorrectScoreInput>;

export const AwardInput = z.object({
  phaseId: id,
  kind: z.enum(AWARD_KINDS, { message: "请选择奖项" }),
  ranking: z
    .union([z.literal(""), z.enum(RANKINGS, { message: "请选择排名" })])
    .optional()
    .transform((v) => (v ? v : null)),
  holderId: id.refine(Boolean, "请选择获奖者"),
  note: z
    .string()
    .trim()
    .max(200, "备注不超过 200 字")
    .optional()
    .transform((v) => v || null),
});
export type AwardInput = z.infer<typeof AwardInput>;

export const RevokeAwardInput = z.object({ awardId: id, reason });
