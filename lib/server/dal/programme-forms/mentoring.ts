import "server-only";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { auditRow } from "@/lib/server/audit-row";
import { AuthorizationError, DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { Prisma } from "@/lib/generated/prisma/client";
import { dateToIso, isoToDate, todayInShanghai, type IsoDate } from "@/lib/domain/dates";
import { overdueReflections } from "@/lib/domain/programme";
import type { EndMentorshipInput, MentorshipInput, ReflectionInput, ReplyInput } from "@/lib/schemas/programme-forms";
import type { MentorshipView } from "./views";
import type { z } from "zod";

const ROLE_LABELS: Record<string, string> = { HR: "人力资源部", BRANCH_HEAD: "支行长", ACCOUNT_MANAGER: "对公客户经理", ASSISTANT: "业务助理" };
const GRADE_LABELS: Record<string, string> = { SENIOR: "高级对公客户经理", PRINCIPAL: "资深对公客户经理" };

const include = {
  mentee: { select: { id: true, name: true, employeeNo: true, branch: { select: { name: true } } } },
  mentor: { select: { id: true, name: true, employeeNo: true, role: true } },
  reflections: { orderBy: { month: "desc" } },
} satisfies Prisma.MentorshipInclude;
type Row = Prisma.MentorshipGetPayload<{ include: typeof include }>;

/** "YYYY-MM" months from the start month through min(end month, this month), ascending. */
function monthsSoFar(startsOn: IsoDate, endsOn: IsoDate | null, today: IsoDate): string[] {
  const last = endsOn && endsOn < today ? endsOn.slice(0, 7) : today.slice(0, 7);
  const out: string[] = [];
  let [y, m] = startsOn.slice(0, 7).split("-").map(Number);
  for (let guard = 0; guard < 600; guard++) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    if (key > last) break;
    out.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

async function mentorGrades(ids: string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<
    { userId: string; grade: string | null }[]
  >`SELECT "userId", grade::text AS grade FROM "CurrentGrade" WHERE "userId" = ANY(${ids}::text[])`;
  return new Map(rows.map((r) => [r.userId, r.grade]));
}

function toView(r: Row, today: IsoDate, grades: Map<string, string | null>): MentorshipView {
  const startsOn = dateToIso(r.startsOn);
  const endsOn = r.endsOn ? dateToIso(r.endsOn) : null;
  const submitted = r.reflections.map((x) => x.month);
  const done = new Set(submitted);
  const mentorGrade = grades.get(r.mentor.id);
  return {
    id: r.id,
    mentee: { id: r.mentee.id, name: r.mentee.name, employeeNo: r.mentee.employeeNo, branchName: r.mentee.branch.name },
    mentor: {
      id: r.mentor.id,
      name: r.mentor.name,
      employeeNo: r.mentor.employeeNo,
      roleLabel: (mentorGrade && GRADE_LABELS[mentorGrade]) ?? ROLE_LABELS[r.mentor.role] ?? "",
    },
    startsOn,
    endsOn,
    note: r.note,
    active: startsOn <= today && (!endsOn || endsOn >= today),
    reflections: r.reflections.map((x) => ({
      id: x.id,
      month: x.month,
      body: x.body,
      submittedAt: x.submittedAt.toISOString(),
      reply: x.reply,
      repliedAt: x.repliedAt ? x.repliedAt.toISOString() : null,
    })),
    overdueMonths: overdueReflections({ startsOn, endsOn }, today, submitted),
    openMonths: monthsSoFar(startsOn, endsOn, today)
      .filter((m) => !done.has(m))
      .reverse(),
  };
}

async function views(rows: Row[], today: IsoDate): Promise<MentorshipView[]> {
  const grades = await mentorGrades([...new Set(rows.map((r) => r.mentor.id))]);
  return rows.map((r) => toView(r, today, grades));
}

/** HR: every pair, newest first. */
export async function listMentorships(viewer: Viewer, today: IsoDate = todayInShanghai()): Promise<MentorshipView[] | null> {
  if (viewer.role !== "HR") return null;
  const rows = await db.mentorship.findMany({ include, orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }] });
  return views(rows, today);
}

