import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { getDb } from "@/lib/server/db";
import type { Viewer } from "@/lib/server/auth/viewer";
import { createContest, lockEvent, saveEvent, syncEntrants, withdrawEntrant } from "@/lib/server/dal/contest/setup";
import { saveTeam } from "@/lib/server/dal/contest/teams";
import { addJudge } from "@/lib/server/dal/contest/judges";
import { correctScore, judgeSheet, saveDirectScores, submitJudgeScore } from "@/lib/server/dal/contest/scores";
import { importScores } from "@/lib/server/dal/contest/import";
import { contestResults } from "@/lib/server/dal/contest/results";
import { grantAward, honoursForQuarter, priorityMarks } from "@/lib/server/dal/contest/awards";
import { rankingsWorkbook } from "@/lib/server/dal/contest/export";
import { previewReview } from "@/lib/server/dal/review/preview";
import { setReviewQuotas } from "@/lib/server/dal/review/draft";
import { readUpload } from "@/lib/server/import";
import { createBranch, createUser, viewerOf } from "../factories";
import { certify, quarters, rate } from "../factories/review";

// One database for this file; the contest is the 2030 one (award quarter 2030Q4, priority 2031Q1–Q4).
const db = getDb();
let hr: Viewer;
let phaseId: string;
let branchA: string;
let branchB: string;
let headA: Viewer;
let headB: Viewer;
const people: Record<string, { id: string; name: string }> = {};
const entrantOf = async (userId: string) => (await db.contestEntrant.findFirstOrThrow({ where: { phaseId, userId }, select: { id: true } })).id;
const eventOf = async (kind: "KNOWLEDGE_TEST" | "OPERATIONS" | "PITCH" | "TEAM_PROPOSAL") =>
  (await db.contestEvent.findFirstOrThrow({ where: { phaseId, kind }, select: { id: true } })).id;

async function csv(lines: string[]) {
  return readUpload(Buffer.from(lines.join("\n"), "utf8"), "scores.csv");
}

beforeAll(async () => {
  const head = await createBranch("总行");
  hr = viewerOf(await createUser({ role: "HR", branchId: head.id }));
  branchA = (await createBranch("甲支行")).id;
  branchB = (await createBranch("乙支行")).id;
  headA = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: branchA, name: "甲支行长" }));
  headB = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: branchB, name: "乙支行长" }));
  for (let i = 1; i <= 8; i++) {
    people[`a${i}`] = await createUser({ branchId: branchA, grade: "JUNIOR", roleStartDate: "2020-01-01", gradedOn: "2025-01-01", name: `甲${i}` });
    people[`b${i}`] = await createUser({ branchId: branchB, grade: "JUNIOR", roleStartDate: "2020-01-01", gradedOn: "2025-01-01", name: `乙${i}` });
  }
  // Exited before the contest: not an entrant.
  const gone = await createUser({ branchId: branchA, grade: "SENIOR", roleStartDate: "2018-01-01", name: "已离岗" });
  await db.user.update({ where: { id: gone.id }, data: { status: "EXITED" } });
  people.gone = gone;
  phaseId = (await createContest(hr, { year: 2030, startsOn: "2030-11-01", endsOn: "2030-11-30" })).id;
});

