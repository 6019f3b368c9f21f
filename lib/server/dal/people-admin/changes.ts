import "server-only";
import { randomBytes } from "node:crypto";
import { syncRequiredEnrolments } from "@/lib/server/dal/courses/assignment";
import { db, type Tx } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { auditRow } from "@/lib/server/audit-row";
import { DomainError } from "@/lib/server/errors";
import { AuthorizationError, type Viewer } from "@/lib/server/auth/viewer";
import { hashPassword } from "@/lib/server/auth/password";
import { dateToIso, isoToDate, quarterOf, todayInShanghai, chineseDateLabel, type IsoDate } from "@/lib/domain/dates";
import { GRADE_LABELS, type Grade, type Role } from "@/lib/domain/grades";

// People administration (DOMAIN §2): hire, 转岗, branch transfer, exit, manual grade change.
// Each change writes the user row, the branch-membership history and the audit rows in ONE
// transaction; nothing is ever deleted — a mistake is undone by a new change.

export interface NewPerson {
  employeeNo: string;
  name: string;
  email: string;
  /** Empty: a random initial password is generated and returned once. */
  password?: string | null;
  role: Role;
  branchId: string;
  roleStartDate?: IsoDate | null;
  /** Initial grade (定级) for an account manager; null = not graded yet. */
  grade?: Grade | null;
}

function assertHr(viewer: Viewer): void {
  if (viewer.role !== "HR") throw new AuthorizationError();
}

/** 10 characters from an alphabet without look-alikes, always with a letter, a digit and a symbol. */
export function generatePassword(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(8);
  let out = "";
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return `${out}@${2 + (bytes[0] % 8)}`;
}

/** Opens a branch period; the caller has closed the previous one. */
async function openMembership(
  tx: Tx,
  row: { userId: string; branchId: string; role: Role; startDate: IsoDate; reason: string; note?: string | null; actorId: string | null },
) {
  await tx.branchMembership.create({
    data: {
      userId: row.userId,
      branchId: row.branchId,
      role: row.role,
      startDate: isoToDate(row.startDate),
      startReason: row.reason,
      note: row.note ?? null,
      createdById: row.actorId,
    },
  });
}

/** Closes the open period on `date` (first day no longer in it). Returns its start. */
async function closeMembership(tx: Tx, userId: string, date: IsoDate, reason: string): Promise<void> {
  await tx.branchMembership.updateMany({ where: { userId, endDate: null }, data: { endDate: isoToDate(date), endReason: reason } });
}

/** The locked, current user row with the start of their open branch period. */
async function lockPerson(tx: Tx, userId: string) {
  const [row] = await tx.$queryRaw<
    { id: string; name: string; employeeNo: string; role: Role; status: "ACTIVE" | "EXITED"; branchId: string; roleStartDate: Date | null }[]
  >`
    SELECT id, name, "employeeNo", role::text AS role, status::text AS status, "branchId", "roleStartDate"
    FROM "User" WHERE id = ${userId} FOR UPDATE`;
  if (!row) throw new DomainError("人员不存在");
  const open = await tx.branchMembership.findFirst({ where: { userId, endDate: null }, orderBy: { startDate: "desc" }, select: { startDate: true } });
  const grade = await tx.$queryRaw<{ grade: Grade | null; since: Date | null }[]>`
    SELECT cg.grade::text AS grade,
           (SELECT max(gc."effectiveDate") FROM "GradeChange" gc WHERE gc."userId" = ${userId} AND gc."voidedAt" IS NULL) AS since
    FROM (SELECT 1) one LEFT JOIN "CurrentGrade" cg ON cg."userId" = ${userId}`;
  return {
    ...row,
    branchSince: open ? dateToIso(open.startDate) : null,
    grade: grade[0]?.grade ?? null,
    lastGradeChange: grade[0]?.since ? dateToIso(grade[0].since) : null,
  };
}

