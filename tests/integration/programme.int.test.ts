import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { isoToDate } from "@/lib/domain/dates";
import type { Viewer } from "@/lib/server/auth/viewer";
import { copyProgramme, createProgramme, getProgrammeYear, listProgrammes } from "@/lib/server/dal/programme/years";
import { advancePhaseStatus, getPhaseDetail, getSessionConflicts, updatePhase } from "@/lib/server/dal/programme/phases";
import { getSessionDetail, saveSession, withdrawSeat } from "@/lib/server/dal/programme/sessions";
import { addParticipants, decideProposal, proposeByGrade, proposeFromBranch, removeParticipant } from "@/lib/server/dal/programme/participants";
import { checkIn, getCheckIn, recordAttendance } from "@/lib/server/dal/programme/attendance";
import { getBranchProgramme, getMyProgramme } from "@/lib/server/dal/programme/people";
import { SessionInput } from "@/lib/schemas/programme";
import { createBranch, createHrAndHeads, createUser, viewerOf } from "../factories";

const db = getDb();
let hr: Viewer;
let head: Viewer;
let otherHead: Viewer;
let branchId: string;
let otherBranchId: string;

async function phaseOf(year: number, kind: "EAGLET_CAMP" | "GOLDEN_EAGLE_CAMP" | "SKILLS_CONTEST" = "EAGLET_CAMP") {
  const { id } = await createProgramme(hr, { year, name: "" });
  const phase = await db.phase.findFirstOrThrow({ where: { programmeId: id, kind } });
  return { programmeId: id, phase };
}

/** A session input as the form sends it (times in Asia/Shanghai). */
function sessionInput(phaseId: string, fields: Partial<Record<string, string>> = {}) {
  return SessionInput.parse({
    phaseId,
    courseId: "",
    title: "测试培训",
    startsAt: "2030-04-10T09:00",
    endsAt: "2030-04-10T12:00",
    place: "总行培训中心",
    lecturerNo: "",
    lecturerName: "外聘讲师甲",
    capacity: "",
    ...fields,
  });
}

async function seatsOf(sessionId: string) {
  const rows = await db.sessionSeat.findMany({ where: { sessionId }, select: { userId: true, status: true } });
  return Object.fromEntries(rows.map((r) => [r.userId, r.status]));
}

beforeAll(async () => {
  const branch = await createBranch("项目支行");
  const other = await createBranch("另一支行");
  branchId = branch.id;
  otherBranchId = other.id;
  ({ hr, head, otherHead } = await createHrAndHeads(branchId, other.id));
});

