import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { seedCourses } from "../../prisma/seed/courses";
import {
  changeGradeManually,
  convertAssistant,
  createPerson,
  exitPerson,
  getPersonForHr,
  importRoster,
  listPeople,
  transferBranch,
} from "@/lib/server/dal/people-admin";
import { getProfileForViewer } from "@/lib/server/dal/people";
import { getAppraisalSheet } from "@/lib/server/dal/appraisal/sheet";
import { completionReport } from "@/lib/server/dal/courses/reports";
import { recordCertification, importCertifications } from "@/lib/server/dal/review/certifications";
import { getGoalsForViewer, saveMyGoals } from "@/lib/server/dal/goals";
import { dateToIso, isoToDate } from "@/lib/domain/dates";
import type { Table } from "@/lib/server/import";
import type { Viewer } from "@/lib/server/auth/viewer";
import { createBranch, createUser, viewerOf } from "../factories";
import { createAppraisal, createQuarter } from "../factories/appraisal";

const db = getDb();
const TODAY = "2026-11-30";
let hr: Viewer;

beforeAll(async () => {
  await seedCourses(db);
  const hq = await createBranch("总行测试");
  hr = viewerOf(await createUser({ role: "HR", branchId: hq.id }));
});

const currentGrade = async (userId: string) =>
  (await db.$queryRaw<{ grade: string | null }[]>`SELECT grade::text AS grade FROM "CurrentGrade" WHERE "userId" = ${userId}`)[0]?.grade ?? null;

function table(rows: Record<string, string>[]): Table {
  const headers = ["操作", "工号", "姓名", "邮箱", "机构", "岗位", "任职起始日", "等级", "生效日期", "说明"];
  return { headers, rows: rows.map((values, i) => ({ line: i + 2, values })) };
}

describe("转岗: an assistant becomes a 见习 account manager", () => {
  it("closes the assistant period, starts the role on the transfer date, grades 见习 and assigns the required courses in one go", async () => {
    const branch = await createBranch();
    const assistant = await createUser({ role: "ASSISTANT", branchId: branch.id, roleStartDate: "2024-03-01" });
    await convertAssistant(hr, { userId: assistant.id, date: "2026-10-08", note: "业务骨干" }, TODAY);

    const user = await db.user.findUniqueOrThrow({ where: { id: assistant.id } });
    expect(user.role).toBe("ACCOUNT_MANAGER");
    expect(dateToIso(user.roleStartDate!)).toBe("2026-10-08");
    expect(await currentGrade(assistant.id)).toBe("TRAINEE");
    const change = await db.gradeChange.findFirstOrThrow({ where: { userId: assistant.id } });
    expect(change).toMatchObject({ fromGrade: null, toGrade: "TRAINEE", reason: "INITIAL", quarter: "2026Q4" });

    const periods = await db.branchMembership.findMany({ where: { userId: assistant.id }, orderBy: { startDate: "asc" } });
    expect(periods.map((p) => [p.role, dateToIso(p.startDate), p.endDate ? dateToIso(p.endDate) : null, p.endReason])).toEqual([
      ["ASSISTANT", "2024-03-01", "2026-10-08", "ROLE_CHANGE"],
      ["ACCOUNT_MANAGER", "2026-10-08", null, null],
    ]);
    const foundation = await db.course.count({ where: { tier: "FOUNDATION", required: true, status: "ACTIVE" } });
    expect(foundation).toBeGreaterThan(0);
    expect(await db.enrolment.count({ where: { userId: assistant.id, course: { tier: "FOUNDATION", required: true } } })).toBe(foundation);
    const audits = await db.auditLog.findMany({ where: { entityId: assistant.id }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["ROLE_CHANGE", "GRADE_CHANGE"]);
  });

  it("refuses someone who is not an assistant, and a date before the assistant period, writing nothing", async () => {
    const branch = await createBranch();
    const am = await createUser({ branchId: branch.id, roleStartDate: "2024-03-01", grade: "JUNIOR" });
    await expect(convertAssistant(hr, { userId: am.id, date: "2026-10-08" }, TODAY)).rejects.toThrow("不是在职的业务助理");
    const assistant = await createUser({ role: "ASSISTANT", branchId: branch.id, roleStartDate: "2026-09-01" });
    await expect(convertAssistant(hr, { userId: assistant.id, date: "2026-08-01" }, TODAY)).rejects.toThrow("转岗日期须晚于");
    expect((await db.user.findUniqueOrThrow({ where: { id: assistant.id } })).role).toBe("ASSISTANT");
    expect(await db.gradeChange.count({ where: { userId: assistant.id } })).toBe(0);
  });

  it("only HR may convert", async () => {
    const branch = await createBranch();
    const head = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: branch.id }));
    const assistant = await createUser({ role: "ASSISTANT", branchId: branch.id, roleStartDate: "2024-03-01" });
    await expect(convertAssistant(head, { userId: assistant.id, date: "2026-10-08" }, TODAY)).rejects.toThrow("没有权限");
  });
});