describe("set-up", () => {
  it("creates the programme year, the contest phase, four events and the eligible entrants", async () => {
    const phase = await db.phase.findUniqueOrThrow({
      where: { id: phaseId },
      select: { kind: true, programme: { select: { year: true } }, contestEvents: { select: { kind: true } } },
    });
    expect(phase.kind).toBe("SKILLS_CONTEST");
    expect(phase.programme.year).toBe(2030);
    expect(phase.contestEvents.map((e) => e.kind).sort()).toEqual(["KNOWLEDGE_TEST", "OPERATIONS", "PITCH", "TEAM_PROPOSAL"]);
    const entrants = await db.contestEntrant.findMany({ where: { phaseId }, select: { userId: true } });
    expect(entrants).toHaveLength(16);
    expect(entrants.map((e) => e.userId)).not.toContain(people.gone.id);
    expect(entrants.map((e) => e.userId)).not.toContain(headA.id);
    await expect(createContest(hr, { year: 2030, startsOn: "2030-11-01", endsOn: "2030-11-30" })).rejects.toThrow("2030年已有业务技能大比拼");
    await expect(createContest(headA, { year: 2031, startsOn: "2031-11-01", endsOn: "2031-11-30" })).rejects.toThrow("没有权限");
    expect(await syncEntrants(hr, phaseId)).toBe(0);
    expect(await db.auditLog.count({ where: { action: "CONTEST_CREATE", entityId: phaseId } })).toBe(1);
  });

  it("refuses a maximum below a recorded score", async () => {
    const test = await eventOf("OPERATIONS");
    await saveDirectScores(hr, { eventId: test, rows: [{ entrantId: await entrantOf(people.a8.id), score: 45 }] });
    await expect(saveEvent(hr, { eventId: test, heldOn: "2030-11-12", maxScore: 40, weight: 20 })).rejects.toThrow("满分不能低于它");
    await saveEvent(hr, { eventId: test, heldOn: "2030-11-12", maxScore: 50, weight: 20 });
    expect(Number((await db.contestEvent.findUniqueOrThrow({ where: { id: test } })).maxScore)).toBe(50);
  });
});

describe("judges without conflicts of interest", () => {
  it("never offers, and always refuses, an entrant of the judge's own branch", async () => {
    const pitch = await eventOf("PITCH");
    await addJudge(hr, { eventId: pitch, employeeNo: (await db.user.findUniqueOrThrow({ where: { id: headA.id } })).employeeNo });
    await addJudge(hr, { eventId: pitch, externalName: "外部专家王老师" });
    await expect(addJudge(hr, { eventId: pitch, externalName: "外部专家王老师" })).rejects.toThrow("已在本项目的评委名单中");

    const sheet = (await judgeSheet(headA, pitch))!;
    expect(sheet.targets.map((t) => t.name).sort()).toEqual(["乙1", "乙2", "乙3", "乙4", "乙5", "乙6", "乙7", "乙8"]);
    expect(sheet.ownBranchLeftOut).toBe(8);

    const own = await entrantOf(people.a1.id);
    await expect(submitJudgeScore(headA, { eventId: pitch, targetId: own, score: 90 })).rejects.toThrow("评委不能为本支行的参赛人员评分");
    expect(await db.contestScore.count({ where: { entrantId: own } })).toBe(0);

    const other = await entrantOf(people.b1.id);
    await expect(submitJudgeScore(headA, { eventId: pitch, targetId: other, score: 101 })).rejects.toThrow("分数不能超过满分 100");
    await expect(submitJudgeScore(headA, { eventId: pitch, targetId: other, score: -1 })).rejects.toThrow("分数不能为负数");
    await submitJudgeScore(headA, { eventId: pitch, targetId: other, score: 88 });
    await expect(submitJudgeScore(headA, { eventId: pitch, targetId: other, score: 70 })).rejects.toThrow("不能重复评分");
    expect((await db.contestScore.findMany({ where: { entrantId: other } })).map((s) => Number(s.score))).toEqual([88]);

    // Not a judge of this event: refused; nor of the written test (no judges there).
    await expect(submitJudgeScore(headB, { eventId: pitch, targetId: own, score: 80 })).rejects.toThrow("您不是该项目的评委");
    expect(await judgeSheet(headB, pitch)).toBeNull();
    const external = await db.contestJudge.findFirstOrThrow({ where: { eventId: pitch, externalName: { not: null } } });
    // HR enters an external judge's score (no branch: no conflict).
    await submitJudgeScore(hr, { eventId: pitch, judgeId: external.id, targetId: own, score: 92.5 });
    // The database itself refuses a second score of one judge for one entrant.
    await expect(db.contestScore.create({ data: { eventId: pitch, judgeId: external.id, entrantId: own, score: 1 } })).rejects.toThrow();
    expect(await db.auditLog.count({ where: { action: "CONTEST_SCORE" } })).toBeGreaterThanOrEqual(2);
  });

  it("refuses a team of the judge's own branch too", async () => {
    const teamEvent = await eventOf("TEAM_PROPOSAL");
    const ids = await Promise.all(["a1", "a2", "a3"].map((k) => entrantOf(people[k].id)));
    const team = await saveTeam(headA, { phaseId, name: "甲队", entrantIds: ids });
    await addJudge(hr, { eventId: teamEvent, employeeNo: (await db.user.findUniqueOrThrow({ where: { id: headA.id } })).employeeNo });
    await expect(submitJudgeScore(headA, { eventId: teamEvent, targetId: team.id, score: 80 })).rejects.toThrow("评委不能为本支行的团队评分");
    expect((await judgeSheet(headA, teamEvent))!.targets.find((t) => t.id === team.id)).toBeUndefined();
  });
});

