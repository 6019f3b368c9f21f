import "server-only";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { auditRow } from "@/lib/server/audit-row";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { dateToIso } from "@/lib/domain/dates";
import { defaultPhases, defaultProgrammeName, shiftDateByYears, shiftQuarterByYears } from "@/lib/domain/programme-plan";
import type { Grade } from "@/lib/domain/grades";
import { assertHr, phaseData, phaseSelect, seatCounts, sessionSelect, toPhaseBase, toSessionSummary } from "./shared";
import type { ProgrammeListItem, ProgrammeYearView } from "./views";

const yearSelect = { id: true, year: true, name: true } as const;
const enrolled = { status: "ENROLLED" } as const;

export async function listProgrammes(viewer: Viewer): Promise<ProgrammeListItem[]> {
  assertHr(viewer);
  const years = await db.programmeYear.findMany({
    orderBy: { year: "desc" },
    select: {
      ...yearSelect,
      phases: { orderBy: { startsOn: "asc" }, select: { ...phaseSelect, _count: { select: { sessions: true, participants: { where: enrolled } } } } },
    },
  });
  return years.map(({ phases, ...y }) => ({
    ...y,
    phases: phases.map((p) => ({ ...toPhaseBase(p), sessions: p._count.sessions, participants: p._count.participants })),
  }));
}

async function assertYearFree(year: number) {
  const exists = await db.programmeYear.findUnique({ where: { year }, select: { id: true } });
  if (exists) throw new DomainError(`${year} 年度的培训项目已存在`, { year: [`${year} 年度的培训项目已存在`] });
}

/** A new programme year with the three default phases of DOMAIN §8 (all in planning). */
export async function createProgramme(viewer: Viewer, input: { year: number; name: string }): Promise<{ id: string }> {
  assertHr(viewer);
  await assertYearFree(input.year);
  const name = input.name.trim() || defaultProgrammeName(input.year);
  return db.$transaction(async (tx) => {
    const programme = await tx.programmeYear.create({ data: { year: input.year, name, createdById: viewer.id } });
    const phases = defaultPhases(input.year);
    await tx.phase.createMany({ data: phases.map((p) => phaseData(programme.id, p)) });
    await audit(tx, {
      ...auditRow(viewer.id, "PROGRAMME_CREATE", "ProgrammeYear", programme.id),
      after: { year: input.year, name, phases: phases.map((p) => p.name) },
    });
    return { id: programme.id };
  });
}

/**
 * The next year copied from a programme: its phases with dates and quarters one year later,
 * target grades, assistants, goal and budget, all back in planning. Sessions, participants and
 * attendance are not copied: times, places and lecturers are set anew each year, and participants
 * are proposed by the grades held on the new start dates.
 */
export async function copyProgramme(viewer: Viewer, fromProgrammeId: string): Promise<{ id: string; year: number }> {
  assertHr(viewer);
  const from = await db.programmeYear.findUnique({ where: { id: fromProgrammeId }, select: { id: true, year: true, name: true, phases: true } });
  if (!from) throw new DomainError("找不到要复制的培训项目");
  const year = from.year + 1;
  await assertYearFree(year);
  const name = from.name.includes(String(from.year)) ? from.name.replaceAll(String(from.year), String(year)) : defaultProgrammeName(year);
  return db.$transaction(async (tx) => {
    const programme = await tx.programmeYear.create({ data: { year, name, createdById: viewer.id } });
    await tx.phase.createMany({
      data: from.phases.map((p) =>
        phaseData(programme.id, {
          kind: p.kind,
          name: p.name,
          startsOn: shiftDateByYears(dateToIso(p.startsOn), 1),
          endsOn: shiftDateByYears(dateToIso(p.endsOn), 1),
          grades: p.grades as Grade[],
          includeAssistants: p.includeAssistants,
          goal: p.goal,
          budget: p.budget,
          feedsQuarter: shiftQuarterByYears(p.feedsQuarter, 1),
        }),
      ),
    });
    await audit(tx, { ...auditRow(viewer.id, "PROGRAMME_COPY", "ProgrammeYear", programme.id), after: { year, name, copiedFrom: from.year } });
    return { id: programme.id, year };
  });
}

/** A year with its phases and their sessions (the timeline and list views). */
export async function getProgrammeYear(viewer: Viewer, programmeId: string): Promise<ProgrammeYearView | null> {
  assertHr(viewer);
  const y = await db.programmeYear.findUnique({
    where: { id: programmeId },
    select: {
      ...yearSelect,
      phases: {
        orderBy: { startsOn: "asc" },
        select: {
          ...phaseSelect,
          grades: true,
          includeAssistants: true,
          sessions: { orderBy: { startsAt: "asc" }, select: sessionSelect },
          _count: { select: { participants: { where: enrolled } } },
        },
      },
    },
  });
  if (!y) return null;
  const sessionIds = y.phases.flatMap((p) => p.sessions.map((s) => s.id));
  const [counts, proposals] = await Promise.all([
    seatCounts(db, sessionIds),
    db.phaseParticipant.groupBy({ by: ["phaseId"], where: { phaseId: { in: y.phases.map((p) => p.id) }, status: "PROPOSED" }, _count: { _all: true } }),
  ]);
  const proposalsBy = new Map(proposals.map((p) => [p.phaseId, p._count._all]));
  return {
    id: y.id,
    year: y.year,
    name: y.name,
    phases: y.phases.map((p) => ({
      ...toPhaseBase(p),
      grades: p.grades as Grade[],
      includeAssistants: p.includeAssistants,
      participants: p._count.participants,
      proposals: proposalsBy.get(p.id) ?? 0,
      sessions: p.sessions.map((s) => toSessionSummary(s, counts.get(s.id))),
    })),
  };
}