describe("branch transfers keep history", () => {
  it("a quarter's rating and a completed course count for the branch of that time; scope follows the current branch", async () => {
    const [east, west] = [await createBranch("东区测试支行"), await createBranch("西区测试支行")];
    const eastHead = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: east.id }));
    const westHead = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: west.id }));
    const am = await createUser({ branchId: east.id, roleStartDate: "2022-01-10", grade: "INTERMEDIATE" });
    const { quarter } = await createQuarter({ quarter: "2026Q2", status: "LOCKED" });
    await createAppraisal({ quarter, userId: am.id, rating: "EXCELLENT", score: 110 });
    const course = await db.course.findFirstOrThrow({ where: { tier: "ADVANCED", required: true } });
    await db.enrolment.create({
      data: { userId: am.id, courseId: course.id, origin: "REQUIRED", status: "COMPLETED", completedOn: isoToDate("2026-05-20"), hours: 8 },
    });

    await transferBranch(hr, { userId: am.id, branchId: west.id, date: "2026-09-01", note: "工作需要" }, TODAY);

    // The 2026Q2 rating stays with 东区 in HR's per-branch figures.
    const sheet = await getAppraisalSheet(hr, quarter);
    expect(sheet!.branches.find((b) => b.branchId === east.id)).toMatchObject({ rated: 1, excellent: 1 });
    expect(sheet!.branches.find((b) => b.branchId === west.id)).toBeUndefined();
    // So does the course completed in May.
    const report = await completionReport(hr, TODAY);
    expect(report.byBranch.find((r) => r.key === east.id)).toMatchObject({ completed: 1 });
    expect(report.byBranch.find((r) => r.key === west.id)?.completed ?? 0).toBe(0);

    // Access follows the current branch; HR sees the whole history.
    expect(await getProfileForViewer(eastHead, am.id)).toBeNull();
    expect(await getProfileForViewer(westHead, am.id)).not.toBeNull();
    const view = await getPersonForHr(hr, am.id, TODAY);
    expect(view!.memberships.map((m) => [m.branchName, m.startDate, m.endDate])).toEqual([
      ["西区测试支行", "2026-09-01", null],
      ["东区测试支行", "2022-01-10", "2026-09-01"],
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: am.id, action: "BRANCH_TRANSFER" } });
    expect(audit.before).toEqual({ branchId: east.id });
    expect(audit.after).toMatchObject({ branchId: west.id, effectiveDate: "2026-09-01" });
  });

  it("refuses a transfer to the same branch, a future date and a date before the current period", async () => {
    const [a, b] = [await createBranch(), await createBranch()];
    const am = await createUser({ branchId: a.id, roleStartDate: "2025-06-01", grade: "TRAINEE" });
    await expect(transferBranch(hr, { userId: am.id, branchId: a.id, date: "2026-09-01" }, TODAY)).rejects.toThrow("已在");
    await expect(transferBranch(hr, { userId: am.id, branchId: b.id, date: "2026-12-15" }, TODAY)).rejects.toThrow("不能晚于今天");
    await expect(transferBranch(hr, { userId: am.id, branchId: b.id, date: "2025-01-01" }, TODAY)).rejects.toThrow("须晚于进入现机构");
    expect((await db.user.findUniqueOrThrow({ where: { id: am.id } })).branchId).toBe(a.id);
    expect(await db.branchMembership.count({ where: { userId: am.id } })).toBe(1);
  });
});