describe("programme years", () => {
  it("creates a year with the three default phases, refuses the same year twice and copies it one year on without sessions", async () => {
    const { id } = await createProgramme(hr, { year: 2029, name: "" });
    const year = await getProgrammeYear(hr, id);
    expect(year!.name).toBe("2029年对公客户经理素质提升项目");
    expect(year!.phases.map((p) => [p.name, p.startsOn, p.endsOn, p.grades, p.includeAssistants, p.feedsQuarter, p.status])).toEqual([
      ["雏鹰训练营", "2029-04-01", "2029-04-30", ["TRAINEE", "JUNIOR"], true, "2029Q2", "PLANNING"],
      ["金鹰训练营", "2029-07-01", "2029-07-31", ["INTERMEDIATE", "SENIOR", "PRINCIPAL"], false, "2029Q3", "PLANNING"],
      ["业务技能大比拼", "2029-11-01", "2029-11-30", ["TRAINEE", "JUNIOR", "INTERMEDIATE", "SENIOR", "PRINCIPAL"], false, null, "PLANNING"],
    ]);
    await expect(createProgramme(hr, { year: 2029, name: "" })).rejects.toThrow("2029 年度的培训项目已存在");
    await expect(createProgramme(head, { year: 2040, name: "" })).rejects.toThrow("您没有权限");

    const eaglet = year!.phases[0];
    await saveSession(hr, { ...sessionInput(eaglet.id, { startsAt: "2029-04-10T09:00", endsAt: "2029-04-10T12:00" }) });
    const copy = await copyProgramme(hr, id);
    expect(copy.year).toBe(2030);
    const copied = await getProgrammeYear(hr, copy.id);
    expect(copied!.name).toBe("2030年对公客户经理素质提升项目");
    expect(copied!.phases.map((p) => [p.startsOn, p.feedsQuarter, p.sessions.length, p.status])).toEqual([
      ["2030-04-01", "2030Q2", 0, "PLANNING"],
      ["2030-07-01", "2030Q3", 0, "PLANNING"],
      ["2030-11-01", null, 0, "PLANNING"],
    ]);
    await expect(copyProgramme(hr, id)).rejects.toThrow("2030 年度的培训项目已存在");
    expect((await listProgrammes(hr)).map((p) => p.year).slice(0, 2)).toEqual([2030, 2029]);
    expect(await db.auditLog.count({ where: { action: { in: ["PROGRAMME_CREATE", "PROGRAMME_COPY"] } } })).toBeGreaterThanOrEqual(2);
  });

  it("moves a phase forward one step at a time and a closed phase takes no more sessions", async () => {
    const { phase } = await phaseOf(2031, "SKILLS_CONTEST");
    expect(await advancePhaseStatus(hr, phase.id, "PLANNING")).toBe("RUNNING");
    await expect(advancePhaseStatus(hr, phase.id, "PLANNING")).rejects.toThrow("已被他人修改");
    expect(await advancePhaseStatus(hr, phase.id, "RUNNING")).toBe("EVALUATING");
    expect(await advancePhaseStatus(hr, phase.id, "EVALUATING")).toBe("CLOSED");
    await expect(advancePhaseStatus(hr, phase.id, "CLOSED")).rejects.toThrow("已结束");
    await expect(saveSession(hr, sessionInput(phase.id, { startsAt: "2031-11-10T09:00", endsAt: "2031-11-10T12:00" }))).rejects.toThrow("该阶段已结束");
  });
});

