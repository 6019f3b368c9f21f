import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { versionedCache } from "@/lib/server/cache";
import { previewReview, wholeReview } from "@/lib/server/dal/review/preview";
import { scopeOf } from "@/lib/server/auth/permissions";
import { excludeFromReview, includeAgain, setReviewQuotas } from "@/lib/server/dal/review/draft";
import { commitReview } from "@/lib/server/dal/review/commit";
import { revertReview } from "@/lib/server/dal/review/revert";
import { saveGradeRules } from "@/lib/server/dal/review/rules";
import { closeCycle } from "@/lib/server/dal/competencies/cycles";
import { getBankHeatmap } from "@/lib/server/dal/competencies/results";
import { completionReport } from "@/lib/server/dal/courses/reports";
import { seedCourses } from "../../prisma/seed/courses";
import { currentGrade, type GradeChangeRecord } from "@/lib/domain/grade-history";
import { dateToIso, isoToDate } from "@/lib/domain/dates";
import { DEFAULT_GRADE_RULES } from "@/lib/domain/promotion";
import type { Grade } from "@/lib/domain/grades";
import { createBranch, createUser } from "../factories";
import { certify, hrViewer, quarters, rate } from "../factories/review";
import { answer, createTeam, ensureModel, openTestCycle } from "../factories/competencies";

// The structures behind the fast pages: the current grade kept by triggers, and the caches keyed
// by data versions that triggers bump. One database for this file; each test its own quarters.

const db = () => getDb();

/** What the table says. */
async function stored(userId: string) {
  return db().userCurrentGrade.findUnique({ where: { userId } });
}

/** The rule computed independently from the history by the domain module. */
async function fromHistory(userId: string): Promise<{ exists: boolean; grade: Grade | null }> {
  const rows = await db().gradeChange.findMany({ where: { userId } });
  const records: GradeChangeRecord[] = rows.map((c) => ({
    toGrade: c.toGrade,
    fromGrade: c.fromGrade,
    effectiveDate: dateToIso(c.effectiveDate),
    quarter: c.quarter,
    reason: c.reason,
    createdAt: c.createdAt,
    voided: c.voidedAt !== null,
  }));
  return { exists: rows.some((r) => r.voidedAt === null), grade: currentGrade(records) };
}

async function expectConsistent(userId: string, grade: Grade | null) {
  const row = await stored(userId);
  const expected = await fromHistory(userId);
  expect(expected.grade).toBe(grade);
  expect(row?.grade ?? null).toBe(grade);
  expect(row !== null).toBe(expected.exists);
  const [view] = await db().$queryRaw<{ grade: Grade | null }[]>`SELECT grade FROM "CurrentGrade" WHERE "userId" = ${userId}`;
  expect(view?.grade ?? null).toBe(grade);
}