/** The viewer's pairs, as mentee and as mentor. */
export async function getMyMentoring(viewer: Viewer, today: IsoDate = todayInShanghai()): Promise<{ asMentee: MentorshipView[]; asMentor: MentorshipView[] }> {
  const rows = await db.mentorship.findMany({
    where: { OR: [{ menteeId: viewer.id }, { mentorId: viewer.id }] },
    include,
    orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }],
  });
  const all = await views(rows, today);
  return { asMentee: all.filter((m) => m.mentee.id === viewer.id), asMentor: all.filter((m) => m.mentor.id === viewer.id) };
}

/** For the home-page panels: the viewer's own overdue months, and their mentees' ones. */
export async function getOverdueReflections(viewer: Viewer, today: IsoDate = todayInShanghai()) {
  const { asMentee, asMentor } = await getMyMentoring(viewer, today);
  return {
    mine: asMentee.flatMap((m) => m.overdueMonths.map((month) => ({ mentorshipId: m.id, mentor: m.mentor.name, month }))),
    mentees: asMentor.flatMap((m) => m.overdueMonths.map((month) => ({ mentorshipId: m.id, mentee: m.mentee.name, month }))),
  };
}

/**
 * HR pairs a 见习 account manager (or one not graded yet, who counts as 见习) with a mentor: a
 * 高级/资深 account manager, a branch head or an HR person. A mentee has one pair at a time.
 */
export async function createMentorship(viewer: Viewer, input: MentorshipInput): Promise<{ mentee: string; mentor: string }> {
  if (viewer.role !== "HR") throw new AuthorizationError();
  return db.$transaction(async (tx) => {
    const people = await tx.$queryRaw<{ id: string; employeeNo: string; name: string; role: string; status: string; grade: string | null }[]>`
      SELECT u.id, u."employeeNo", u.name, u.role::text AS role, u.status::text AS status, cg.grade::text AS grade
      FROM "User" u LEFT JOIN "CurrentGrade" cg ON cg."userId" = u.id
      WHERE u."employeeNo" IN (${input.menteeNo}, ${input.mentorNo})
      FOR UPDATE OF u`;
    const mentee = people.find((p) => p.employeeNo === input.menteeNo);
    const mentor = people.find((p) => p.employeeNo === input.mentorNo);
    const fieldErrors: Record<string, string[]> = {};
    if (!mentee) fieldErrors.menteeNo = [`工号 ${input.menteeNo} 不存在`];
    else if (mentee.role !== "ACCOUNT_MANAGER" || mentee.status !== "ACTIVE" || (mentee.grade !== null && mentee.grade !== "TRAINEE")) {
      fieldErrors.menteeNo = [`${mentee.name} 不是在职的见习对公客户经理`];
    }
    if (!mentor) fieldErrors.mentorNo = [`工号 ${input.mentorNo} 不存在`];
    else if (mentor.status !== "ACTIVE") fieldErrors.mentorNo = [`${mentor.name} 已不在职`];
    else if (!(
      mentor.role === "HR" ||
      mentor.role === "BRANCH_HEAD" ||
      (mentor.role === "ACCOUNT_MANAGER" && (mentor.grade === "SENIOR" || mentor.grade === "PRINCIPAL"))
    )) {
      fieldErrors.mentorNo = [`${mentor.name} 不能担任导师：导师须为高级/资深对公客户经理、支行长或人力资源部人员`];
    }
    if (Object.keys(fieldErrors).length > 0) throw new DomainError("请检查学员和导师", fieldErrors);
    const overlapping = await tx.mentorship.findFirst({
      where: {
        menteeId: mentee!.id,
        startsOn: input.endsOn ? { lte: isoToDate(input.endsOn) } : undefined,
        OR: [{ endsOn: null }, { endsOn: { gte: isoToDate(input.startsOn) } }],
      },
      include: { mentor: { select: { name: true } } },
    });
    if (overlapping) throw new DomainError(`${mentee!.name} 在这段时间已有导师（${overlapping.mentor.name}），请先结束原来的结对`);
    const created = await tx.mentorship.create({
      data: {
        menteeId: mentee!.id,
        mentorId: mentor!.id,
        startsOn: isoToDate(input.startsOn),
        endsOn: input.endsOn ? isoToDate(input.endsOn) : null,
        note: input.note,
        createdById: viewer.id,
      },
    });
    await audit(tx, {
      ...auditRow(viewer.id, "MENTORSHIP_CREATE", "Mentorship", created.id),
      after: { menteeId: mentee!.id, mentorId: mentor!.id, startsOn: input.startsOn, endsOn: input.endsOn, note: input.note },
    });
    return { mentee: mentee!.name, mentor: mentor!.name };
  });
}

