import "server-only";
import { db } from "@/lib/server/db";
import type { Viewer } from "@/lib/server/auth/viewer";
import { addQuarters, dateToIso, previousQuarter, quarterOf } from "@/lib/domain/dates";
import { round } from "@/lib/domain/scoring";
import type { EffectSide, PhaseReportView, ReportLecturerRow, ReportSessionRow } from "./views";
import { num } from "./shared";

/**
 * The quarters the effect measure compares (README, domain choices): the quarter before the one in
 * which the phase starts, and the quarter after the one in which it ends. For 雏鹰 in April:
 * Q1 vs Q3; for 金鹰 in July: Q2 vs Q4.
 */
export function effectQuarters(startsOn: string, endsOn: string): { before: string; after: string } {
  return { before: previousQuarter(quarterOf(startsOn)), after: addQuarters(quarterOf(endsOn), 1) };
}

const rate = (part: number, whole: number) => (whole > 0 ? round(part / whole, 4) : null);
const mean = (v: unknown) => {
  const n = num(v);
  return n === null ? null : round(n);
};

type Aspects = { content: number | null; delivery: number | null; organisation: number | null; applicability: number | null; overall: number | null };
function aspects(r: Aspects): Aspects {
  return {
    content: mean(r.content),
    delivery: mean(r.delivery),
    organisation: mean(r.organisation),
    applicability: mean(r.applicability),
    overall: mean(r.overall),
  };
}

/**
 * HR's report of one phase, every figure aggregated in SQL: participants, attendance, evaluation
 * means per session and per lecturer, comments, action-plan submission/follow-up rates, and the
 * attendees' mean appraisal before and after the phase. Null (→ 404) for anyone but HR or an
 * unknown phase.
 */
