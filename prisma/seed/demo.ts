// The demo bank: 总行 and five branches, one HR user, a head per branch, ~80 account managers
// over all five grades, a few assistants, eight quarters of ratings (the open last quarter only
// half rated), the default scorecard, grade rules, competency model and course catalogue.
import { seedDemoRorac } from "./rorac";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { Prisma } from "../../lib/generated/prisma/client";
import { GRADES, type Grade } from "../../lib/domain/grades";
import { dateToIso, isoToDate, quarterEnd, quarterOf, quarterStart, todayInShanghai, previousQuarter, type IsoDate } from "../../lib/domain/dates";
import { DEFAULT_TEMPLATE, DEFAULT_BANDS } from "../../lib/domain/scoring";
import { DEFAULT_GRADE_RULES } from "../../lib/domain/promotion";
import { BRANCH_NAMES } from "../../lib/domain/defaults/people-names";
import { createRandom } from "./random";
import { chineseName, generateManager, quartersEndingWith } from "./people";
import { seedReferenceData } from "./reference";
import { seedDemoCompetencies } from "./competencies";
import { seedDemoEnrolments } from "./enrolments";
import { seedDemoProgramme } from "./programme";
import { seedDemoProgrammeForms } from "./programme-forms";
import { seedDemoContests } from "./contest";

export const DEMO_PASSWORD = "Eagle@2026";

export interface DemoOptions {
  today?: IsoDate;
  /** bcrypt hash of DEMO_PASSWORD (hashing once keeps seeding fast). */
  passwordHash: string;
  managersPerBranch?: number;
  branches?: number;
}