function checkDate(date: IsoDate, today: IsoDate, field = "date"): void {
  if (date > today) throw new DomainError("生效日期不能晚于今天", { [field]: ["生效日期不能晚于今天，请在生效当日或之后登记"] });
}

/**
 * A dated change to one person: HR only, never in the future, made under the person's row lock —
 * in the caller's transaction (an import) or in one of its own.
 */
async function changePerson<T>(
  viewer: Viewer,
  input: { userId: string; date: IsoDate },
  today: IsoDate,
  tx: Tx | undefined,
  change: (t: Tx, p: Awaited<ReturnType<typeof lockPerson>>) => Promise<T>,
): Promise<T> {
  assertHr(viewer);
  checkDate(input.date, today);
  const run = async (t: Tx) => change(t, await lockPerson(t, input.userId));
  return tx ? run(tx) : db.$transaction(run);
}

/** A grade change effective `date`, recorded by `actorId`. */
function recordGradeChange(
  t: Tx,
  actorId: string,
  change: { userId: string; fromGrade: Grade | null; toGrade: Grade | null; date: IsoDate; reason: "INITIAL" | "EXIT" | "MANUAL"; note: string },
) {
  const { date, ...rest } = change;
  return t.gradeChange.create({ data: { ...rest, effectiveDate: isoToDate(date), quarter: quarterOf(date), actorId } });
}

/** HR creates a person, with their branch period and initial grading, in one transaction with its audit rows. */
export async function createPerson(viewer: Viewer, input: NewPerson, tx?: Tx): Promise<{ id: string; password: string | null }> {
  assertHr(viewer);
  const run = async (t: Tx) => {
    const branch = await t.branch.findUnique({ where: { id: input.branchId }, select: { id: true } });
    if (!branch) throw new DomainError("所选机构不存在", { branchId: ["所选机构不存在"] });
    const clash = await t.user.findFirst({
      where: { OR: [{ employeeNo: input.employeeNo }, { email: { equals: input.email, mode: "insensitive" } }] },
      select: { employeeNo: true },
    });
    if (clash) {
      throw clash.employeeNo === input.employeeNo
        ? new DomainError("工号已存在", { employeeNo: ["该工号已被使用"] })
        : new DomainError("邮箱已存在", { email: ["该邮箱已被使用"] });
    }
    if (input.grade && input.role !== "ACCOUNT_MANAGER") throw new DomainError("只有对公客户经理有等级", { grade: ["只有对公客户经理有等级"] });
    const generated = input.password ? null : generatePassword();
    const passwordHash = await hashPassword(input.password || generated!);
    const user = await t.user.create({
      data: {
        employeeNo: input.employeeNo,
        name: input.name,
        email: input.email.toLowerCase(),
        passwordHash,
        role: input.role,
        branchId: input.branchId,
        roleStartDate: input.roleStartDate ? isoToDate(input.roleStartDate) : null,
      },
      select: { id: true, employeeNo: true, name: true, role: true, branchId: true, roleStartDate: true },
    });
    const since = input.roleStartDate ?? todayInShanghai();
    await openMembership(t, { userId: user.id, branchId: input.branchId, role: input.role, startDate: since, reason: "HIRE", actorId: viewer.id });
    await audit(t, { actorId: viewer.id, action: "CREATE_PERSON", entity: "User", entityId: user.id, after: { ...user, branchSince: since } });
    if (input.grade && input.role === "ACCOUNT_MANAGER") {
      const change = await t.gradeChange.create({
        data: {
          userId: user.id,
          fromGrade: null,
          toGrade: input.grade,
          effectiveDate: isoToDate(since),
          quarter: quarterOf(since),
          reason: "INITIAL",
          actorId: viewer.id,
          note: "新增人员定级",
        },
      });
      await audit(t, { ...auditRow(viewer.id, "GRADE_CHANGE", "User", user.id), before: { grade: null }, after: { grade: input.grade, changeId: change.id } });
    }
    await syncRequiredEnrolments(t, [user.id]);
    return { id: user.id, password: generated };
  };
  return tx ? run(tx) : db.$transaction(run);
}