describe("the current grade kept by PostgreSQL", () => {
  it("follows hiring, a manual change, a promotion, its revert, an exit and a deleted history", async () => {
    const hr = await hrViewer();
    const branch = await createBranch("等级触发器支行");
    const am = await createUser({ branchId: branch.id, grade: "JUNIOR", roleStartDate: "2020-01-01", gradedOn: "2025-01-01", name: "触发器甲" });
    await expectConsistent(am.id, "JUNIOR");
    expect((await stored(am.id))!.lastChangeQuarter).toBe("2025Q1");

    // A manual change written by any code path (here straight to the table).
    await db().gradeChange.create({
      data: { userId: am.id, fromGrade: "JUNIOR", toGrade: "TRAINEE", effectiveDate: isoToDate("2025-06-01"), quarter: "2025Q2", reason: "MANUAL" },
    });
    await expectConsistent(am.id, "TRAINEE");
    // An older effective date recorded later does not win.
    await db().gradeChange.create({
      data: { userId: am.id, fromGrade: null, toGrade: "SENIOR", effectiveDate: isoToDate("2024-01-01"), quarter: "2024Q1", reason: "MANUAL" },
    });
    await expectConsistent(am.id, "TRAINEE");
    await db().gradeChange.create({
      data: { userId: am.id, fromGrade: "TRAINEE", toGrade: "JUNIOR", effectiveDate: isoToDate("2025-09-01"), quarter: "2025Q3", reason: "MANUAL" },
    });
    await expectConsistent(am.id, "JUNIOR");

    // The review commits a promotion; the revert voids it.
    await quarters("LOCKED", "2032Q1", "2032Q2");
    await certify(am.id, "PROBATION", "2020-07-01");
    await rate(am.id, { "2032Q1": "EXCELLENT", "2032Q2": "EXCELLENT" });
    await commitReview(hr, "2032Q2");
    await expectConsistent(am.id, "INTERMEDIATE");
    expect((await stored(am.id))!).toMatchObject({ reason: "PROMOTION", quarter: "2032Q2", lastChangeQuarter: "2032Q2" });
    await revertReview(hr, "2032Q2", "测试撤销");
    await expectConsistent(am.id, "JUNIOR");
    expect((await stored(am.id))!.lastChangeQuarter).toBe("2025Q3");

    // An exit leaves a row without a grade; deleting the whole history removes the row.
    const leaver = await createUser({ branchId: branch.id, grade: "TRAINEE", roleStartDate: "2024-01-01", name: "触发器乙" });
    await db().gradeChange.create({
      data: { userId: leaver.id, fromGrade: "TRAINEE", toGrade: null, effectiveDate: isoToDate("2025-04-01"), quarter: "2025Q1", reason: "EXIT" },
    });
    await expectConsistent(leaver.id, null);
    expect(await stored(leaver.id)).not.toBeNull();
    await db().gradeChange.deleteMany({ where: { userId: leaver.id } });
    expect(await stored(leaver.id)).toBeNull();

    // Voiding by hand (an update) is followed too.
    const voided = await db().gradeChange.findFirstOrThrow({ where: { userId: am.id, quarter: "2025Q3" } });
    await db().gradeChange.update({ where: { id: voided.id }, data: { voidedAt: new Date() } });
    await expectConsistent(am.id, "TRAINEE");
  });

  it("agrees with the history for everyone in the database", async () => {
    const rows = await db().$queryRaw<{ userId: string; grade: Grade | null }[]>`
      SELECT DISTINCT ON (gc."userId") gc."userId", gc."toGrade" AS grade
      FROM "GradeChange" gc WHERE gc."voidedAt" IS NULL
      ORDER BY gc."userId", gc."effectiveDate" DESC, gc."createdAt" DESC`;
    const table = await db().userCurrentGrade.findMany({ select: { userId: true, grade: true } });
    expect(rows.length).toBeGreaterThan(0);
    expect(new Map(table.map((r) => [r.userId, r.grade]))).toEqual(new Map(rows.map((r) => [r.userId, r.grade])));
  });
});

describe("the cached review preview", () => {
  it("serves one computation until a rating, an exclusion, a quota or the rules change, and never a stale one", async () => {
    const hr = await hrViewer();
    await quarters("LOCKED", "2033Q1", "2033Q2");
    const branch = await createBranch("缓存评审支行");
    const am = await createUser({ branchId: branch.id, grade: "JUNIOR", roleStartDate: "2020-01-01", gradedOn: "2025-01-01", name: "缓存甲" });
    await certify(am.id, "PROBATION", "2020-07-01");
    await rate(am.id, { "2033Q1": "EXCELLENT", "2033Q2": "EXCELLENT" });
    const row = async () => (await previewReview(hr, "2033Q2", { branchId: branch.id })).rows.find((r) => r.userId === am.id)!;

    expect(await row()).toMatchObject({ category: "PROMOTE", to: "INTERMEDIATE" });
    // Nothing written: the same computation is served again.
    expect(await wholeReview("2033Q2", scopeOf(hr))).toBe(await wholeReview("2033Q2", scopeOf(hr)));

    // A password change is nothing the review reads; a new name is.
    const beforePassword = await wholeReview("2033Q2", scopeOf(hr));
    await db().user.update({ where: { id: am.id }, data: { passwordHash: "changed" } });
    expect(await wholeReview("2033Q2", scopeOf(hr))).toBe(beforePassword);
    await db().user.update({ where: { id: am.id }, data: { name: "缓存甲（改名）" } });
    expect((await row()).name).toBe("缓存甲（改名）");

    // A rating corrected (by any path: the trigger sits on the table).
    const cached = await wholeReview("2033Q2", scopeOf(hr));
    await db().appraisal.update({ where: { userId_quarter: { userId: am.id, quarter: "2033Q2" } }, data: { rating: "GOOD" } });
    expect(await wholeReview("2033Q2", scopeOf(hr))).not.toBe(cached);
    expect(await row()).toMatchObject({ category: "NONE" });
    await db().appraisal.update({ where: { userId_quarter: { userId: am.id, quarter: "2033Q2" } }, data: { rating: "EXCELLENT" } });
    expect(await row()).toMatchObject({ category: "PROMOTE" });

    // An exclusion and its withdrawal.
    await excludeFromReview(hr, "2033Q2", am.id, "正在调岗");
    expect(await row()).toMatchObject({ category: "EXCLUDED", excludedReason: "正在调岗" });
    await includeAgain(hr, "2033Q2", am.id);
    expect(await row()).toMatchObject({ category: "PROMOTE" });

    // A quota of nobody into 中级.
    await setReviewQuotas(hr, "2033Q2", { INTERMEDIATE: 0 });
    expect(await row()).toMatchObject({ category: "BLOCKED" });
    await setReviewQuotas(hr, "2033Q2", {});
    expect(await row()).toMatchObject({ category: "PROMOTE" });

    // New rules from this quarter on: 中级 needs 20 years in role.
    await saveGradeRules(hr, { effectiveFromQuarter: "2033Q2", rules: { ...DEFAULT_GRADE_RULES, INTERMEDIATE: { minTenureMonths: 240 } } as never });
    expect(await row()).toMatchObject({ category: "BLOCKED", blockedDetails: [expect.stringContaining("任职年限不足")] });

    // And the cached result always equals a fresh computation.
    const before = await previewReview(hr, "2033Q2", { branchId: branch.id });
    versionedCache("review-preview", 2).clear();
    expect(await previewReview(hr, "2033Q2", { branchId: branch.id })).toEqual(before);
  });
});