describe("participants are proposed by the grade held on the phase's start date", () => {
  it("uses grade history, counts the ungraded as 见习, takes assistants only when included and leaves exited people out", async () => {
    const { programmeId, phase } = await phaseOf(2032);
    // The 2032 雏鹰训练营 for 见习 and 初级, with or without assistants.
    const eaglets = (includeAssistants: boolean) =>
      updatePhase(hr, {
        phaseId: phase.id,
        name: "雏鹰训练营",
        startsOn: "2032-04-01",
        endsOn: "2032-04-30",
        grades: ["TRAINEE", "JUNIOR"],
        includeAssistants,
        goal: null,
        budget: null,
        feedsQuarter: "2032Q2",
      });
    await eaglets(false);
    // Two juniors promoted in 2032Q2: one the day after the phase starts, one on the day itself.
    const promotedOn = async (effectiveDate: string) => {
      const user = await createUser({ branchId, grade: "JUNIOR", gradedOn: "2031-01-01", roleStartDate: "2030-01-01" });
      const change = { fromGrade: "JUNIOR", toGrade: "INTERMEDIATE", effectiveDate: isoToDate(effectiveDate), quarter: "2032Q2", reason: "PROMOTION" } as const;
      await db.gradeChange.create({ data: { userId: user.id, ...change } });
      return user;
    };
    const promotedAfter = await promotedOn("2032-04-02");
    const promotedBefore = await promotedOn("2032-04-01");
    const ungraded = await createUser({ branchId, roleStartDate: "2032-01-01" });
    const assistant = await createUser({ branchId, role: "ASSISTANT", roleStartDate: "2031-01-01" });
    const exited = await createUser({ branchId, grade: "TRAINEE", gradedOn: "2031-06-01" });
    await db.user.update({ where: { id: exited.id }, data: { status: "EXITED", exitedAt: new Date() } });
    const exitedByHistory = await createUser({ branchId, grade: "TRAINEE", gradedOn: "2031-06-01" });
    await db.gradeChange.create({
      data: { userId: exitedByHistory.id, fromGrade: "TRAINEE", toGrade: null, effectiveDate: isoToDate("2032-01-01"), quarter: "2032Q1", reason: "EXIT" },
    });

    const before = await getPhaseDetail(hr, programmeId, phase.id);
    const { added } = await proposeByGrade(hr, phase.id);
    expect(added).toBe(before!.eligibleNotInPhase);
    const enrolled = new Set((await db.phaseParticipant.findMany({ where: { phaseId: phase.id, status: "ENROLLED" } })).map((p) => p.userId));
    expect(enrolled.has(promotedAfter.id)).toBe(true);
    expect(enrolled.has(promotedBefore.id)).toBe(false);
    expect(enrolled.has(ungraded.id)).toBe(true);
    expect(enrolled.has(assistant.id)).toBe(false);
    expect(enrolled.has(exited.id)).toBe(false);
    expect(enrolled.has(exitedByHistory.id)).toBe(false);
    expect(enrolled.has(head.id)).toBe(false);
    const detail = await getPhaseDetail(hr, programmeId, phase.id);
    expect(detail!.participants.find((p) => p.userId === promotedAfter.id)!.gradeOnStart).toBe("JUNIOR");
    expect(detail!.eligibleNotInPhase).toBe(0);

    // Assistants once the phase takes them; proposing again adds only the new ones.
    await eaglets(true);
    const again = await proposeByGrade(hr, phase.id);
    expect(again.added).toBeGreaterThanOrEqual(1);
    expect(await db.phaseParticipant.count({ where: { phaseId: phase.id, userId: assistant.id, status: "ENROLLED" } })).toBe(1);
    expect((await proposeByGrade(hr, phase.id)).added).toBe(0);

    // Someone HR removed is not proposed again.
    await removeParticipant(hr, { phaseId: phase.id, userId: ungraded.id, reason: "长期病假" });
    expect((await proposeByGrade(hr, phase.id)).added).toBe(0);
    expect((await db.phaseParticipant.findUniqueOrThrow({ where: { phaseId_userId: { phaseId: phase.id, userId: ungraded.id } } })).status).toBe("REMOVED");
  });

  it("refuses phase dates that would leave a session outside them", async () => {
    const { phase } = await phaseOf(2033);
    await saveSession(hr, sessionInput(phase.id, { startsAt: "2033-04-20T09:00", endsAt: "2033-04-20T12:00" }));
    await expect(
      updatePhase(hr, {
        phaseId: phase.id,
        name: "雏鹰训练营",
        startsOn: "2033-04-01",
        endsOn: "2033-04-15",
        grades: ["TRAINEE"],
        includeAssistants: false,
        goal: null,
        budget: null,
        feedsQuarter: null,
      }),
    ).rejects.toThrow("不在新的起止日期内");
    expect((await db.phase.findUniqueOrThrow({ where: { id: phase.id } })).endsOn.toISOString().slice(0, 10)).toBe("2033-04-30");
  });
});