/**
 * 转岗 (DOMAIN §2): an assistant becomes a 见习 account manager on `date` — the assistant period
 * closes, the role starts (roleStartDate = date), grade 见习 as a GradeChange, and the required
 * courses of the foundation tier are assigned, all in one transaction.
 */
export async function convertAssistant(
  viewer: Viewer,
  input: { userId: string; date: IsoDate; note?: string | null },
  today = todayInShanghai(),
): Promise<{ name: string }> {
  return changePerson(viewer, input, today, undefined, async (tx, p) => {
    if (p.status !== "ACTIVE" || p.role !== "ASSISTANT") throw new DomainError(`${p.name}不是在职的业务助理，不能转岗为客户经理`);
    if (p.branchSince && input.date <= p.branchSince) {
      throw new DomainError(`转岗日期须晚于其业务助理任职开始日（${chineseDateLabel(p.branchSince)}）`, { date: ["转岗日期须晚于业务助理任职开始日"] });
    }
    await tx.user.update({ where: { id: p.id }, data: { role: "ACCOUNT_MANAGER", roleStartDate: isoToDate(input.date) } });
    await closeMembership(tx, p.id, input.date, "ROLE_CHANGE");
    await openMembership(tx, {
      userId: p.id,
      branchId: p.branchId,
      role: "ACCOUNT_MANAGER",
      startDate: input.date,
      reason: "ROLE_CHANGE",
      note: input.note,
      actorId: viewer.id,
    });
    const note = input.note ? `业务助理转岗为客户经理：${input.note}` : "业务助理转岗为客户经理";
    const change = await recordGradeChange(tx, viewer.id, { userId: p.id, fromGrade: null, toGrade: "TRAINEE", date: input.date, reason: "INITIAL", note });
    const assigned = await syncRequiredEnrolments(tx, [p.id]);
    await audit(tx, [
      {
        actorId: viewer.id,
        action: "ROLE_CHANGE",
        entity: "User",
        entityId: p.id,
        before: { role: "ASSISTANT", roleStartDate: p.roleStartDate },
        after: { role: "ACCOUNT_MANAGER", roleStartDate: input.date, requiredCoursesAssigned: assigned },
        note: input.note ?? null,
      },
      {
        actorId: viewer.id,
        action: "GRADE_CHANGE",
        entity: "User",
        entityId: p.id,
        before: { grade: null },
        after: { grade: "TRAINEE", reason: "INITIAL", changeId: change.id },
      },
    ]);
    return { name: p.name };
  });
}

/** A branch transfer effective `date`: the old period ends, a new one starts; scope follows the new branch. */
export async function transferBranch(
  viewer: Viewer,
  input: { userId: string; branchId: string; date: IsoDate; note?: string | null },
  today = todayInShanghai(),
  tx?: Tx,
): Promise<{ name: string; branchName: string }> {
  return changePerson(viewer, input, today, tx, async (t, p) => {
    if (p.status !== "ACTIVE") throw new DomainError(`${p.name}已退出，不能调动`);
    const branch = await t.branch.findUnique({ where: { id: input.branchId }, select: { id: true, name: true } });
    if (!branch) throw new DomainError("所选机构不存在", { branchId: ["所选机构不存在"] });
    if (branch.id === p.branchId) throw new DomainError(`${p.name}已在${branch.name}`, { branchId: ["请选择另一个机构"] });
    if (p.branchSince && input.date <= p.branchSince) {
      throw new DomainError(`调动生效日期须晚于进入现机构的日期（${chineseDateLabel(p.branchSince)}）`, { date: ["须晚于进入现机构的日期"] });
    }
    await t.user.update({ where: { id: p.id }, data: { branchId: branch.id } });
    await closeMembership(t, p.id, input.date, "TRANSFER");
    await openMembership(t, {
      userId: p.id,
      branchId: branch.id,
      role: p.role,
      startDate: input.date,
      reason: "TRANSFER",
      note: input.note,
      actorId: viewer.id,
    });
    await audit(t, {
      ...auditRow(viewer.id, "BRANCH_TRANSFER", "User", p.id),
      before: { branchId: p.branchId },
      after: { branchId: branch.id, effectiveDate: input.date },
      note: input.note ?? null,
    });
    return { name: p.name, branchName: branch.name };
  });
}

