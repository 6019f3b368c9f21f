import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { seedCourses } from "../../prisma/seed/courses";
import { syncRequiredEnrolments } from "@/lib/server/dal/courses/assignment";
import { enrolElective, getMyCourses, startMyCourse } from "@/lib/server/dal/courses/learner";
import { assignCourse, recordCompletions, waiveEnrolment } from "@/lib/server/dal/courses/completion";
import { importCompletions } from "@/lib/server/dal/courses/completion-import";
import { completionReport, branchLearning } from "@/lib/server/dal/courses/reports";
import { saveCourse, setCourseStatus } from "@/lib/server/dal/courses/catalogue";
import { getLearningMetrics } from "@/lib/server/dal/courses/metrics";
import { commitReview } from "@/lib/server/dal/review/commit";
import { getAppraisalSheet } from "@/lib/server/dal/appraisal/sheet";
import { isoToDate } from "@/lib/domain/dates";
import type { Viewer } from "@/lib/server/auth/viewer";
import { createBranch, createHrAndHeads, createUser, viewerOf } from "../factories";
import { quarters, rate, certify } from "../factories/review";
import { createQuarter } from "../factories/appraisal";

const db = getDb();
let hr: Viewer;
let head: Viewer;
let otherHead: Viewer;
let branchId: string;

const codesOf = async (userId: string) =>
  (await db.enrolment.findMany({ where: { userId }, select: { course: { select: { code: true } } } })).map((e) => e.course.code).sort();
const requiredCodes = async (tier: "FOUNDATION" | "ADVANCED" | "EXPERT") =>
  (await db.course.findMany({ where: { tier, required: true }, select: { code: true } })).map((c) => c.code).sort();
const course = (code: string) => db.course.findUniqueOrThrow({ where: { code } });

beforeAll(async () => {
  await seedCourses(db);
  const branch = await createBranch("课程支行");
  const other = await createBranch("别的支行");
  branchId = branch.id;
  ({ hr, head, otherHead } = await createHrAndHeads(branchId, other.id));
});

describe("required-course assignment", () => {
  it("assigns a tier's required courses once, and a promotion to the next tier adds the new ones while keeping the completed", async () => {
    await quarters("LOCKED", "2031Q1", "2031Q2");
    const am = await createUser({ branchId, grade: "JUNIOR", roleStartDate: "2020-01-01", gradedOn: "2025-01-01" });
    await certify(am.id, "PROBATION", "2020-07-01");
    await rate(am.id, { "2031Q1": "EXCELLENT", "2031Q2": "EXCELLENT" });
    expect(await db.$transaction((tx) => syncRequiredEnrolments(tx, [am.id]))).toBe((await requiredCodes("FOUNDATION")).length);
    expect(await db.$transaction((tx) => syncRequiredEnrolments(tx, [am.id]))).toBe(0);
    expect(await codesOf(am.id)).toEqual(await requiredCodes("FOUNDATION"));
    const f1 = await course("F-PRO-01");
    await db.enrolment.update({
      where: { userId_courseId: { userId: am.id, courseId: f1.id } },
      data: { status: "COMPLETED", completedOn: isoToDate("2031-03-01"), hours: 6, examScore: 90 },
    });

    await commitReview(hr, "2031Q2"); // 初级 → 中级: the ADVANCED tier
    const codes = await codesOf(am.id);
    expect(codes).toEqual([...(await requiredCodes("FOUNDATION")), ...(await requiredCodes("ADVANCED"))].sort());
    const kept = await db.enrolment.findUniqueOrThrow({ where: { userId_courseId: { userId: am.id, courseId: f1.id } } });
    expect(kept.status).toBe("COMPLETED");
    const my = await getMyCourses(viewerOf(am), null, "2031-07-05");
    expect(my.tier).toBe("ADVANCED");
    expect(my.required.map((c) => c.code).sort()).toEqual(await requiredCodes("ADVANCED"));
  });
});

describe("learner", () => {
  it("enrols in an elective once, refuses a retired course, and starts a course", async () => {
    const am = await createUser({ branchId, grade: "TRAINEE", roleStartDate: "2026-01-01" });
    const me = viewerOf(am);
    const elective = await db.course.findFirstOrThrow({ where: { tier: "FOUNDATION", required: false } });
    await enrolElective(me, elective.id);
    await expect(enrolElective(me, elective.id)).rejects.toThrow("您已报名该课程");
    await setCourseStatus(hr, elective.id, "RETIRED");
    const other = await createUser({ branchId, grade: "TRAINEE", roleStartDate: "2026-01-01" });
    await expect(enrolElective(viewerOf(other), elective.id)).rejects.toThrow("该课程已停用");
    // Retiring keeps the record of those already enrolled.
    expect(await db.enrolment.count({ where: { courseId: elective.id } })).toBe(1);
    const e = await db.enrolment.findFirstOrThrow({ where: { userId: am.id } });
    await startMyCourse(me, e.id);
    await expect(startMyCourse(viewerOf(other), e.id)).rejects.toThrow("找不到该课程报名记录");
    expect((await db.enrolment.findUniqueOrThrow({ where: { id: e.id } })).status).toBe("IN_PROGRESS");
    await expect(enrolElective(head, elective.id)).rejects.toThrow("没有权限");
  });
});