describe("sessions, seats and the waiting list", () => {
  it("refuses sessions outside the phase, ending before they start or with a capacity below one, and writes nothing", async () => {
    const { phase } = await phaseOf(2034);
    const count = () => db.trainingSession.count({ where: { phaseId: phase.id } });
    await expect(saveSession(hr, sessionInput(phase.id, { startsAt: "2034-05-02T09:00", endsAt: "2034-05-02T12:00" }))).rejects.toThrow(
      "培训场次必须安排在本阶段的起止日期之内",
    );
    await expect(saveSession(hr, sessionInput(phase.id, { startsAt: "2034-04-30T20:00", endsAt: "2034-05-01T09:00" }))).rejects.toThrow("起止日期之内");
    const backwards = SessionInput.safeParse({
      phaseId: phase.id,
      courseId: "",
      title: "x培训",
      startsAt: "2034-04-10T12:00",
      endsAt: "2034-04-10T09:00",
      place: "总行",
      lecturerNo: "",
      lecturerName: "",
      capacity: "",
    });
    expect(backwards.success).toBe(false);
    expect(backwards.error!.issues.map((i) => i.message)).toContain("结束时间必须晚于开始时间");
    for (const capacity of ["0", "-3", "2.5"]) {
      const bad = SessionInput.safeParse({
        phaseId: phase.id,
        courseId: "",
        title: "x培训",
        startsAt: "2034-04-10T09:00",
        endsAt: "2034-04-10T12:00",
        place: "总行",
        lecturerNo: "",
        lecturerName: "",
        capacity,
      });
      expect(bad.success).toBe(false);
    }
    const noTitle = SessionInput.safeParse({
      phaseId: phase.id,
      courseId: "",
      title: "",
      startsAt: "2034-04-10T09:00",
      endsAt: "2034-04-10T12:00",
      place: "总行",
      lecturerNo: "",
      lecturerName: "",
      capacity: "",
    });
    expect(noTitle.error!.issues.map((i) => i.message)).toContain("请选择课程或填写培训名称");
    await expect(
      saveSession(hr, sessionInput(phase.id, { startsAt: "2034-04-10T09:00", endsAt: "2034-04-10T12:00", lecturerName: "", lecturerNo: "不存在的人" })),
    ).rejects.toThrow("找不到该内部讲师");
    expect(await count()).toBe(0);
  });

  it("seats people up to the capacity, waits the rest in order and moves the list up on withdrawal and removal", async () => {
    const { programmeId, phase } = await phaseOf(2035);
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await createUser({ branchId, grade: "TRAINEE", gradedOn: "2034-01-01" }));
    const { id: sessionId } = await saveSession(hr, sessionInput(phase.id, { startsAt: "2035-04-10T09:00", endsAt: "2035-04-10T12:00", capacity: "2" }));
    await addParticipants(hr, { phaseId: phase.id, employeeNos: people.slice(0, 4).map((p) => p.employeeNo), reason: null });
    expect(await seatsOf(sessionId)).toEqual({
      [people[0].id]: "ENROLLED",
      [people[1].id]: "ENROLLED",
      [people[2].id]: "WAITLISTED",
      [people[3].id]: "WAITLISTED",
    });
    let detail = await getSessionDetail(hr, programmeId, phase.id, sessionId);
    expect(detail!.seats.filter((s) => s.status === "WAITLISTED").map((s) => [s.userId, s.waitingPosition])).toEqual([
      [people[2].id, 1],
      [people[3].id, 2],
    ]);
    // The participant gives up their seat before the start: the longest waiting moves up.
    const { promoted } = await withdrawSeat(
      viewerOf(people[0]),
      { sessionId, userId: people[0].id, reason: "本人申请退出" },
      new Date("2035-04-01T00:00:00+08:00"),
    );
    expect(promoted).toBe(1);
    expect(await seatsOf(sessionId)).toMatchObject({ [people[0].id]: "WITHDRAWN", [people[2].id]: "ENROLLED", [people[3].id]: "WAITLISTED" });
    // Nobody withdraws someone else, and not after the start.
    await expect(withdrawSeat(viewerOf(people[1]), { sessionId, userId: people[2].id, reason: "x" })).rejects.toThrow("您没有权限");
    await expect(withdrawSeat(viewerOf(people[1]), { sessionId, userId: people[1].id, reason: "x" }, new Date("2035-04-10T09:30:00+08:00"))).rejects.toThrow(
      "培训已开始",
    );
    // HR removes a participant from the phase: their seat frees up for the next in line.
    await removeParticipant(hr, { phaseId: phase.id, userId: people[1].id, reason: "调岗" });
    expect(await seatsOf(sessionId)).toMatchObject({ [people[1].id]: "WITHDRAWN", [people[3].id]: "ENROLLED" });
    // A later joiner waits; a larger capacity seats them.
    await addParticipants(hr, { phaseId: phase.id, employeeNos: [people[4].employeeNo], reason: "补报" });
    expect((await seatsOf(sessionId))[people[4].id]).toBe("WAITLISTED");
    await expect(
      saveSession(hr, { ...sessionInput(phase.id, { startsAt: "2035-04-10T09:00", endsAt: "2035-04-10T12:00", capacity: "1" }), sessionId }),
    ).rejects.toThrow("容量不能小于 2");
    await saveSession(hr, { ...sessionInput(phase.id, { startsAt: "2035-04-10T09:00", endsAt: "2035-04-10T12:00", capacity: "3" }), sessionId });
    expect((await seatsOf(sessionId))[people[4].id]).toBe("ENROLLED");
    detail = await getSessionDetail(hr, programmeId, phase.id, sessionId);
    expect([detail!.session.enrolled, detail!.session.waiting]).toEqual([3, 0]);
    expect(await db.auditLog.count({ where: { action: "SEAT_PROMOTE", entityId: { startsWith: sessionId } } })).toBe(3);
    // A new session seats the enrolled participants in the order they joined.
    const second = await saveSession(hr, sessionInput(phase.id, { startsAt: "2035-04-11T09:00", endsAt: "2035-04-11T12:00", capacity: "2" }));
    const seats = await seatsOf(second.id);
    // people[0] gave up one session's seat but is still in the phase.
    expect(seats).toEqual({ [people[0].id]: "ENROLLED", [people[2].id]: "ENROLLED", [people[3].id]: "WAITLISTED", [people[4].id]: "WAITLISTED" });
  });

  it("flags sessions that overlap and share a lecturer or a participant", async () => {
    const { programmeId, phase } = await phaseOf(2036);
    const am = await createUser({ branchId, grade: "TRAINEE", gradedOn: "2035-01-01" });
    await addParticipants(hr, { phaseId: phase.id, employeeNos: [am.employeeNo], reason: null });
    await saveSession(hr, sessionInput(phase.id, { title: "甲", startsAt: "2036-04-10T09:00", endsAt: "2036-04-10T12:00", lecturerName: "王老师" }));
    await saveSession(hr, sessionInput(phase.id, { title: "乙", startsAt: "2036-04-10T11:00", endsAt: "2036-04-10T13:00", lecturerName: "李老师" }));
    await saveSession(hr, sessionInput(phase.id, { title: "丙", startsAt: "2036-04-10T12:00", endsAt: "2036-04-10T14:00", lecturerName: "王老师" }));
    const detail = await getPhaseDetail(hr, programmeId, phase.id);
    expect(detail!.conflicts.map((c) => [c.a.title, c.b.title].sort().join("")).sort()).toEqual(["丙乙", "乙甲"]);
    expect(detail!.conflicts.every((c) => c.reason.includes("1 名学员同时在两场"))).toBe(true);
    const middle = detail!.phase.sessions.find((x) => x.title === "乙")!;
    const first = detail!.phase.sessions.find((x) => x.title === "甲")!;
    expect((await getSessionConflicts(hr, phase.id, middle.id)).length).toBe(2);
    expect((await getSessionConflicts(hr, phase.id, first.id)).map((c) => [c.a.title, c.b.title].sort().join(""))).toEqual(["乙甲"]);

    // A lecturer alone makes a conflict too, also with a session of another phase at the same time.
    const golden = await db.phase.findFirstOrThrow({ where: { programmeId, kind: "GOLDEN_EAGLE_CAMP" } });
    await updatePhase(hr, {
      phaseId: golden.id,
      name: "金鹰训练营",
      startsOn: "2036-04-01",
      endsOn: "2036-04-30",
      grades: ["SENIOR"],
      includeAssistants: false,
      goal: null,
      budget: null,
      feedsQuarter: null,
    });
    await saveSession(hr, sessionInput(golden.id, { title: "丁", startsAt: "2036-04-10T12:30", endsAt: "2036-04-10T13:30", lecturerName: "李老师" }));
    const withGolden = await getPhaseDetail(hr, programmeId, phase.id);
    const pair = withGolden!.conflicts.find((c) => [c.a.title, c.b.title].sort().join("") === "丁乙")!;
    expect(pair.reason).toBe("同一讲师（李老师）");
    expect([pair.a, pair.b].find((x) => x.title === "丁")!.phaseName).toBe("2036年金鹰训练营");
    expect(withGolden!.conflicts).toHaveLength(3);
  });
});