/** HR ends a pair on a day (not before its start). */
export async function endMentorship(viewer: Viewer, input: z.infer<typeof EndMentorshipInput>): Promise<void> {
  if (viewer.role !== "HR") throw new AuthorizationError();
  await db.$transaction(async (tx) => {
    const m = await tx.mentorship.findUnique({ where: { id: input.mentorshipId } });
    if (!m) throw new DomainError("找不到这对导师结对");
    if (input.endsOn < dateToIso(m.startsOn)) throw new DomainError("结束日期不能早于开始日期", { endsOn: ["结束日期不能早于开始日期"] });
    await tx.mentorship.update({ where: { id: m.id }, data: { endsOn: isoToDate(input.endsOn) } });
    await audit(tx, {
      ...auditRow(viewer.id, "MENTORSHIP_END", "Mentorship", m.id),
      before: { endsOn: m.endsOn ? dateToIso(m.endsOn) : null },
      after: { endsOn: input.endsOn },
    });
  });
}

/**
 * The mentee submits the 工作心得 of a month of the pair (from its start month through its end
 * month, and not a month still to come). One per month; it cannot be changed afterwards.
 */
export async function submitReflection(viewer: Viewer, input: ReflectionInput, today: IsoDate = todayInShanghai()): Promise<void> {
  await db.$transaction(async (tx) => {
    const m = await tx.mentorship.findFirst({ where: { id: input.mentorshipId, menteeId: viewer.id } });
    if (!m) throw new DomainError("找不到这对导师结对，或您不是其中的学员");
    const first = dateToIso(m.startsOn).slice(0, 7);
    const last = m.endsOn ? dateToIso(m.endsOn).slice(0, 7) : null;
    if (input.month < first || (last && input.month > last)) throw new DomainError("所选月份不在导师结对期间内", { month: ["所选月份不在导师结对期间内"] });
    if (input.month > today.slice(0, 7)) throw new DomainError("不能提前提交以后月份的工作心得", { month: ["不能提前提交以后月份的工作心得"] });
    try {
      const created = await tx.reflection.create({ data: { mentorshipId: m.id, month: input.month, body: input.body } });
      await audit(tx, { ...auditRow(viewer.id, "REFLECTION_SUBMIT", "Reflection", created.id), after: { mentorshipId: m.id, month: input.month } });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
        throw new DomainError("这个月的工作心得已经提交过了", { month: ["这个月的工作心得已经提交过了"] });
      throw error;
    }
  });
}

/** The mentor replies to a reflection, once. */
export async function replyReflection(viewer: Viewer, input: ReplyInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const r = await tx.reflection.findFirst({ where: { id: input.reflectionId, mentorship: { mentorId: viewer.id } } });
    if (!r) throw new DomainError("找不到这篇工作心得，或您不是该学员的导师");
    const { count } = await tx.reflection.updateMany({ where: { id: r.id, reply: null }, data: { reply: input.reply, repliedAt: new Date() } });
    if (count !== 1) throw new DomainError("这篇工作心得已经回复过了");
    await audit(tx, { actorId: viewer.id, action: "REFLECTION_REPLY", entity: "Reflection", entityId: r.id, after: { reply: input.reply } });
  });
}
