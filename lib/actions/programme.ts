"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/auth/viewer";
import { actionError } from "@/lib/server/action-errors";
import { invalidInput, type ActionState } from "@/lib/actions/state";
import {
  AddParticipantsInput,
  AttendanceInput,
  BranchProposalInput,
  CheckInInput,
  CopyProgrammeInput,
  CreateProgrammeInput,
  DecideProposalInput,
  MyWithdrawInput,
  PhaseIdInput,
  PhaseInput,
  RemoveParticipantInput,
  SessionInput,
  WithdrawSeatInput,
} from "@/lib/schemas/programme";
import { copyProgramme, createProgramme } from "@/lib/server/dal/programme/years";
import { advancePhaseStatus, updatePhase } from "@/lib/server/dal/programme/phases";
import { saveSession, withdrawSeat } from "@/lib/server/dal/programme/sessions";
import { addParticipants, decideProposal, proposeByGrade, proposeFromBranch, removeParticipant } from "@/lib/server/dal/programme/participants";
import { checkIn, recordAttendance } from "@/lib/server/dal/programme/attendance";
import { PHASE_STATUSES, type PhaseStatus } from "@/lib/domain/programme-plan";
import { PHASE_STATUS_LABELS, ATTENDANCE_LABELS } from "@/lib/domain/programme-labels";

export type NavigateState = ActionState<{ href?: string }>;

function revalidateProgramme() {
  revalidatePath("/hr/programmes", "layout");
  revalidatePath("/branch/programme");
  revalidatePath("/me/programme");
}

function text(formData: FormData, name: string): string {
  const v = formData.get(name);
  return typeof v === "string" ? v : "";
}

export async function createProgrammeAction(_prev: NavigateState, formData: FormData): Promise<NavigateState> {
  const values = { year: text(formData, "year"), name: text(formData, "name") };
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = CreateProgrammeInput.safeParse(values);
    if (!parsed.success) return invalidInput(parsed.error, values);
    const { id } = await createProgramme(viewer, parsed.data);
    revalidateProgramme();
    return { ok: true, message: `已创建 ${parsed.data.year} 年度培训项目`, data: { href: `/hr/programmes/${id}` } };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function copyProgrammeAction(_prev: NavigateState, formData: FormData): Promise<NavigateState> {
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = CopyProgrammeInput.safeParse({ fromProgrammeId: text(formData, "fromProgrammeId") });
    if (!parsed.success) return invalidInput(parsed.error);
    const { id, year } = await copyProgramme(viewer, parsed.data.fromProgrammeId);
    revalidateProgramme();
    return { ok: true, message: `已复制为 ${year} 年度培训项目`, data: { href: `/hr/programmes/${id}` } };
  } catch (error) {
    return actionError(error);
  }
}

export async function updatePhaseAction(_prev: NavigateState, formData: FormData): Promise<NavigateState> {
  const values = {
    phaseId: text(formData, "phaseId"),
    name: text(formData, "name"),
    startsOn: text(formData, "startsOn"),
    endsOn: text(formData, "endsOn"),
    grades: formData.getAll("grades").map(String),
    includeAssistants: formData.get("includeAssistants") === "on",
    goal: text(formData, "goal"),
    budget: text(formData, "budget"),
    feedsQuarter: text(formData, "feedsQuarter"),
  };
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = PhaseInput.safeParse(values);
    if (!parsed.success) return invalidInput(parsed.error, values);
    await updatePhase(viewer, parsed.data);
    revalidateProgramme();
    return { ok: true, message: "阶段计划已保存" };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function advancePhaseAction(_prev: NavigateState, formData: FormData): Promise<NavigateState> {
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = PhaseIdInput.safeParse({ phaseId: text(formData, "phaseId") });
    const expected = text(formData, "expected") as PhaseStatus;
    if (!parsed.success || !PHASE_STATUSES.includes(expected)) return { ok: false, message: "请求无效，请刷新后再试" };
    const next = await advancePhaseStatus(viewer, parsed.data.phaseId, expected);
    revalidateProgramme();
    return { ok: true, message: `已进入「${PHASE_STATUS_LABELS[next]}」` };
  } catch (error) {
    return actionError(error);
  }
}

export async function saveSessionAction(_prev: NavigateState, formData: FormData): Promise<NavigateState> {
  const values = {
    sessionId: text(formData, "sessionId") || undefined,
    phaseId: text(formData, "phaseId"),
    courseId: text(formData, "courseId"),
    title: text(formData, "title"),
    startsAt: text(formData, "startsAt"),
    endsAt: text(formData, "endsAt"),
    place: text(formData, "place"),
    lecturerNo: text(formData, "lecturerNo"),
    lecturerName: text(formData, "lecturerName"),
    capacity: text(formData, "capacity"),
  };
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = SessionInput.safeParse(values);
    if (!parsed.success) return invalidInput(parsed.error, values);
    const { id, programmeId } = await saveSession(viewer, parsed.data);
    revalidateProgramme();
    return { ok: true, message: values.sessionId ? "培训场次已保存" : "已新增培训场次", data: { href: values.sessionId ? undefined : `/hr/programmes/${programmeId}/phases/${parsed.data.phaseId}/sessions/${id}` } };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function proposeByGradeAction(_prev: NavigateState, formData: FormData): Promise<NavigateState> {
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = PhaseIdInput.safeParse({ phaseId: text(formData, "phaseId") });
    if (!parsed.success) return invalidInput(parsed.error);
    const { added } = await proposeByGrade(viewer, parsed.data.phaseId);
    revalidateProgramme();
    return { ok: true, message: added === 0 ? "没有新的符合条件人员，名单未变" : `已按开营日职级加入 ${added} 人` };
  } catch (error) {
    return actionError(error);
  }
}