describe("attendance and self check-in", () => {
  let sessionId: string;
  let token: string;
  let seated: Viewer;
  let waiting: Viewer;
  let outsider: Viewer;
  const at = (time: string) => new Date(`2037-04-10T${time}:00+08:00`);

  beforeAll(async () => {
    const { phase } = await phaseOf(2037);
    const a = await createUser({ branchId, grade: "TRAINEE", gradedOn: "2036-01-01" });
    const b = await createUser({ branchId, grade: "TRAINEE", gradedOn: "2036-01-01" });
    const c = await createUser({ branchId, grade: "SENIOR", gradedOn: "2036-01-01" });
    ({ id: sessionId } = await saveSession(hr, sessionInput(phase.id, { startsAt: "2037-04-10T09:00", endsAt: "2037-04-10T12:00", capacity: "1" })));
    await addParticipants(hr, { phaseId: phase.id, employeeNos: [a.employeeNo, b.employeeNo], reason: null });
    token = (await db.trainingSession.findUniqueOrThrow({ where: { id: sessionId } })).checkInToken;
    [seated, waiting, outsider] = [viewerOf(a), viewerOf(b), viewerOf(c)];
  });

  it("marks a seated participant present only while check-in is open, once", async () => {
    await expect(checkIn(seated, token, at("08:29"))).rejects.toThrow("未到签到时间");
    expect((await getCheckIn(seated, token, at("08:29")))!.state).toBe("NOT_YET");
    await expect(checkIn(seated, token, at("12:00"))).rejects.toThrow("签到已结束");
    expect(await db.attendance.count({ where: { sessionId } })).toBe(0);

    expect(await checkIn(seated, token, at("08:30"))).toEqual({ title: "测试培训", already: false });
    const row = await db.attendance.findUniqueOrThrow({ where: { sessionId_userId: { sessionId, userId: seated.id } } });
    expect([row.status, row.source]).toEqual(["PRESENT", "SELF_CHECK_IN"]);
    expect(await checkIn(seated, token, at("09:10"))).toEqual({ title: "测试培训", already: true });
    expect((await getCheckIn(seated, token, at("09:10")))!.state).toBe("DONE");
  });

  it("refuses people without a seat (waiting, not listed, HR) and unknown links", async () => {
    await expect(checkIn(waiting, token, at("09:00"))).rejects.toThrow("您不在本场培训名单中");
    await expect(checkIn(outsider, token, at("09:00"))).rejects.toThrow("您不在本场培训名单中");
    await expect(checkIn(hr, token, at("09:00"))).rejects.toThrow("您不在本场培训名单中");
    await expect(checkIn(seated, "no-such-token", at("09:00"))).rejects.toThrow("签到链接无效");
    expect(await db.attendance.count({ where: { sessionId } })).toBe(1);
  });

  it("records roster attendance for seated people only, and keeps it when they check in afterwards", async () => {
    await expect(recordAttendance(hr, { sessionId, userId: waiting.id, status: "PRESENT" })).rejects.toThrow("不在本场培训名单中");
    await expect(recordAttendance(hr, { sessionId, userId: outsider.id, status: "ABSENT" })).rejects.toThrow("不在本场培训名单中");
    await expect(recordAttendance(head, { sessionId, userId: seated.id, status: "LATE" })).rejects.toThrow("您没有权限");
    await recordAttendance(hr, { sessionId, userId: seated.id, status: "LATE" });
    expect((await checkIn(seated, token, at("09:20"))).already).toBe(true);
    const row = await db.attendance.findUniqueOrThrow({ where: { sessionId_userId: { sessionId, userId: seated.id } } });
    expect([row.status, row.source]).toEqual(["LATE", "ROSTER"]);
    expect(await db.auditLog.count({ where: { action: { in: ["CHECK_IN", "ATTENDANCE"] }, entityId: `${sessionId}:${seated.id}` } })).toBe(2);
  });

  it("shows the participant their seat, waiting position and attendance", async () => {
    const mine = await getMyProgramme(seated, at("07:00"));
    const s = mine.find((p) => p.sessions.some((x) => x.id === sessionId))!.sessions.find((x) => x.id === sessionId)!;
    expect([s.seat, s.attendance, s.upcoming]).toEqual(["ENROLLED", "LATE", true]);
    const theirs = await getMyProgramme(waiting, at("07:00"));
    const w = theirs.flatMap((p) => p.sessions).find((x) => x.id === sessionId)!;
    expect([w.seat, w.waitingPosition]).toEqual(["WAITLISTED", 1]);
  });
});