/** Seeds the demo bank into an empty database. Returns a few ids the tests use. */
export async function seedDemo(db: PrismaClient, options: DemoOptions) {
  const today = options.today ?? todayInShanghai();
  const random = createRandom(20260401);
  const branchCount = options.branches ?? 5;
  const perBranch = options.managersPerBranch ?? 16;
  // The last finished quarter is still open for rating; the seven before it are locked.
  const lastQuarter = previousQuarter(quarterOf(today));
  const quarters = quartersEndingWith(lastQuarter, 8);

  const { templateId } = await seedReferenceData(db, { quarters, lastOpen: lastQuarter });

  const headOffice = await db.branch.create({ data: { code: "HO", name: "总行", isHeadOffice: true } });
  const branches: { id: string; name: string }[] = [];
  for (let i = 0; i < branchCount; i++) {
    branches.push(await db.branch.create({ data: { code: `B${String(i + 1).padStart(2, "0")}`, name: BRANCH_NAMES[i] ?? `第${i + 1}支行` } }));
  }

  const users: Prisma.UserCreateManyInput[] = [];
  const gradeChanges: Prisma.GradeChangeCreateManyInput[] = [];
  const certifications: Prisma.CertificationCreateManyInput[] = [];
  const appraisals: Prisma.AppraisalCreateManyInput[] = [];
  const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(5, "0")}`;
  /** Account manager n is am<n>@eagle.test with employee number 3xxxxx; assistant n is as<n>, 4xxxxx. */
  const learner = (role: "ACCOUNT_MANAGER" | "ASSISTANT", n: number, branchId: string, roleStartDate: string): Prisma.UserCreateManyInput => {
    const [login, digit] = role === "ACCOUNT_MANAGER" ? ["am", 3] : ["as", 4];
    const name = chineseName(random);
    return {
      id: id(`demo-${login}-`, n),
      employeeNo: `${digit}${String(n).padStart(5, "0")}`,
      name,
      email: `${login}${n}@eagle.test`,
      passwordHash: options.passwordHash,
      role,
      branchId,
      roleStartDate: isoToDate(roleStartDate),
    };
  };

  users.push({
    id: "demo-hr-1",
    employeeNo: "100001",
    name: "周慧敏",
    email: "hr@eagle.test",
    passwordHash: options.passwordHash,
    role: "HR",
    branchId: headOffice.id,
  });
  users.push({
    id: "demo-hr-2",
    employeeNo: "100002",
    name: "钱立新",
    email: "hr2@eagle.test",
    passwordHash: options.passwordHash,
    role: "HR",
    branchId: headOffice.id,
  });

  let amNo = 0;
  let asNo = 0;
  branches.forEach((branch, b) => {
    users.push({
      id: id("demo-head-", b + 1),
      employeeNo: `2000${String(b + 1).padStart(2, "0")}`,
      name: chineseName(random),
      email: `head${b + 1}@eagle.test`,
      passwordHash: options.passwordHash,
      role: "BRANCH_HEAD",
      branchId: branch.id,
      roleStartDate: isoToDate("2019-03-01"),
    });
    for (let i = 0; i < perBranch; i++) {
      amNo += 1;
      // Every grade is present in every branch. am1 is a 初级 with 优秀 in the last three quarters:
      // the review of the last locked quarter promotes them, and the next one must not again (§5.6).
      const forced: Grade | undefined = amNo === 1 ? "JUNIOR" : i < GRADES.length ? GRADES[i] : undefined;
      const m = generateManager(random, today, quarters, forced);
      if (amNo === 1) {
        m.roleStartDate = "2024-03-01";
        m.gradedOn = "2025-01-01";
        m.probationPassedOn = "2024-09-20";
        m.ratings[quarters[4]] = "GOOD";
        m.ratings[quarters[5]] = "EXCELLENT";
        m.ratings[quarters[6]] = "EXCELLENT";
        m.ratings[quarters[7]] = "EXCELLENT";
      }
      if (amNo === 3) {
        // am3, 中级 for almost four years, was 优秀 in the open quarter: one more 优秀 in the
        // quarter after it earns 高级 (the quarter-end e2e flow rates, locks and reviews that).
        m.grade = "INTERMEDIATE";
        m.roleStartDate = "2022-12-01";
        m.gradedOn = "2025-01-01";
        m.probationPassedOn = "2023-07-10";
        m.ratings[quarters[6]] = "GOOD";
        m.ratings[quarters[7]] = "EXCELLENT";
      }
      // The open quarter is half done: every other account manager of each branch (am1 among the
      // rated) still waits for a rating from the branch head.
      if (i % 2 === 1) delete m.ratings[lastQuarter];
      const userId = id("demo-am-", amNo);
      users.push(learner("ACCOUNT_MANAGER", amNo, branch.id, m.roleStartDate));
      gradeChanges.push({
        userId,
        fromGrade: null,
        toGrade: m.grade,
        effectiveDate: isoToDate(m.gradedOn),
        quarter: quarterOf(m.gradedOn),
        reason: "INITIAL",
        actorId: "demo-hr-1",
        note: m.gradedOn === "2025-01-01" ? "2025年首次定级" : m.gradedOn === m.roleStartDate ? "新任客户经理定级" : "满足任职条件后定级",
      });
      if (m.probationPassedOn) {
        certifications.push({ userId, code: "PROBATION", passedOn: isoToDate(m.probationPassedOn), recordedById: "demo-hr-1" });
      }
      for (const [quarter, rating] of Object.entries(m.ratings)) {
        if (!rating) continue;
        appraisals.push({ userId, quarter, rating, source: "IMPORT", updatedById: "demo-hr-1" });
      }
    }
    for (let i = 0; i < 2; i++) {
      asNo += 1;
      users.push(learner("ASSISTANT", asNo, branch.id, `202${4 + (asNo % 2)}-0${1 + (asNo % 8)}-01`));
    }
  });

  // Three account managers not yet graded (for 定级): a transfer with probation passed, an
  // experienced hire whose 合格 annual appraisal caps the proposal, and a newcomer. Added after the
  // generated people so every existing id and random draw stays as it was.
  const ungraded = [
    { n: 1, branch: 1, name: "林晓彤", roleStartDate: "2025-03-10", probation: "2025-09-20", ratings: ["GOOD", "GOOD", "EXCELLENT"] as const },
    { n: 2, branch: 2, name: "顾承泽", roleStartDate: "2023-06-01", probation: "2023-12-15", ratings: ["QUALIFIED", "GOOD", "GOOD"] as const },
    { n: 3, branch: 3, name: "许嘉言", roleStartDate: isoFromMonthsAgo(today, 3), probation: null, ratings: [] as const },
  ];
  for (const p of ungraded) {
    const userId = id("demo-new-", p.n);
    users.push({
      id: userId,
      employeeNo: `39${String(p.n).padStart(4, "0")}`,
      name: p.name,
      email: `new${p.n}@eagle.test`,
      passwordHash: options.passwordHash,
      role: "ACCOUNT_MANAGER",
      branchId: branches[p.branch % branches.length].id,
      roleStartDate: isoToDate(p.roleStartDate),
    });
    if (p.probation) certifications.push({ userId, code: "PROBATION", passedOn: isoToDate(p.probation), recordedById: "demo-hr-1" });
    p.ratings.forEach((rating, i) => appraisals.push({ userId, quarter: quarters[4 + i], rating, source: "IMPORT", updatedById: "demo-hr-1" }));
  }
  // A role certification beyond probation for a few people (one already expired), so profiles
  // and the certification page show more than one kind.
  for (const [n, validUntil] of [
    [2, "2027-11-14"],
    [3, "2027-11-14"],
    [4, "2027-11-14"],
    [5, "2025-12-31"],
  ] as const) {
    certifications.push({
      userId: id("demo-am-", n),
      code: "CREDIT_L2",
      passedOn: isoToDate("2025-11-15"),
      validUntil: isoToDate(validUntil),
      score: 86,
      recordedById: "demo-hr-1",
    });
  }

  // A former account manager who left the bank (退出) in the quarter before the open one: their
  // history stays — grade changes, ratings up to the exit, the closed branch period.
  const exitedOn = quarterStart(quarters[6]);
  const exitedId = "demo-exit-00001";
  users.push({
    id: exitedId,
    employeeNo: "380001",
    name: "韩立群",
    email: "exit1@eagle.test",
    passwordHash: options.passwordHash,
    role: "ACCOUNT_MANAGER",
    status: "EXITED",
    exitedAt: isoToDate(exitedOn),
    branchId: branches[1 % branches.length].id,
    roleStartDate: isoToDate("2023-04-03"),
  });
  certifications.push({ userId: exitedId, code: "PROBATION", passedOn: isoToDate("2023-11-10"), recordedById: "demo-hr-1" });
  gradeChanges.push(
    {
      userId: exitedId,
      fromGrade: null,
      toGrade: "JUNIOR",
      effectiveDate: isoToDate("2025-01-01"),
      quarter: "2025Q1",
      reason: "INITIAL",
      actorId: "demo-hr-1",
      note: "2025年首次定级",
    },
    {
      userId: exitedId,
      fromGrade: "JUNIOR",
      toGrade: null,
      effectiveDate: isoToDate(exitedOn),
      quarter: quarterOf(exitedOn),
      reason: "EXIT",
      actorId: "demo-hr-1",
      note: "个人原因离职",
    },
  );
  quarters.slice(0, 6).forEach((q, i) => {
    if (quarterEnd(q) < exitedOn)
      appraisals.push({ userId: exitedId, quarter: q, rating: i % 3 === 0 ? "QUALIFIED" : "GOOD", source: "IMPORT", updatedById: "demo-hr-1" });
  });

  // Branch history (DOMAIN §2): every person's period in their branch since they started, and a
  // little real movement — two transfers between branches and a 转岗 from 业务助理 — so that HR's
  // person pages and the per-branch figures of past quarters have history to show.
  const memberships: Prisma.BranchMembershipCreateManyInput[] = users.map((u) => ({
    userId: u.id as string,
    branchId: u.branchId,
    role: u.role,
    startDate: (u.roleStartDate as Date | undefined) ?? isoToDate("2019-03-01"),
    endDate: u.status === "EXITED" ? (u.exitedAt as Date) : null,
    endReason: u.status === "EXITED" ? "EXIT" : null,
    startReason: "HIRE",
  }));
  const historyAudit: Prisma.AuditLogCreateManyInput[] = [];
  const membershipOf = (userId: string) => memberships.find((m) => m.userId === userId);
  const transferInHistory = (userId: string, fromBranch: number, on: IsoDate) => {
    const m = membershipOf(userId);
    if (!m || dateToIso(m.startDate as Date) >= on) return;
    const to = m.branchId;
    const from = branches[fromBranch % branches.length].id;
    if (from === to) return;
    m.branchId = from;
    m.endDate = isoToDate(on);
    m.endReason = "TRANSFER";
    memberships.push({ userId, branchId: to, role: m.role, startDate: isoToDate(on), startReason: "TRANSFER", note: "工作需要调动", createdById: "demo-hr-1" });
    historyAudit.push({
      actorId: "demo-hr-1",
      action: "BRANCH_TRANSFER",
      entity: "User",
      entityId: userId,
      before: { branchId: from },
      after: { branchId: to, effectiveDate: on },
    });
  };
  transferInHistory(id("demo-am-", 12), 1, quarterStart(quarters[5]));
  transferInHistory(id("demo-am-", 60), 4, quarterStart(quarters[6]));
  // am49, a 见习, was a 业务助理 of the same branch for two years before the role started.
  const convert = membershipOf(id("demo-am-", 49));
  if (convert) {
    const start = dateToIso(convert.startDate as Date);
    const y = Number(start.slice(0, 4));
    memberships.push({
      userId: convert.userId,
      branchId: convert.branchId,
      role: "ASSISTANT",
      startDate: isoToDate(`${y - 2}${start.slice(4)}`),
      endDate: convert.startDate,
      endReason: "ROLE_CHANGE",
      startReason: "HIRE",
    });
    convert.startReason = "ROLE_CHANGE";
    convert.note = "业务助理转岗为客户经理";
    const change = gradeChanges.find((c) => c.userId === convert.userId);
    if (change) change.note = "业务助理转岗为客户经理";
    historyAudit.push({
      actorId: "demo-hr-1",
      action: "ROLE_CHANGE",
      entity: "User",
      entityId: convert.userId,
      before: { role: "ASSISTANT" },
      after: { role: "ACCOUNT_MANAGER", roleStartDate: start },
    });
  }

  await db.$transaction(async (tx) => {
    await tx.user.createMany({ data: users });
    await tx.gradeChange.createMany({ data: gradeChanges });
    await tx.certification.createMany({ data: certifications });
    await tx.certificationType.upsert({ where: { code: "CREDIT_L2" }, create: { code: "CREDIT_L2", name: "信贷业务资格（二级）" }, update: {} });
    await tx.appraisal.createMany({ data: appraisals });
    await tx.branchMembership.createMany({ data: memberships });
    await tx.auditLog.createMany({ data: historyAudit });
    await tx.auditLog.create({
      data: { actorId: null, action: "SEED_DEMO", entity: "System", entityId: "demo", after: { users: users.length, quarters } },
    });
  });

  await seedDemoRorac(db, lastQuarter);

  const gradeOf = new Map(gradeChanges.filter((c) => c.reason !== "EXIT").map((c) => [c.userId, c.toGrade as Grade]));
  await seedDemoCompetencies(db, {
    today,
    // People still waiting for 定级 have no grade, hence no required levels to be assessed against.
    managers: users
      .filter((u) => u.role === "ACCOUNT_MANAGER" && u.status !== "EXITED" && gradeOf.has(u.id as string))
      .map((u) => ({ id: u.id as string, branchId: u.branchId, grade: gradeOf.get(u.id as string)! })),
    headByBranch: Object.fromEntries(branches.map((b, i) => [b.id, id("demo-head-", i + 1)])),
  });
  await seedDemoEnrolments(db, {
    today,
    people: users
      .filter((u) => (u.role === "ACCOUNT_MANAGER" || u.role === "ASSISTANT") && u.status !== "EXITED")
      .map((u) => ({ id: u.id as string, grade: gradeOf.get(u.id as string) ?? null })),
  });

  await seedDemoProgramme(db, { today });
  // After the programme seed: it reads the sessions and attendance written there.
  await seedDemoProgrammeForms(db, { today });
  await seedDemoContests(db, { branches: branches.map((b) => ({ id: b.id, name: b.name })) });

  // A newly opened branch with its head and nobody else yet: every dashboard's empty state has a
  // real viewer (head6). Created last so it draws no random numbers and joins no cycle or quarter.
  const emptyBranch = await db.branch.create({ data: { code: "B99", name: "临港新区支行" } });
  await db.user.create({
    data: {
      id: "demo-head-empty",
      employeeNo: "200099",
      name: "林晓峰",
      email: "head6@eagle.test",
      passwordHash: options.passwordHash,
      role: "BRANCH_HEAD",
      branchId: emptyBranch.id,
      roleStartDate: isoToDate("2026-09-01"),
    },
  });
  await db.branchMembership.create({
    data: { userId: "demo-head-empty", branchId: emptyBranch.id, role: "BRANCH_HEAD", startDate: isoToDate("2026-09-01"), startReason: "SEED" },
  });

  return { templateId, quarters, lastQuarter, branchIds: branches.map((b) => b.id), headOfficeId: headOffice.id, emptyBranchId: emptyBranch.id };
}

function isoFromMonthsAgo(today: IsoDate, months: number): IsoDate {
  const [y, m] = today.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1 - months, 1)).toISOString().slice(0, 10);
}

export { DEFAULT_TEMPLATE, DEFAULT_BANDS, DEFAULT_GRADE_RULES };
