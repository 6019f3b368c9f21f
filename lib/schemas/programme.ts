// Input schemas of the programme year (DOMAIN §8): years, phases, sessions, participants,
// seats and attendance. Messages are the ones the forms show.
import { z } from "zod";
import { GRADES } from "@/lib/domain/grades";
import { employeeNoList, optionalText } from "@/lib/schemas/common";
import { isIsoDate, isQuarter } from "@/lib/domain/dates";
import { shanghaiLocalToDate } from "@/lib/domain/programme-plan";

const id = z.string().trim().min(1, "缺少记录编号").max(64);
const isoDate = (label: string) => z.string().trim().refine(isIsoDate, `请选择${label}`);
const localDateTime = (label: string) =>
  z
    .string()
    .trim()
    .refine((v) => {
      try {
        shanghaiLocalToDate(v);
        return true;
      } catch {
        return false;
      }
    }, `请选择${label}`)
    .transform((v) => shanghaiLocalToDate(v));
const reason = z.string().trim().min(2, "请填写原因（至少 2 个字）").max(200, "原因不超过 200 字");

export const CreateProgrammeInput = z.object({
  year: z.coerce.number({ message: "请填写年度" }).int("年度必须是整数").min(2020, "年度应在 2020–2100 之间").max(2100, "年度应在 2020–2100 之间"),
  name: z.string().trim().max(60, "项目名称不超过 60 字"),
});
export type CreateProgrammeInput = z.infer<typeof CreateProgrammeInput>;

export const CopyProgrammeInput = z.object({ fromProgrammeId: id });

export const PhaseInput = z
  .object({
    phaseId: id,
    name: z.string().trim().min(2, "请填写阶段名称").max(30, "阶段名称不超过 30 字"),
    startsOn: isoDate("开始日期"),
    endsOn: isoDate("结束日期"),
    grades: z.array(z.enum(GRADES, { message: "未知的职级" })),
    includeAssistants: z.boolean(),
    goal: optionalText(500, "培训目标"),
    budget: z
      .union([z.literal(""), z.coerce.number({ message: "预算必须是数字" }).min(0, "预算不能为负数").max(99_999_999, "预算过大")])
      .transform((v) => (v === "" ? null : v)),
    feedsQuarter: z
      .string()
      .trim()
      .refine((v) => v === "" || isQuarter(v), "请选择计入的考评季度")
      .transform((v) => (v === "" ? null : v)),
  })
  .check((ctx) => {
    const v = ctx.value;
    if (v.endsOn < v.startsOn) ctx.issues.push({ code: "custom", path: ["endsOn"], message: "结束日期不能早于开始日期", input: v.endsOn });
    if (v.grades.length === 0 && !v.includeAssistants)
      ctx.issues.push({ code: "custom", path: ["grades"], message: "请至少选择一个目标职级或包含业务助理", input: v.grades });
  });
export type PhaseInput = z.infer<typeof PhaseInput>;

export const PhaseIdInput = z.object({ phaseId: id });

export const SessionInput = z
  .object({
    sessionId: z.string().trim().max(64).optional(),
    phaseId: id,
    courseId: z
      .string()
      .trim()
      .max(64)
      .transform((v) => (v === "" ? null : v)),
    title: optionalText(60, "培训名称"),
    startsAt: localDateTime("开始时间"),
    endsAt: localDateTime("结束时间"),
    place: z.string().trim().min(2, "请填写培训地点").max(60, "地点不超过 60 字"),
    lecturerNo: optionalText(32, "工号"),
    lecturerName: optionalText(30, "讲师姓名"),
    capacity: z
      .union([z.literal(""), z.coerce.number({ message: "容量必须是整数" }).int("容量必须是整数").min(1, "容量必须大于 0").max(2000, "容量不能超过 2000")])
      .transform((v) => (v === "" ? null : v)),
  })
  .check((ctx) => {
    const v = ctx.value;
    if (!v.courseId && !v.title) ctx.issues.push({ code: "custom", path: ["title"], message: "请选择课程或填写培训名称", input: v.title });
    if (v.lecturerNo && v.lecturerName)
      ctx.issues.push({ code: "custom", path: ["lecturerName"], message: "内部讲师和外部讲师只能填写一个", input: v.lecturerName });
    // The check runs even when a field failed: compare only two real dates.
    if (v.startsAt instanceof Date && v.endsAt instanceof Date && v.endsAt.getTime() <= v.startsAt.getTime())
      ctx.issues.push({ code: "custom", path: ["endsAt"], message: "结束时间必须晚于开始时间", input: v.endsAt });
  });
export type SessionInput = z.infer<typeof SessionInput>;

export const AddParticipantsInput = z.object({
  phaseId: id,
  employeeNos: employeeNoList("一次最多添加 500 人"),
  reason: optionalText(200, "原因"),
});
export type AddParticipantsInput = z.infer<typeof AddParticipantsInput>;

export const RemoveParticipantInput = z.object({ phaseId: id, userId: id, reason });

export const DecideProposalInput = z.object({
  phaseId: id,
  userId: id,
  decision: z.enum(["APPROVE", "DECLINE"], { message: "请选择批准或不批准" }),
  reason: optionalText(200, "原因"),
});
export type DecideProposalInput = z.infer<typeof DecideProposalInput>;

export const BranchProposalInput = z.object({
  phaseId: z.string().trim().min(1, "请选择培训阶段").max(64),
  employeeNo: z.string().trim().min(1, "请填写工号").max(32),
  reason,
});
export type BranchProposalInput = z.infer<typeof BranchProposalInput>;

export const WithdrawSeatInput = z.object({ sessionId: id, userId: id, reason });
export const MyWithdrawInput = z.object({ sessionId: id });

export const ATTENDANCE_STATUSES = ["PRESENT", "LATE", "ABSENT", "EXCUSED"] as const;
export const AttendanceInput = z.object({
  sessionId: id,
  userId: id,
  status: z.enum(ATTENDANCE_STATUSES, { message: "请选择出勤状态" }),
});
export type AttendanceInput = z.infer<typeof AttendanceInput>;

export const CheckInInput = z.object({ token: z.string().trim().min(1, "签到链接无效").max(64, "签到链接无效") });