/** 退出 outside a review: status EXITED, the branch period ends, an account manager's grade ends with an EXIT change. */
export async function exitPerson(
  viewer: Viewer,
  input: { userId: string; date: IsoDate; reason: string },
  today = todayInShanghai(),
  tx?: Tx,
): Promise<{ name: string }> {
  return changePerson(viewer, input, today, tx, async (t, p) => {
    if (input.userId === viewer.id) throw new DomainError("不能为自己办理退出");
    if (p.status !== "ACTIVE") throw new DomainError(`${p.name}已退出`);
    if (p.branchSince && input.date < p.branchSince)
      throw new DomainError(`退出日期不能早于进入现机构的日期（${chineseDateLabel(p.branchSince)}）`, { date: ["退出日期过早"] });
    await t.user.update({ where: { id: p.id }, data: { status: "EXITED", exitedAt: isoToDate(input.date) } });
    await closeMembership(t, p.id, input.date, "EXIT");
    let changeId: string | null = null;
    if (p.role === "ACCOUNT_MANAGER" && p.grade) {
      const change = await recordGradeChange(t, viewer.id, {
        userId: p.id,
        fromGrade: p.grade,
        toGrade: null,
        date: input.date,
        reason: "EXIT",
        note: input.reason,
      });
      changeId = change.id;
    }
    await audit(t, {
      ...auditRow(viewer.id, "EXIT_PERSON", "User", p.id),
      before: { status: "ACTIVE", grade: p.grade },
      after: { status: "EXITED", exitedAt: input.date, changeId },
      note: input.reason,
    });
    return { name: p.name };
  });
}

/** A manual grade change (MANUAL) with a reason; it starts a fresh streak like any change. */
export async function changeGradeManually(
  viewer: Viewer,
  input: { userId: string; grade: Grade; date: IsoDate; reason: string },
  today = todayInShanghai(),
): Promise<{ name: string }> {
  return changePerson(viewer, input, today, undefined, async (tx, p) => {
    if (p.status !== "ACTIVE" || p.role !== "ACCOUNT_MANAGER") throw new DomainError(`${p.name}不是在职的对公客户经理，不能调整等级`);
    if (p.grade === input.grade) throw new DomainError(`${p.name}已是${GRADE_LABELS[input.grade]}`, { grade: ["请选择不同的等级"] });
    if (p.lastGradeChange && input.date < p.lastGradeChange) {
      throw new DomainError(`生效日期不能早于上一次等级变动（${chineseDateLabel(p.lastGradeChange)}）`, { date: ["不能早于上一次等级变动"] });
    }
    if (p.roleStartDate && input.date < dateToIso(p.roleStartDate)) throw new DomainError("生效日期不能早于任职起始日", { date: ["不能早于任职起始日"] });
    const change = await recordGradeChange(tx, viewer.id, {
      userId: p.id,
      fromGrade: p.grade,
      toGrade: input.grade,
      date: input.date,
      reason: "MANUAL",
      note: input.reason,
    });
    await syncRequiredEnrolments(tx, [p.id]);
    await audit(tx, {
      ...auditRow(viewer.id, "GRADE_CHANGE", "User", p.id),
      before: { grade: p.grade },
      after: { grade: input.grade, reason: "MANUAL", changeId: change.id, effectiveDate: input.date },
      note: input.reason,
    });
    return { name: p.name };
  });
}