describe("teams", () => {
  it("takes 3–6 entrants of one branch, each in at most one team", async () => {
    const b = await Promise.all(["b1", "b2", "b3", "b4", "b5", "b6", "b7"].map((k) => entrantOf(people[k].id)));
    await expect(saveTeam(headB, { phaseId, name: "两人队", entrantIds: b.slice(0, 2) })).rejects.toThrow("每支团队需要 3–6 名成员（当前 2 名）");
    await expect(saveTeam(headB, { phaseId, name: "七人队", entrantIds: b })).rejects.toThrow("当前 7 名");
    await expect(saveTeam(headA, { phaseId, name: "越权队", entrantIds: b.slice(0, 3) })).rejects.toThrow("只能为本支行的参赛人员组队");
    const mixed = [b[0], b[1], await entrantOf(people.a5.id)];
    await expect(saveTeam(hr, { phaseId, name: "混合队", entrantIds: mixed })).rejects.toThrow("团队成员必须来自同一支行");
    await saveTeam(headB, { phaseId, name: "乙队", entrantIds: b.slice(0, 4) });
    await expect(saveTeam(hr, { phaseId, name: "乙二队", entrantIds: [b[3], b[4], b[5]] })).rejects.toThrow("乙4已在团队「乙队」中");
    expect(await db.contestTeam.count({ where: { phaseId, name: "乙二队" } })).toBe(0);
    // The unique index holds even if the check were skipped.
    const t2 = await db.contestTeam.create({ data: { phaseId, branchId: branchB, name: "直接写入队" } });
    await expect(db.contestTeamMember.create({ data: { teamId: t2.id, entrantId: b[0], phaseId } })).rejects.toThrow();
    // A withdrawn entrant cannot join; a team member cannot be withdrawn before leaving the team.
    await withdrawEntrant(hr, b[6], "外派学习，无法参赛");
    await expect(saveTeam(headB, { phaseId, name: "乙三队", entrantIds: [b[4], b[5], b[6]] })).rejects.toThrow("乙7已退赛");
    await expect(withdrawEntrant(hr, b[0], "因病")).rejects.toThrow("请先调整该团队的成员");
  });
});

describe("locking", () => {
  it("after the lock only HR corrects, with a reason, audited before and after", async () => {
    const pitch = await eventOf("PITCH");
    const target = await entrantOf(people.b2.id);
    await lockEvent(hr, pitch);
    await expect(lockEvent(hr, pitch)).rejects.toThrow("该项目已经锁定");
    await expect(submitJudgeScore(headA, { eventId: pitch, targetId: target, score: 80 })).rejects.toThrow("该项目已锁定");
    expect(await db.contestScore.count({ where: { entrantId: target } })).toBe(0);

    const score = await db.contestScore.findFirstOrThrow({ where: { eventId: pitch, entrant: { userId: people.b1.id } } });
    await expect(correctScore(hr, { scoreId: score.id, score: 86, reason: "" })).rejects.toThrow("请填写更正原因");
    await expect(correctScore(headA, { scoreId: score.id, score: 86, reason: "录入错误" })).rejects.toThrow("没有权限");
    await correctScore(hr, { scoreId: score.id, score: 86, reason: "评委签字单为 86 分" });
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "CONTEST_SCORE_CORRECT", entityId: score.id } });
    expect(log.before).toEqual({ score: 88 });
    expect(log.after).toMatchObject({ score: 86, locked: true });
    expect(log.note).toBe("评委签字单为 86 分");

    const written = await eventOf("KNOWLEDGE_TEST");
    await lockEvent(hr, written);
    const a4 = await entrantOf(people.a4.id);
    await expect(saveDirectScores(hr, { eventId: written, rows: [{ entrantId: a4, score: 70 }] })).rejects.toThrow("更正成绩须填写原因");
    await saveDirectScores(hr, { eventId: written, rows: [{ entrantId: a4, score: 70 }], reason: "补考成绩" });
    const importAfterLock = await importScores(
      hr,
      written,
      await csv(["工号,分数", `${(await db.user.findUniqueOrThrow({ where: { id: people.a5.id } })).employeeNo},80`]),
      { dryRun: true },
    );
    expect(importAfterLock.problems[0].problem).toContain("已锁定，不能导入");
  });
});