describe("recording completions", () => {
  it("records a roster in one go; a branch head cannot record for another branch and nothing is half-written", async () => {
    const a = await createUser({ branchId, grade: "TRAINEE", roleStartDate: "2026-01-01" });
    const b = await createUser({ branchId, grade: "TRAINEE", roleStartDate: "2026-01-01" });
    await db.$transaction((tx) => syncRequiredEnrolments(tx, [a.id, b.id]));
    const c = await course("F-KNO-01");
    await expect(
      recordCompletions(otherHead, { courseId: c.id, completedOn: "2026-05-01", rows: [{ userId: a.id, hours: 8, examScore: 90 }] }, "2026-06-01"),
    ).rejects.toThrow("只能为本机构的学员登记");
    const outsider = await createUser({ branchId, grade: "TRAINEE", roleStartDate: "2026-01-01" });
    await expect(
      recordCompletions(
        head,
        {
          courseId: c.id,
          completedOn: "2026-05-01",
          rows: [
            { userId: a.id, hours: 8, examScore: 90 },
            { userId: outsider.id, hours: 8, examScore: 80 },
          ],
        },
        "2026-06-01",
      ),
    ).rejects.toThrow("未报名该课程");
    expect(await db.enrolment.count({ where: { courseId: c.id, status: "COMPLETED" } })).toBe(0);
    await expect(
      recordCompletions(head, { courseId: c.id, completedOn: "2026-07-01", rows: [{ userId: a.id, hours: 8, examScore: 90 }] }, "2026-06-01"),
    ).rejects.toThrow("不能晚于今天");

    await recordCompletions(
      head,
      {
        courseId: c.id,
        completedOn: "2026-05-01",
        rows: [
          { userId: a.id, hours: 8, examScore: 90 },
          { userId: b.id, hours: 7.5, examScore: null },
        ],
      },
      "2026-06-01",
    );
    const done = await db.enrolment.findMany({ where: { courseId: c.id, status: "COMPLETED" }, orderBy: { hours: "desc" } });
    expect(done.map((e) => [Number(e.hours), e.examScore === null ? null : Number(e.examScore)])).toEqual([
      [8, 90],
      [7.5, null],
    ]);
    expect(await db.auditLog.count({ where: { action: "COMPLETION", entityId: { in: done.map((e) => e.id) } } })).toBe(2);

    const metrics = (await getLearningMetrics(hr, [a.id], "2026Q2")).get(a.id)!;
    expect(metrics.examAverage).toBe(90);
    expect(metrics.completedCount).toBe(1);
  });

  it("only HR waives, with a reason", async () => {
    const a = await createUser({ branchId, grade: "TRAINEE", roleStartDate: "2026-01-01" });
    await db.$transaction((tx) => syncRequiredEnrolments(tx, [a.id]));
    const e = await db.enrolment.findFirstOrThrow({ where: { userId: a.id } });
    await expect(waiveEnrolment(head, e.id, "已取得同等证书")).rejects.toThrow("没有权限");
    await waiveEnrolment(hr, e.id, "已取得同等证书");
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({ status: "WAIVED", waivedReason: "已取得同等证书" });
  });

  it("an import lists every bad row and writes nothing; a clean file is written whole", async () => {
    const a = await createUser({ branchId, grade: "TRAINEE", roleStartDate: "2026-01-01" });
    await db.$transaction((tx) => syncRequiredEnrolments(tx, [a.id]));
    const headers = ["工号", "课程编号", "完成日期", "学时", "考试成绩"];
    const row = (line: number, values: string[]) => ({ line, values: Object.fromEntries(headers.map((h, i) => [h, values[i] ?? ""])) });
    const bad = {
      headers,
      rows: [
        row(2, [a.employeeNo, "F-PRO-01", "2026-05-01", "6", "95"]),
        row(3, ["NOBODY", "F-PRO-01", "2026-05-01", "6", "95"]),
        row(4, [a.employeeNo, "X-XXX-99", "2026-05-01", "6", "95"]),
        row(5, [a.employeeNo, "F-PRO-02", "2026-13-01", "-1", "101"]),
        row(6, [a.employeeNo, "F-PRO-01", "2026-05-02", "6", "90"]),
        row(7, [a.employeeNo, "A-SKI-01", "2026-05-01", "6", "90"]),
      ],
    };
    const report = await importCompletions(hr, bad, { dryRun: false }, "2026-06-01");
    expect(report.problems.map((p) => p.line)).toEqual([3, 4, 5, 5, 5, 6, 7]);
    expect(report.problems.find((p) => p.line === 7)?.problem).toContain("未报名");
    expect(await db.enrolment.count({ where: { userId: a.id, status: "COMPLETED" } })).toBe(0);

    const clean = { headers, rows: [row(2, [a.employeeNo, "F-PRO-01", "2026-05-01", "6", "95"]), row(3, [a.employeeNo, "F-PRO-02", "2026-05-03", "4", ""])] };
    expect((await importCompletions(hr, clean, { dryRun: true }, "2026-06-01")).problems).toEqual([]);
    expect(await db.enrolment.count({ where: { userId: a.id, status: "COMPLETED" } })).toBe(0);
    await importCompletions(hr, clean, { dryRun: false }, "2026-06-01");
    expect(await db.enrolment.count({ where: { userId: a.id, status: "COMPLETED" } })).toBe(2);
  });
});