describe("branch heads propose their own people", () => {
  it("proposes an own-branch person, refuses others, and HR approves or declines", async () => {
    const { phase } = await phaseOf(2038, "GOLDEN_EAGLE_CAMP");
    await saveSession(hr, sessionInput(phase.id, { startsAt: "2038-07-10T09:00", endsAt: "2038-07-10T12:00" }));
    const mine = await createUser({ branchId, grade: "JUNIOR", gradedOn: "2037-01-01" });
    const mine2 = await createUser({ branchId, grade: "JUNIOR", gradedOn: "2037-01-01" });
    const theirs = await createUser({ branchId: otherBranchId, grade: "JUNIOR", gradedOn: "2037-01-01" });
    await expect(proposeFromBranch(head, { phaseId: phase.id, employeeNo: theirs.employeeNo, reason: "业绩突出" })).rejects.toThrow("不是本支行");
    await expect(proposeFromBranch(hr, { phaseId: phase.id, employeeNo: mine.employeeNo, reason: "业绩突出" })).rejects.toThrow("您没有权限");
    await proposeFromBranch(head, { phaseId: phase.id, employeeNo: mine.employeeNo, reason: "业绩突出" });
    await proposeFromBranch(head, { phaseId: phase.id, employeeNo: mine2.employeeNo, reason: "需要提升" });
    await expect(proposeFromBranch(head, { phaseId: phase.id, employeeNo: mine.employeeNo, reason: "再推荐" })).rejects.toThrow("等待人力资源部审批");
    expect(await db.sessionSeat.count({ where: { userId: mine.id } })).toBe(0);

    await expect(decideProposal(hr, { phaseId: phase.id, userId: mine2.id, decision: "DECLINE", reason: null })).rejects.toThrow("请填写原因");
    await decideProposal(hr, { phaseId: phase.id, userId: mine.id, decision: "APPROVE", reason: null });
    await decideProposal(hr, { phaseId: phase.id, userId: mine2.id, decision: "DECLINE", reason: "职级不符" });
    expect(await db.sessionSeat.count({ where: { userId: mine.id, status: "ENROLLED" } })).toBe(1);
    expect((await db.phaseParticipant.findUniqueOrThrow({ where: { phaseId_userId: { phaseId: phase.id, userId: mine2.id } } })).status).toBe("REMOVED");

    const view = await getBranchProgramme(head);
    const p = view.phases.find((x) => x.phaseId === phase.id)!;
    expect(p.people.map((x) => [x.employeeNo, x.status]).sort()).toEqual(
      [
        [mine.employeeNo, "ENROLLED"],
        [mine2.employeeNo, "REMOVED"],
      ].sort(),
    );
    expect(p.people.find((x) => x.userId === mine.id)!.sessions).toHaveLength(1);
    expect((await getBranchProgramme(otherHead)).phases.find((x) => x.phaseId === phase.id)).toBeUndefined();
  });
});