describe("import of scores", () => {
  it("lists every bad row on a dry run and writes nothing until the file is clean", async () => {
    const event = await eventOf("OPERATIONS");
    const no = async (k: string) => (await db.user.findUniqueOrThrow({ where: { id: people[k].id } })).employeeNo;
    const bad = await csv([
      "工号,分数",
      `${await no("a1")},45`,
      `${await no("a2")},51`,
      "999999,40",
      `${await no("a1")},30`,
      `${await no("b7")},20`,
      `${await no("a3")},abc`,
      `${await no("a4")},-2`,
    ]);
    const report = await importScores(hr, event, bad, { dryRun: true });
    expect(report.problems).toEqual([
      { line: 3, problem: "分数不能超过满分 50" },
      { line: 4, problem: "工号 999999 不是本次比赛的参赛人员" },
      { line: 5, problem: "与第 2 行重复（同一工号）" },
      { line: 6, problem: `工号 ${await no("b7")} 已退赛` },
      { line: 7, problem: "分数必须是数字" },
      { line: 8, problem: "分数不能为负数" },
    ]);
    const written = await importScores(hr, event, bad, { dryRun: false });
    expect(written.problems).toHaveLength(6);
    expect(await db.contestScore.count({ where: { eventId: event, entrant: { userId: people.a1.id } } })).toBe(0);

    const clean = await csv(["工号,分数", `${await no("a1")},45`, `${await no("a2")},40.5`, `${await no("b1")},30`]);
    expect((await importScores(hr, event, clean, { dryRun: true })).problems).toEqual([]);
    expect(await db.contestScore.count({ where: { eventId: event, entrant: { userId: people.a1.id } } })).toBe(0);
    expect((await importScores(hr, event, clean, { dryRun: false })).problems).toEqual([]);
    const scores = await db.contestScore.findMany({
      where: { eventId: event, judgeId: null },
      select: { score: true, entrant: { select: { user: { select: { name: true } } } } },
    });
    expect(Object.fromEntries(scores.map((s) => [s.entrant!.user.name, Number(s.score)]))).toMatchObject({ 甲1: 45, 甲2: 40.5, 乙1: 30 });
  });
});

describe("rankings", () => {
  it("drops the extremes with five judges, shares team scores, and ranks with ties", async () => {
    const teamEvent = await eventOf("TEAM_PROPOSAL");
    const judges = [];
    for (const name of ["评委一", "评委二", "评委三", "评委四", "评委五"]) {
      await addJudge(hr, { eventId: teamEvent, externalName: name });
      judges.push((await db.contestJudge.findFirstOrThrow({ where: { eventId: teamEvent, externalName: name } })).id);
    }
    const teamB = await db.contestTeam.findFirstOrThrow({ where: { phaseId, name: "乙队" } });
    const teamA = await db.contestTeam.findFirstOrThrow({ where: { phaseId, name: "甲队" } });
    const scoresB = [60, 80, 82, 84, 100]; // trimmed mean 82
    const scoresA = [70, 80, 90, 90, 95]; // trimmed mean 86.67
    for (let i = 0; i < 5; i++) {
      await submitJudgeScore(hr, { eventId: teamEvent, judgeId: judges[i], targetId: teamB.id, score: scoresB[i] });
      await submitJudgeScore(hr, { eventId: teamEvent, judgeId: judges[i], targetId: teamA.id, score: scoresA[i] });
    }
    const results = (await contestResults(phaseId))!;
    expect(results.rankings.TEAM.map((r) => [r.name, r.total, r.rank])).toEqual([
      ["甲队", 86.67, 1],
      ["乙队", 82, 2],
    ]);
    const overall = new Map(results.rankings.OVERALL.map((r) => [r.name, r]));
    // Members share the team score; withdrawn entrants are left out.
    expect(overall.get("甲2")!.scores.TEAM_PROPOSAL).toBe(86.67);
    expect(overall.has("乙7")).toBe(false);
    const ranks = results.rankings.OVERALL.map((r) => r.rank);
    expect(ranks[0]).toBe(1);
    // Everyone with no score at all ties at 0 and shares one rank.
    const zeros = results.rankings.OVERALL.filter((r) => r.total === 0);
    expect(new Set(zeros.map((r) => r.rank)).size).toBe(1);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await rankingsWorkbook(results)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["个人综合", "业务基础知识", "业务操作技能", "个人营销技能展示", "团队排名"]);
    expect(book.getWorksheet("团队排名")!.getRow(3).getCell(2).value).toBe("甲队");
  });
});