describe("exit and manual grade change", () => {
  it("an exit outside a review ends the grade and the branch period, is audited, and cannot be repeated", async () => {
    const branch = await createBranch();
    const am = await createUser({ branchId: branch.id, roleStartDate: "2023-01-10", grade: "JUNIOR" });
    await exitPerson(hr, { userId: am.id, date: "2026-11-15", reason: "个人原因离职" }, TODAY);
    const user = await db.user.findUniqueOrThrow({ where: { id: am.id } });
    expect(user.status).toBe("EXITED");
    expect(dateToIso(user.exitedAt!)).toBe("2026-11-15");
    const change = await db.gradeChange.findFirstOrThrow({ where: { userId: am.id, reason: "EXIT" } });
    expect(change).toMatchObject({ fromGrade: "JUNIOR", toGrade: null, note: "个人原因离职" });
    const period = await db.branchMembership.findFirstOrThrow({ where: { userId: am.id } });
    expect(period).toMatchObject({ endReason: "EXIT" });
    expect(await db.auditLog.count({ where: { entityId: am.id, action: "EXIT_PERSON" } })).toBe(1);
    await expect(exitPerson(hr, { userId: am.id, date: "2026-11-20", reason: "重复" }, TODAY)).rejects.toThrow("已退出");
    // Still listed for HR, as exited; nothing deleted.
    const page = await listPeople(hr, { q: user.employeeNo, status: "EXITED" }, TODAY);
    expect(page.rows.map((r) => r.id)).toEqual([am.id]);
  });

  it("a manual change writes a MANUAL grade change with its reason; the same grade and a non-HR actor are refused", async () => {
    const branch = await createBranch();
    const head = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: branch.id }));
    const am = await createUser({ branchId: branch.id, roleStartDate: "2021-01-10", grade: "JUNIOR", gradedOn: "2022-01-01" });
    await changeGradeManually(hr, { userId: am.id, grade: "INTERMEDIATE", date: "2026-11-01", reason: "定级复核更正" }, TODAY);
    expect(await currentGrade(am.id)).toBe("INTERMEDIATE");
    expect(await db.gradeChange.findFirstOrThrow({ where: { userId: am.id, reason: "MANUAL" } })).toMatchObject({
      fromGrade: "JUNIOR",
      toGrade: "INTERMEDIATE",
      note: "定级复核更正",
      quarter: "2026Q4",
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: am.id, action: "GRADE_CHANGE" } });
    expect(audit).toMatchObject({ before: { grade: "JUNIOR" }, note: "定级复核更正" });
    await expect(changeGradeManually(hr, { userId: am.id, grade: "INTERMEDIATE", date: "2026-11-02", reason: "再次" }, TODAY)).rejects.toThrow("已是中级");
    await expect(changeGradeManually(head, { userId: am.id, grade: "SENIOR", date: "2026-11-02", reason: "越权" }, TODAY)).rejects.toThrow("没有权限");
    await expect(changeGradeManually(hr, { userId: am.id, grade: "SENIOR", date: "2026-10-01", reason: "倒签" }, TODAY)).rejects.toThrow(
      "不能早于上一次等级变动",
    );
    expect(await db.gradeChange.count({ where: { userId: am.id } })).toBe(2);
  });

  it("a new person gets a generated password shown once and an open branch period", async () => {
    const branch = await createBranch();
    const created = await createPerson(hr, {
      employeeNo: "880001",
      name: "新人",
      email: "new.person@eagle.test",
      role: "ACCOUNT_MANAGER",
      branchId: branch.id,
      roleStartDate: "2026-11-02",
      grade: "TRAINEE",
    });
    expect(created.password).toMatch(/^.{10,}$/);
    const period = await db.branchMembership.findFirstOrThrow({ where: { userId: created.id } });
    expect(period).toMatchObject({ branchId: branch.id, role: "ACCOUNT_MANAGER", endDate: null, startReason: "HIRE" });
  });
});

