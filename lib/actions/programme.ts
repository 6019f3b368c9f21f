"use server";

import { z } from "zod";
import { areaAction, defineFormAction, formText as text, type RevalidateTarget } from "@/lib/server/action";
import { DomainError } from "@/lib/server/errors";
import type { ActionState } from "@/lib/actions/state";
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

const PROGRAMME_PATHS: readonly RevalidateTarget[] = [["/hr/programmes", "layout"], "/branch/programme", "/me/programme"];

/** HR's programme actions: their permission and the pages they change, once. */
const programmeAction = areaAction("programme.manage", PROGRAMME_PATHS);

export const createProgrammeAction = programmeAction({
  schema: CreateProgrammeInput,
  input: (form) => ({ year: text(form, "year"), name: text(form, "name") }),
  run: (viewer, data) => createProgramme(viewer, data),
  done: ({ id }, data): NavigateState => ({ ok: true, message: `已创建 ${data.year} 年度培训项目`, data: { href: `/hr/programmes/${id}` } }),
});

export const copyProgrammeAction = programmeAction({
  schema: CopyProgrammeInput,
  input: (form) => ({ fromProgrammeId: text(form, "fromProgrammeId") }),
  run: (viewer, data) => copyProgramme(viewer, data.fromProgrammeId),
  done: ({ id, year }): NavigateState => ({ ok: true, message: `已复制为 ${year} 年度培训项目`, data: { href: `/hr/programmes/${id}` } }),
});

export const updatePhaseAction = programmeAction({
  schema: PhaseInput,
  input: (form) => ({
    phaseId: text(form, "phaseId"),
    name: text(form, "name"),
    startsOn: text(form, "startsOn"),
    endsOn: text(form, "endsOn"),
    grades: form.getAll("grades").map(String),
    includeAssistants: form.get("includeAssistants") === "on",
    goal: text(form, "goal"),
    budget: text(form, "budget"),
    feedsQuarter: text(form, "feedsQuarter"),
  }),
  run: (viewer, data) => updatePhase(viewer, data),
  done: (): NavigateState => ({ ok: true, message: "阶段计划已保存" }),
});

// The status the page showed travels with the request, so a double submit cannot skip a step.
const AdvancePhaseInput = PhaseIdInput.extend({ expected: z.string() });

export const advancePhaseAction = programmeAction({
  schema: AdvancePhaseInput,
  input: (form) => ({ phaseId: text(form, "phaseId"), expected: text(form, "expected") }),
  run: (viewer, data) => {
    const expected = data.expected as PhaseStatus;
    if (!PHASE_STATUSES.includes(expected)) throw new DomainError("请求无效，请刷新后再试");
    return advancePhaseStatus(viewer, data.phaseId, expected);
  },
  done: (next): NavigateState => ({ ok: true, message: `已进入「${PHASE_STATUS_LABELS[next]}」` }),
});

export const saveSessionAction = programmeAction({
  schema: SessionInput,
  input: (form) => ({
    sessionId: text(form, "sessionId") || undefined,
    phaseId: text(form, "phaseId"),
    courseId: text(form, "courseId"),
    title: text(form, "title"),
    startsAt: text(form, "startsAt"),
    endsAt: text(form, "endsAt"),
    place: text(form, "place"),
    lecturerNo: text(form, "lecturerNo"),
    lecturerName: text(form, "lecturerName"),
    capacity: text(form, "capacity"),
  }),
  run: (viewer, data) => saveSession(viewer, data),
  done: ({ id, programmeId }, data): NavigateState => ({
    ok: true,
    message: data.sessionId ? "培训场次已保存" : "已新增培训场次",
    data: { href: data.sessionId ? undefined : `/hr/programmes/${programmeId}/phases/${data.phaseId}/sessions/${id}` },
  }),
});