describe("the cached bank heatmap", () => {
  beforeAll(async () => {
    await ensureModel();
  });

  it("matches a fresh computation after answers, a grade change and the cycle closing", async () => {
    const team = await createTeam(["JUNIOR", "INTERMEDIATE", "SENIOR"]);
    const hr = team.viewers.hr;
    const cycleId = await openTestCycle(hr, [team.branch.id]);
    const [a, b] = team.viewers.am;
    const fresh = async () => {
      versionedCache("bank-heatmap", 4).clear();
      return getBankHeatmap(hr, cycleId);
    };
    const rowOf = (view: Awaited<ReturnType<typeof getBankHeatmap>>) => view!.branches.find((r) => r.branchId === team.branch.id)!;

    expect(rowOf(await getBankHeatmap(hr, cycleId))).toMatchObject({ assessed: 0, pending: { SELF: 3, MANAGER: 3 } });
    await answer(a, cycleId, a.id, "SELF", 2);
    const afterAnswer = await getBankHeatmap(hr, cycleId);
    expect(rowOf(afterAnswer)).toMatchObject({ assessed: 1, pending: { SELF: 2, MANAGER: 3 } });
    expect(afterAnswer).toEqual(await fresh());

    await answer(team.viewers.head, cycleId, b.id, "MANAGER", 4);
    const before = rowOf(await getBankHeatmap(hr, cycleId)).meanGaps;
    // a is promoted: the required levels (and so the gaps) are those of the new grade.
    await db().gradeChange.create({
      data: { userId: a.id, fromGrade: "JUNIOR", toGrade: "PRINCIPAL", effectiveDate: isoToDate("2026-01-01"), quarter: "2026Q1", reason: "MANUAL" },
    });
    const afterPromotion = await getBankHeatmap(hr, cycleId);
    expect(rowOf(afterPromotion).meanGaps).not.toEqual(before);
    expect(afterPromotion).toEqual(await fresh());

    await closeCycle(hr, cycleId);
    const closed = await getBankHeatmap(hr, cycleId);
    expect(closed!.cycle!.status).toBe("CLOSED");
    expect(closed).toEqual(await fresh());
  });
});

describe("the cached course completion report", () => {
  it("follows enrolment changes and equals a fresh computation", async () => {
    if ((await db().course.count()) === 0) await seedCourses(db());
    const hr = await hrViewer();
    const branch = await createBranch("课程缓存支行");
    const am = await createUser({ branchId: branch.id, grade: "JUNIOR", roleStartDate: "2024-01-01", name: "课程缓存甲" });
    const course = await db().course.findFirstOrThrow({ where: { required: true, tier: "FOUNDATION" } });
    const rowOf = async () => (await completionReport(hr, "2026-06-01")).byBranch.find((r) => r.key === branch.id);

    expect(await rowOf()).toBeUndefined();
    const enrolment = await db().enrolment.create({
      data: { userId: am.id, courseId: course.id, status: "ASSIGNED", origin: "REQUIRED", dueDate: isoToDate("2026-05-01") },
    });
    expect(await rowOf()).toMatchObject({ enrolled: 1, assigned: 1, completed: 0, overdue: 1 });
    await db().enrolment.update({
      where: { id: enrolment.id },
      data: { status: "COMPLETED", completedOn: isoToDate("2026-04-01"), hours: course.hours, examScore: 90 },
    });
    expect(await rowOf()).toMatchObject({ enrolled: 1, completed: 1, overdue: 0, rate: 100, examAverage: 90 });
    // A day later the same data is a different report (overdue is counted against the day).
    expect(await completionReport(hr, "2026-06-02")).toEqual(await completionReport(hr, "2026-06-02"));

    const cached = await completionReport(hr, "2026-06-01");
    versionedCache("course-completion-report", 2).clear();
    expect(await completionReport(hr, "2026-06-01")).toEqual(cached);
  });
});