export async function getPhaseReport(viewer: Viewer, programmeId: string, phaseId: string, now: Date = new Date()): Promise<PhaseReportView | null> {
  if (viewer.role !== "HR") return null;
  const phase = await db.phase.findFirst({ where: { id: phaseId, programmeId }, include: { programme: { select: { id: true, name: true } } } });
  if (!phase) return null;
  const startsOn = dateToIso(phase.startsOn);
  const endsOn = dateToIso(phase.endsOn);
  const quarters = effectQuarters(startsOn, endsOn);

  const [participantRows, attendanceRows, sessionRows, lecturerRows, commentRows, planRows, effectRows] = await Promise.all([
    db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "PhaseParticipant" WHERE "phaseId" = ${phase.id} AND status = 'ENROLLED'`,
    // Expected (session, person) pairs of sessions that have started: enrolled seats, plus anyone
    // whose attendance was recorded without a seat.
    db.$queryRaw<{ expected: bigint; attended: bigint }[]>`
      WITH started AS (SELECT id FROM "TrainingSession" WHERE "phaseId" = ${phase.id} AND "startsAt" <= ${now}),
      pairs AS (
        SELECT x."sessionId", x."userId" FROM "SessionSeat" x WHERE x."sessionId" IN (SELECT id FROM started) AND x.status = 'ENROLLED'
        UNION
        SELECT a."sessionId", a."userId" FROM "Attendance" a WHERE a."sessionId" IN (SELECT id FROM started)
      )
      SELECT count(*) AS expected, count(*) FILTER (WHERE a.status IN ('PRESENT', 'LATE')) AS attended
      FROM pairs k LEFT JOIN "Attendance" a ON a."sessionId" = k."sessionId" AND a."userId" = k."userId"`,
    db.$queryRaw<
      (Omit<ReportSessionRow, "startsAt" | "seats" | "attended" | "evaluations"> & { startsAt: Date; seats: bigint; attended: bigint; evaluations: bigint })[]
    >`
      SELECT s.id, s.title, s."startsAt", coalesce(l.name, s."lecturerName", '未指定讲师') AS lecturer,
             (SELECT count(*) FROM "SessionSeat" x WHERE x."sessionId" = s.id AND x.status = 'ENROLLED') AS seats,
             (SELECT count(*) FROM "Attendance" a WHERE a."sessionId" = s.id AND a.status IN ('PRESENT', 'LATE')) AS attended,
             ev.n AS evaluations, ev.content, ev.delivery, ev.organisation, ev.applicability, ev.overall
      FROM "TrainingSession" s
      LEFT JOIN "User" l ON l.id = s."lecturerId"
      LEFT JOIN LATERAL (
        SELECT count(*) AS n, avg(e.content)::float8 AS content, avg(e.delivery)::float8 AS delivery,
               avg(e.organisation)::float8 AS organisation, avg(e.applicability)::float8 AS applicability,
               avg((e.content + e.delivery + e.organisation + e.applicability) / 4.0)::float8 AS overall
        FROM "Evaluation" e WHERE e."sessionId" = s.id AND e.status = 'SUBMITTED'
      ) ev ON true
      WHERE s."phaseId" = ${phase.id}
      ORDER BY s."startsAt", s.title`,
    db.$queryRaw<(Omit<ReportLecturerRow, "sessions" | "evaluations"> & { sessions: bigint; evaluations: bigint })[]>`
      SELECT coalesce(l.name, s."lecturerName", '未指定讲师') AS lecturer, count(DISTINCT s.id) AS sessions, count(e.id) AS evaluations,
             avg(e.content)::float8 AS content, avg(e.delivery)::float8 AS delivery, avg(e.organisation)::float8 AS organisation,
             avg(e.applicability)::float8 AS applicability, avg((e.content + e.delivery + e.organisation + e.applicability) / 4.0)::float8 AS overall
      FROM "TrainingSession" s
      LEFT JOIN "User" l ON l.id = s."lecturerId"
      LEFT JOIN "Evaluation" e ON e."sessionId" = s.id AND e.status = 'SUBMITTED'
      WHERE s."phaseId" = ${phase.id}
      GROUP BY 1
      ORDER BY 1`,
    // Comments without names: the evaluation form is anonymous in the report.
    db.$queryRaw<{ sessionTitle: string; comment: string }[]>`
      SELECT s.title AS "sessionTitle", e.comments AS comment
      FROM "Evaluation" e JOIN "TrainingSession" s ON s.id = e."sessionId"
      WHERE s."phaseId" = ${phase.id} AND e.status = 'SUBMITTED' AND coalesce(btrim(e.comments), '') <> ''
      ORDER BY s."startsAt", e."submittedAt"
      LIMIT 300`,
    db.$queryRaw<{ attendees: bigint; submitted: bigint; followed: bigint; f30: bigint; f60: bigint; f90: bigint; scored: bigint; meanScore: number | null }[]>`
      WITH att AS (
        SELECT DISTINCT a."userId" FROM "Attendance" a JOIN "TrainingSession" s ON s.id = a."sessionId"
        WHERE s."phaseId" = ${phase.id} AND a.status IN ('PRESENT', 'LATE')
      ),
      plans AS (
        SELECT p.id, p."finalScore",
               EXISTS (SELECT 1 FROM "ActionPlanFollowUp" f WHERE f."actionPlanId" = p.id) AS followed,
               EXISTS (SELECT 1 FROM "ActionPlanFollowUp" f WHERE f."actionPlanId" = p.id AND f.checkpoint = 30) AS f30,
               EXISTS (SELECT 1 FROM "ActionPlanFollowUp" f WHERE f."actionPlanId" = p.id AND f.checkpoint = 60) AS f60,
               EXISTS (SELECT 1 FROM "ActionPlanFollowUp" f WHERE f."actionPlanId" = p.id AND f.checkpoint = 90) AS f90
        FROM "ActionPlan" p WHERE p."phaseId" = ${phase.id} AND p.status = 'SUBMITTED'
      )
      SELECT (SELECT count(*) FROM att) AS attendees, count(*) AS submitted,
             count(*) FILTER (WHERE followed) AS followed, count(*) FILTER (WHERE f30) AS f30,
             count(*) FILTER (WHERE f60) AS f60, count(*) FILTER (WHERE f90) AS f90,
             count("finalScore") AS scored, avg("finalScore")::float8 AS "meanScore"
      FROM plans`,
    db.$queryRaw<{ quarter: string; rated: bigint; scored: bigint; meanScore: number | null; meanLevel: number | null }[]>`
      WITH att AS (
        SELECT DISTINCT a."userId" FROM "Attendance" a JOIN "TrainingSession" s ON s.id = a."sessionId"
        WHERE s."phaseId" = ${phase.id} AND a.status IN ('PRESENT', 'LATE')
      )
      SELECT ap.quarter, count(*) AS rated, count(ap.score) AS scored, avg(ap.score)::float8 AS "meanScore",
             avg(CASE ap.rating WHEN 'EXCELLENT' THEN 5 WHEN 'GOOD' THEN 4 WHEN 'QUALIFIED' THEN 3 WHEN 'BASIC' THEN 2 ELSE 1 END)::float8 AS "meanLevel"
      FROM "Appraisal" ap JOIN att ON att."userId" = ap."userId"
      WHERE ap.quarter IN (${quarters.before}, ${quarters.after}) AND ap.rating IS NOT NULL
      GROUP BY ap.quarter`,
  ]);

  const expected = Number(attendanceRows[0]?.expected ?? 0);
  const attended = Number(attendanceRows[0]?.attended ?? 0);
  const p = planRows[0];
  const attendees = Number(p?.attendees ?? 0);
  const submitted = Number(p?.submitted ?? 0);
  const followed = Number(p?.followed ?? 0);
  const side = (quarter: string): EffectSide => {
    const r = effectRows.find((x) => x.quarter === quarter);
    return { quarter, rated: Number(r?.rated ?? 0), scored: Number(r?.scored ?? 0), meanScore: mean(r?.meanScore), meanLevel: mean(r?.meanLevel) };
  };
  return {
    programme: phase.programme,
    phase: { id: phase.id, name: phase.name, startsOn, endsOn, feedsQuarter: phase.feedsQuarter, status: phase.status },
    participants: Number(participantRows[0]?.n ?? 0),
    attendees,
    expectedAttendance: expected,
    attendedCount: attended,
    attendanceRate: rate(attended, expected),
    sessions: sessionRows.map((s) => ({
      id: s.id,
      title: s.title,
      startsAt: s.startsAt.toISOString(),
      lecturer: s.lecturer,
      seats: Number(s.seats),
      attended: Number(s.attended),
      evaluations: Number(s.evaluations),
      ...aspects(s),
    })),
    lecturers: lecturerRows.map((l) => ({ lecturer: l.lecturer, sessions: Number(l.sessions), evaluations: Number(l.evaluations), ...aspects(l) })),
    comments: commentRows,
    plans: {
      submitted,
      submissionRate: rate(submitted, attendees),
      followedUp: followed,
      followUpRate: rate(followed, submitted),
      byCheckpoint: { 30: Number(p?.f30 ?? 0), 60: Number(p?.f60 ?? 0), 90: Number(p?.f90 ?? 0) },
      scored: Number(p?.scored ?? 0),
      meanFinalScore: mean(p?.meanScore),
    },
    effect: { before: side(quarters.before), after: side(quarters.after) },
  };
}