describe("roster import", () => {
  it("lists every bad row in Chinese and writes nothing; once clean it writes all rows; importing again changes nothing", async () => {
    const [north, south] = [await createBranch("北区测试支行"), await createBranch("南区测试支行")];
    const mover = await createUser({ branchId: north.id, roleStartDate: "2023-01-10", grade: "JUNIOR" });
    const leaver = await createUser({ branchId: north.id, roleStartDate: "2023-01-10", grade: "TRAINEE" });
    // In both files: a clean row.
    const newcomer = {
      操作: "新增",
      工号: "770001",
      姓名: "王新",
      邮箱: "wang.xin@eagle.test",
      机构: "北区测试支行",
      岗位: "对公客户经理",
      任职起始日: "2026-10-01",
      等级: "见习",
    };
    const bad = table([
      newcomer,
      { 操作: "新增", 工号: "770002", 姓名: "赵助", 邮箱: "zhao.zhu@eagle.test", 机构: "不存在支行", 岗位: "业务助理", 任职起始日: "2026-13-01", 等级: "" },
      {
        操作: "新增",
        工号: "770003",
        姓名: "钱高",
        邮箱: "qian.gao@eagle.test",
        机构: "南区测试支行",
        岗位: "对公客户经理",
        任职起始日: "2025-08-01",
        等级: "高级",
      },
      { 操作: "调动", 工号: mover.employeeNo, 机构: "南区测试支行", 生效日期: "2026-11-01", 说明: "工作需要" },
      { 操作: "退出", 工号: leaver.employeeNo, 生效日期: "2026-11-20", 说明: "" },
      { 操作: "晋升", 工号: "770001" },
    ]);
    const dry = await importRoster(hr, bad, { dryRun: false }, TODAY);
    expect(dry.written).toBe(false);
    const text = dry.problems.map((p) => `${p.line}:${p.problem}`);
    expect(text).toEqual(
      expect.arrayContaining([
        "3:机构「不存在支行」不存在",
        "3:任职起始日「2026-13-01」无效，应为 年-月-日（如 2026-03-05）",
        "4:任职年限只够初级，不能定为高级",
        "6:退出须在“说明”中填写原因（至少 2 个字）",
        "7:工号 770001 与第 2 行重复（每人一行）",
        "7:操作「晋升」无效，应为 新增、调动 或 退出",
      ]),
    );
    expect(await db.user.count({ where: { employeeNo: { in: ["770001", "770002", "770003"] } } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: mover.id } })).branchId).toBe(north.id);

    const good = table([
      newcomer,
      { 操作: "新增", 工号: "770002", 姓名: "赵助", 邮箱: "zhao.zhu@eagle.test", 机构: "南区测试支行", 岗位: "业务助理", 任职起始日: "2026-10-01", 等级: "" },
      { 操作: "调动", 工号: mover.employeeNo, 机构: "南区测试支行", 生效日期: "2026-11-01", 说明: "工作需要" },
      { 操作: "退出", 工号: leaver.employeeNo, 生效日期: "2026-11-20", 说明: "合同到期" },
    ]);
    const check = await importRoster(hr, good, { dryRun: true }, TODAY);
    expect(check).toMatchObject({ problems: [], written: false, counts: { NEW: 2, TRANSFER: 1, EXIT: 1, SAME: 0 } });
    expect(await db.user.count({ where: { employeeNo: "770001" } })).toBe(0);

    const written = await importRoster(hr, good, { dryRun: false }, TODAY);
    expect(written).toMatchObject({ problems: [], written: true });
    const wang = await db.user.findUniqueOrThrow({ where: { employeeNo: "770001" } });
    expect(await currentGrade(wang.id)).toBe("TRAINEE");
    expect((await db.user.findUniqueOrThrow({ where: { id: mover.id } })).branchId).toBe(south.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: leaver.id } })).status).toBe("EXITED");
    const changesBefore = await db.gradeChange.count();
    const periodsBefore = await db.branchMembership.count();
    const auditsBefore = await db.auditLog.count();

    const again = await importRoster(hr, good, { dryRun: false }, TODAY);
    expect(again).toMatchObject({ problems: [], counts: { NEW: 0, TRANSFER: 0, EXIT: 0, SAME: 4 } });
    expect(await db.gradeChange.count()).toBe(changesBefore);
    expect(await db.branchMembership.count()).toBe(periodsBefore);
    expect(await db.user.count({ where: { employeeNo: "770001" } })).toBe(1);
    // Only the import's own summary row is new.
    expect(await db.auditLog.count()).toBe(auditsBefore + 1);
  });
});

describe("certifications before the role start are refused", () => {
  it("a 见习期考核 passed before the person's role start date cannot be recorded or imported", async () => {
    const branch = await createBranch();
    const am = await createUser({ branchId: branch.id, roleStartDate: "2025-11-01", grade: "TRAINEE" });
    await expect(
      recordCertification(hr, { employeeNo: am.employeeNo, code: "PROBATION", passedOn: "2025-10-15", validUntil: null, score: 80 }),
    ).rejects.toThrow("早于任职起始日");
    const report = await importCertifications(
      hr,
      { headers: ["工号", "认证代码", "通过日期"], rows: [{ line: 2, values: { 工号: am.employeeNo, 认证代码: "PROBATION", 通过日期: "2025-10-15" } }] },
      { dryRun: false },
    );
    expect(report.written).toBe(0);
    expect(report.problems[0].messages.join()).toContain("早于任职起始日");
    expect(await db.certification.count({ where: { userId: am.id } })).toBe(0);
    await recordCertification(hr, { employeeNo: am.employeeNo, code: "PROBATION", passedOn: "2026-05-06", validUntil: null, score: 85 });
    expect(await db.certification.count({ where: { userId: am.id } })).toBe(1);
  });
});

describe("personal goals", () => {
  it("an account manager saves goals; their branch head sees them, another branch's head does not", async () => {
    const [a, b] = [await createBranch(), await createBranch()];
    const am = viewerOf(await createUser({ branchId: a.id, roleStartDate: "2024-01-10", grade: "JUNIOR" }));
    const head = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: a.id }));
    const other = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: b.id }));
    await saveMyGoals(am, { shortTerm: "本季度新增三户客户", longTerm: "两年内晋升为高级" }, TODAY);
    expect(await getGoalsForViewer(head, am.id, TODAY)).toMatchObject({ quarter: "2026Q4", shortTerm: "本季度新增三户客户", longTerm: "两年内晋升为高级" });
    expect(await getGoalsForViewer(other, am.id, TODAY)).toBeNull();
    // Next quarter: the long-term goal carries over, the short-term one is due again.
    expect(await getGoalsForViewer(head, am.id, "2027-01-05")).toMatchObject({ shortTerm: null, longTerm: "两年内晋升为高级" });
  });
});
