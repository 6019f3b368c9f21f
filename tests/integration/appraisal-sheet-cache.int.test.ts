import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { versionedCache } from "@/lib/server/cache";
import { getAppraisalSheet } from "@/lib/server/dal/appraisal/sheet";
import { saveAppraisal } from "@/lib/server/dal/appraisal/save";
import { lockQuarter } from "@/lib/server/dal/appraisal/quarters";
import { isoToDate } from "@/lib/domain/dates";
import { seedCourses } from "../../prisma/seed/courses";
import { createUser } from "../factories";
import { appraisalTeam, createAppraisal } from "../factories/appraisal";
import { createPhase } from "../factories/programme-forms";

// The rating sheet is cached per page and data version (lib/server/dal/appraisal/sheet.ts): after
// any write to what a page shows, the next view shows it — never a stale sheet — and a cached page
// equals a fresh computation.

const db = () => getDb();
const SHEET_CACHES = ["appraisal-sheet", "appraisal-sheet-counts", "appraisal-sheet-branches"];

describe("the cached rating sheet", () => {
  it("shows a rating, a RORAC target and lines, a completed course and an action-plan score at once", async () => {
    if ((await db().course.count()) === 0) await seedCourses(db());
    const { branch, head, hr, am, quarter } = await appraisalTeam();
    const rowOf = async () => (await getAppraisalSheet(head, quarter))!.rows.find((r) => r.userId === am.id)!;

    const first = await getAppraisalSheet(head, quarter);
    expect(first!.counts).toMatchObject({ total: 1, rated: 0 });
    expect(first!.rows[0]).toMatchObject({ appraisal: null, rorac: null, actionPlanScore: null });

    // A rating: the row, the counts, the status filter's page and HR's per-branch progress.
    await saveAppraisal(head, { quarter, userId: am.id, version: 0, mode: "rating", rating: "GOOD", reason: "季度表现稳定，客户拓展达标" });
    const rated = await getAppraisalSheet(head, quarter);
    expect(rated!.rows[0].appraisal).toMatchObject({ rating: "GOOD", version: 1 });
    expect(rated!.counts).toMatchObject({ total: 1, rated: 1, byRating: { GOOD: 1 } });
    expect((await getAppraisalSheet(head, quarter, { status: "UNRATED" }))!.rows).toEqual([]);
    expect((await getAppraisalSheet(hr, quarter))!.branches.find((b) => b.branchId === branch.id)).toMatchObject({ total: 1, rated: 1, excellent: 0 });

    // RORAC target and lines (their own tables) change the row's completion rate.
    await db().roracTarget.create({ data: { userId: am.id, quarter, target: 200 } });
    expect((await rowOf()).rorac).toEqual({ target: 200, combined: null, rate: null });
    await db().roracLine.create({
      data: {
        userId: am.id,
        quarter,
        line: "存款",
        position: 0,
        stockIncome: 0,
        stockDirectCost: 0,
        stockMgmtCost: 0,
        stockFixedCost: 0,
        stockRiskCost: 0,
        stockTax: 0,
        newIncome: 100,
        newDirectCost: 0,
        newMgmtCost: 0,
        newFixedCost: 0,
        newRiskCost: 0,
        newTax: 0,
        stockAgeYears: 0,
      },
    });
    expect((await rowOf()).rorac).toEqual({ target: 200, combined: 100, rate: 50 });
    await db().roracTarget.update({ where: { userId_quarter: { userId: am.id, quarter } }, data: { target: 400 } });
    expect((await rowOf()).rorac).toEqual({ target: 400, combined: 100, rate: 25 });

    // A completed required course of the person's tier moves the LEARNING prefill.
    const before = (await rowOf()).suggested.TRAINING_HOURS;
    const course = await db().course.findFirstOrThrow({ where: { required: true, tier: "FOUNDATION", status: "ACTIVE" } });
    await db().enrolment.create({
      data: { userId: am.id, courseId: course.id, status: "COMPLETED", origin: "REQUIRED", completedOn: isoToDate("2026-01-10") },
    });
    expect((await rowOf()).suggested.TRAINING_HOURS).toBe(100);
    expect(before).toBe(100); // no required course yet: 100 %, then one of one completed.
    await db().enrolment.create({
      data: {
        userId: am.id,
        courseId: (await db().course.findFirstOrThrow({ where: { required: true, tier: "FOUNDATION", status: "ACTIVE", id: { not: course.id } } })).id,
        status: "ASSIGNED",
        origin: "REQUIRED",
      },
    });
    expect((await rowOf()).suggested.TRAINING_HOURS).toBeLessThan(100);

    // An action plan scored for the quarter (the programme's tables).
    const phase = await createPhase({ feedsQuarter: quarter });
    const plan = await db().actionPlan.create({
      data: { phaseId: phase.id, userId: am.id, goals: "新增两家客户", actions: "每周拜访", status: "SUBMITTED", quarter },
    });
    expect((await rowOf()).actionPlanScore).toBeNull();
    await db().actionPlan.update({ where: { id: plan.id }, data: { finalScore: 80 } });
    expect((await rowOf()).actionPlanScore).toBe(80);

    // A renamed person, and the quarter's lock.
    await db().user.update({ where: { id: am.id }, data: { name: "林晓明" } });
    expect((await rowOf()).name).toBe("林晓明");
    await lockQuarter(hr, quarter);
    expect((await getAppraisalSheet(head, quarter))!.quarter.status).toBe("LOCKED");

    // The cached page equals one computed with the sheet's caches emptied.
    const cached = await getAppraisalSheet(head, quarter);
    for (const name of SHEET_CACHES) versionedCache(name, 1).clear();
    expect(cached).toEqual(await getAppraisalSheet(head, quarter));
  });

  it("keeps each viewer's scope and each filter apart, and follows a template changed in place", async () => {
    const { branch, other, head, otherHead, hr, am, quarter } = await appraisalTeam();
    const theirs = await createUser({ branchId: other.id, grade: "JUNIOR", name: "周敏" });
    await createAppraisal({ quarter, userId: theirs.id, rating: "EXCELLENT" });

    expect((await getAppraisalSheet(head, quarter))!.rows.map((r) => r.userId)).toEqual([am.id]);
    expect((await getAppraisalSheet(otherHead, quarter))!.rows.map((r) => r.userId)).toEqual([theirs.id]);
    // HR narrowing to a branch, then the other, then searching: each its own page.
    expect((await getAppraisalSheet(hr, quarter, { branchId: branch.id }))!.rows.map((r) => r.userId)).toEqual([am.id]);
    expect((await getAppraisalSheet(hr, quarter, { branchId: other.id }))!.rows.map((r) => r.userId)).toEqual([theirs.id]);
    expect((await getAppraisalSheet(hr, quarter, { branchId: other.id }))!.counts).toMatchObject({ total: 1, rated: 1, byRating: { EXCELLENT: 1 } });
    expect((await getAppraisalSheet(hr, quarter, { q: "周敏" }))!.rows.map((r) => r.userId)).toEqual([theirs.id]);
    expect((await getAppraisalSheet(hr, quarter, { q: "周敏" }))!.matching).toBe(1);
    // A head asking for another branch still gets their own.
    expect((await getAppraisalSheet(head, quarter, { branchId: other.id }))!.rows.map((r) => r.userId)).toEqual([am.id]);

    const { templateId } = await db().appraisalQuarter.findUniqueOrThrow({ where: { quarter } });
    expect((await getAppraisalSheet(head, quarter))!.quarter.maxExcellentPct).toBeNull();
    await db().scorecardTemplate.update({ where: { id: templateId }, data: { maxExcellentPct: 20 } });
    expect((await getAppraisalSheet(head, quarter))!.quarter.maxExcellentPct).toBe(20);
    expect((await getAppraisalSheet(hr, quarter))!.branches.find((b) => b.branchId === other.id)!.cap).toBe(0);
  });
});