export async function addParticipantsAction(_prev: NavigateState, formData: FormData): Promise<NavigateState> {
  const values = { phaseId: text(formData, "phaseId"), employeeNos: text(formData, "employeeNos"), reason: text(formData, "reason") };
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = AddParticipantsInput.safeParse(values);
    if (!parsed.success) return invalidInput(parsed.error, values);
    const { added, skipped } = await addParticipants(viewer, parsed.data);
    revalidateProgramme();
    return { ok: true, message: `已加入 ${added} 人${skipped ? `，${skipped} 人已在名单中` : ""}` };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function removeParticipantAction(_prev: NavigateState, formData: FormData): Promise<NavigateState> {
  const values = { phaseId: text(formData, "phaseId"), userId: text(formData, "userId"), reason: text(formData, "reason") };
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = RemoveParticipantInput.safeParse(values);
    if (!parsed.success) return invalidInput(parsed.error, values);
    await removeParticipant(viewer, parsed.data);
    revalidateProgramme();
    return { ok: true, message: "已移出名单，候补人员已按顺序递补" };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function decideProposalAction(_prev: NavigateState, formData: FormData): Promise<NavigateState> {
  const values = { phaseId: text(formData, "phaseId"), userId: text(formData, "userId"), decision: text(formData, "decision"), reason: text(formData, "reason") };
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = DecideProposalInput.safeParse(values);
    if (!parsed.success) return invalidInput(parsed.error, values);
    await decideProposal(viewer, parsed.data);
    revalidateProgramme();
    return { ok: true, message: parsed.data.decision === "APPROVE" ? "已批准并加入名单" : "已不予批准" };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function proposeFromBranchAction(_prev: NavigateState, formData: FormData): Promise<NavigateState> {
  const values = { phaseId: text(formData, "phaseId"), employeeNo: text(formData, "employeeNo"), reason: text(formData, "reason") };
  try {
    const viewer = await requireActor(["BRANCH_HEAD"]);
    const parsed = BranchProposalInput.safeParse(values);
    if (!parsed.success) return invalidInput(parsed.error, values);
    const { name, phaseName } = await proposeFromBranch(viewer, parsed.data);
    revalidateProgramme();
    return { ok: true, message: `已推荐 ${name} 参加${phaseName}，等待人力资源部审批` };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function withdrawSeatAction(_prev: NavigateState, formData: FormData): Promise<NavigateState> {
  const values = { sessionId: text(formData, "sessionId"), userId: text(formData, "userId"), reason: text(formData, "reason") };
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = WithdrawSeatInput.safeParse(values);
    if (!parsed.success) return invalidInput(parsed.error, values);
    const { promoted } = await withdrawSeat(viewer, parsed.data);
    revalidateProgramme();
    return { ok: true, message: promoted ? "已退出本场，候补第一位已递补" : "已退出本场" };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function withdrawMySeatAction(_prev: NavigateState, formData: FormData): Promise<NavigateState> {
  try {
    const viewer = await requireActor(["ACCOUNT_MANAGER", "ASSISTANT"]);
    const parsed = MyWithdrawInput.safeParse({ sessionId: text(formData, "sessionId") });
    if (!parsed.success) return invalidInput(parsed.error);
    await withdrawSeat(viewer, { sessionId: parsed.data.sessionId, userId: viewer.id, reason: "本人申请退出" });
    revalidateProgramme();
    return { ok: true, message: "已退出本场培训" };
  } catch (error) {
    return actionError(error);
  }
}

export async function recordAttendanceAction(_prev: NavigateState, formData: FormData): Promise<NavigateState> {
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = AttendanceInput.safeParse({ sessionId: text(formData, "sessionId"), userId: text(formData, "userId"), status: text(formData, "status") });
    if (!parsed.success) return invalidInput(parsed.error);
    const { name } = await recordAttendance(viewer, parsed.data);
    revalidateProgramme();
    return { ok: true, message: `${name}：${ATTENDANCE_LABELS[parsed.data.status]}` };
  } catch (error) {
    return actionError(error);
  }
}

export async function checkInAction(_prev: NavigateState, formData: FormData): Promise<NavigateState> {
  try {
    const viewer = await requireActor();
    const parsed = CheckInInput.safeParse({ token: text(formData, "token") });
    if (!parsed.success) return invalidInput(parsed.error);
    const { title, already } = await checkIn(viewer, parsed.data.token);
    revalidateProgramme();
    return { ok: true, message: already ? `您的《${title}》出勤已登记，无需重复签到` : `签到成功：《${title}》已记为出席` };
  } catch (error) {
    return actionError(error);
  }
}