describe("awards give promotion priority", () => {
  it("an award holder (or awarded team member) ranks first under a quota in the next four quarters' reviews", async () => {
    // Two 初级 with 优秀 in 2031Q1 and 2031Q2; b5 has the higher score, a5 holds the 2030 award.
    await quarters("LOCKED", "2031Q1", "2031Q2");
    for (const [k, score] of [
      ["a5", 100],
      ["b5", 120],
    ] as const) {
      await certify(people[k].id, "PROBATION", "2020-07-01");
      await rate(people[k].id, { "2031Q1": "EXCELLENT", "2031Q2": "EXCELLENT" }, { "2031Q2": score });
    }
    const a5 = await entrantOf(people.a5.id);
    await expect(grantAward(hr, { phaseId, kind: "FIRST_PRIZE", ranking: null, holderId: a5 })).rejects.toThrow("请选择该奖项所属的排名");
    await expect(grantAward(hr, { phaseId, kind: "ELITE_TEAM", ranking: null, holderId: a5 })).rejects.toThrow("请选择本次比赛的团队");
    await grantAward(hr, { phaseId, kind: "FIRST_PRIZE", ranking: "OVERALL", holderId: a5 });
    await expect(grantAward(hr, { phaseId, kind: "FIRST_PRIZE", ranking: "OVERALL", holderId: a5 })).rejects.toThrow("已获得该奖项");
    const teamA = await db.contestTeam.findFirstOrThrow({ where: { phaseId, name: "甲队" } });
    await grantAward(hr, { phaseId, kind: "EXCELLENT_TEAM", ranking: null, holderId: teamA.id });
    expect(await db.auditLog.count({ where: { action: "CONTEST_AWARD" } })).toBe(2);

    const honours = await honoursForQuarter(db, "2031Q2");
    expect(honours.get(people.a5.id)).toBe(1);
    expect(honours.get(people.a1.id)).toBe(1); // member of the awarded team
    expect(honours.has(people.b5.id)).toBe(false);
    expect((await honoursForQuarter(db, "2030Q4")).size).toBe(0); // the award's own quarter
    expect((await honoursForQuarter(db, "2032Q1")).size).toBe(0); // the fifth quarter after

    await setReviewQuotas(hr, "2031Q2", { INTERMEDIATE: 1 });
    const preview = await previewReview(hr, "2031Q2", { pageSize: 200 });
    const row = (userId: string) => preview.rows.find((r) => r.userId === userId)!;
    expect(row(people.a5.id)).toMatchObject({ rank: 1, category: "PROMOTE", honours: 1 });
    expect(row(people.b5.id)).toMatchObject({ rank: 2, category: "BLOCKED", honours: 0 });

    const marks = await priorityMarks([people.a5.id, people.a2.id, people.b5.id], "2031-05-01");
    expect(marks.get(people.a5.id)).toEqual([
      { awardLabel: "个人综合排名一等奖", contestName: "2030年业务技能大比拼", from: "2031Q1", to: "2031Q4", active: true },
    ]);
    expect(marks.get(people.a2.id)![0].awardLabel).toBe("优秀团队（团队「甲队」）");
    expect(marks.has(people.b5.id)).toBe(false);
  });
});