export const proposeByGradeAction = programmeAction({
  schema: PhaseIdInput,
  input: (form) => ({ phaseId: text(form, "phaseId") }),
  run: (viewer, data) => proposeByGrade(viewer, data.phaseId),
  done: ({ added }): NavigateState => ({ ok: true, message: added === 0 ? "没有新的符合条件人员，名单未变" : `已按开营日职级加入 ${added} 人` }),
});

export const addParticipantsAction = programmeAction({
  schema: AddParticipantsInput,
  input: (form) => ({ phaseId: text(form, "phaseId"), employeeNos: text(form, "employeeNos"), reason: text(form, "reason") }),
  run: (viewer, data) => addParticipants(viewer, data),
  done: ({ added, skipped }): NavigateState => ({ ok: true, message: `已加入 ${added} 人${skipped ? `，${skipped} 人已在名单中` : ""}` }),
});

export const removeParticipantAction = programmeAction({
  schema: RemoveParticipantInput,
  input: (form) => ({ phaseId: text(form, "phaseId"), userId: text(form, "userId"), reason: text(form, "reason") }),
  run: (viewer, data) => removeParticipant(viewer, data),
  done: (): NavigateState => ({ ok: true, message: "已移出名单，候补人员已按顺序递补" }),
});

export const decideProposalAction = programmeAction({
  schema: DecideProposalInput,
  input: (form) => ({ phaseId: text(form, "phaseId"), userId: text(form, "userId"), decision: text(form, "decision"), reason: text(form, "reason") }),
  run: (viewer, data) => decideProposal(viewer, data),
  done: (_r, data): NavigateState => ({ ok: true, message: data.decision === "APPROVE" ? "已批准并加入名单" : "已不予批准" }),
});

export const proposeFromBranchAction = defineFormAction({
  permission: "programme.propose",
  schema: BranchProposalInput,
  input: (form) => ({ phaseId: text(form, "phaseId"), employeeNo: text(form, "employeeNo"), reason: text(form, "reason") }),
  run: (viewer, data) => proposeFromBranch(viewer, data),
  revalidate: PROGRAMME_PATHS,
  done: ({ name, phaseName }): NavigateState => ({ ok: true, message: `已推荐 ${name} 参加${phaseName}，等待人力资源部审批` }),
});

export const withdrawSeatAction = programmeAction({
  schema: WithdrawSeatInput,
  input: (form) => ({ sessionId: text(form, "sessionId"), userId: text(form, "userId"), reason: text(form, "reason") }),
  run: (viewer, data) => withdrawSeat(viewer, data),
  done: ({ promoted }): NavigateState => ({ ok: true, message: promoted ? "已退出本场，候补第一位已递补" : "已退出本场" }),
});

export const withdrawMySeatAction = defineFormAction({
  permission: "programme.attend",
  schema: MyWithdrawInput,
  input: (form) => ({ sessionId: text(form, "sessionId") }),
  run: (viewer, data) => withdrawSeat(viewer, { sessionId: data.sessionId, userId: viewer.id, reason: "本人申请退出" }),
  revalidate: PROGRAMME_PATHS,
  done: (): NavigateState => ({ ok: true, message: "已退出本场培训" }),
});

export const recordAttendanceAction = programmeAction({
  schema: AttendanceInput,
  input: (form) => ({ sessionId: text(form, "sessionId"), userId: text(form, "userId"), status: text(form, "status") }),
  run: (viewer, data) => recordAttendance(viewer, data),
  done: ({ name }, data): NavigateState => ({ ok: true, message: `${name}：${ATTENDANCE_LABELS[data.status]}` }),
});

export const checkInAction = defineFormAction({
  permission: "programme.checkIn",
  schema: CheckInInput,
  input: (form) => ({ token: text(form, "token") }),
  run: (viewer, data) => checkIn(viewer, data.token),
  revalidate: PROGRAMME_PATHS,
  done: ({ title, already }): NavigateState => ({
    ok: true,
    message: already ? `您的《${title}》出勤已登记，无需重复签到` : `签到成功：《${title}》已记为出席`,
  }),
});