describe("learning records feed the appraisal", () => {
  it("the rating sheet prefills the LEARNING indicators from the person's learning records of that quarter", async () => {
    await createQuarter({ quarter: "2032Q2", status: "OPEN" });
    const branch = await createBranch("学习支行");
    const am = await createUser({ branchId: branch.id, grade: "TRAINEE", roleStartDate: "2032-01-01" });
    await db.$transaction((tx) => syncRequiredEnrolments(tx, [am.id]));
    const c = await course("F-PRO-01");
    await recordCompletions(hr, { courseId: c.id, completedOn: "2032-05-10", rows: [{ userId: am.id, hours: Number(c.hours), examScore: 88 }] }, "2032-06-01");
    const metrics = (await getLearningMetrics(hr, [am.id], "2032Q2")).get(am.id)!;
    const sheet = await getAppraisalSheet(hr, "2032Q2", { branchId: branch.id });
    const row = sheet!.rows.find((r) => r.userId === am.id)!;
    expect(row.suggested).toEqual({ TRAINING_HOURS: metrics.completionRate, TRAINING_EXAM: 88 });
    expect(metrics.completionRate).toBeGreaterThan(0);
    expect(metrics.completionRate).toBeLessThan(100);
  });
});

describe("assigning a course", () => {
  it("a branch head assigns an elective to their own people only; people already enrolled are skipped", async () => {
    const mine = await createUser({ branchId, grade: "JUNIOR", roleStartDate: "2025-01-01" });
    const theirs = await createUser({ branchId: otherHead.branchId, grade: "JUNIOR", roleStartDate: "2025-01-01" });
    const elective = await db.course.findFirstOrThrow({ where: { required: false, status: "ACTIVE", tier: "ADVANCED" } });
    await expect(assignCourse(head, elective.id, [mine.employeeNo, theirs.employeeNo], null)).rejects.toThrow(theirs.employeeNo);
    expect(await db.enrolment.count({ where: { courseId: elective.id, userId: { in: [mine.id, theirs.id] } } })).toBe(0);
    expect(await assignCourse(head, elective.id, [mine.employeeNo], "2026-12-31")).toEqual({ assigned: 1, skipped: 0 });
    expect(await assignCourse(hr, elective.id, [mine.employeeNo, theirs.employeeNo], null)).toEqual({ assigned: 1, skipped: 1 });
    const e = await db.enrolment.findUniqueOrThrow({ where: { userId_courseId: { userId: mine.id, courseId: elective.id } } });
    expect(e).toMatchObject({ origin: "ASSIGNED", status: "ASSIGNED" });
  });
});

describe("catalogue and reports", () => {
  it("refuses a duplicate course code; the report's numbers match the enrolments", async () => {
    const f1 = await course("F-PRO-01");
    await expect(
      saveCourse(hr, {
        code: "F-PRO-01",
        title: "重复",
        description: "这是一门重复编号的课程",
        tier: "FOUNDATION",
        category: "PROFESSIONALISM",
        delivery: "ONLINE",
        hours: 2,
        competencies: ["TEAMWORK"],
        required: false,
      }),
    ).rejects.toThrow("课程编号已存在");
    const report = await completionReport(hr, "2026-06-01");
    const all = await db.enrolment.findMany({
      where: { course: { required: true }, user: { status: "ACTIVE" } },
      select: { status: true, course: { select: { tier: true } } },
    });
    const foundation = all.filter((e) => e.course.tier === "FOUNDATION");
    const row = report.byTier.find((r) => r.key === "FOUNDATION")!;
    expect(row.enrolled).toBe(foundation.length);
    expect(row.completed).toBe(foundation.filter((e) => e.status === "COMPLETED").length);
    expect(report.byBranch.reduce((s, r) => s + r.enrolled, 0)).toBe(all.length);
    expect(report.byCategory.reduce((s, r) => s + r.completed, 0)).toBe(all.filter((e) => e.status === "COMPLETED").length);
    await expect(completionReport(head)).rejects.toThrow("没有权限");
    const team = await branchLearning(head, undefined, "2026-06-01");
    expect(team.people.length).toBeGreaterThan(0);
    expect(f1.code).toBe("F-PRO-01");
  });
});
