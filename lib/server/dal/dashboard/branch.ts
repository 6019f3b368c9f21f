import "server-only";
import { db } from "@/lib/server/db";
import { cachedByVersion, versionedCache } from "@/lib/server/cache";
import { AuthorizationError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { addQuarters, dateToIso, todayInShanghai, type IsoDate } from "@/lib/domain/dates";
import { PEER_ANONYMITY_THRESHOLD } from "@/lib/domain/competency";
import { ladderOutlook } from "@/lib/domain/dashboard";
import { tenureMonths } from "@/lib/domain/tenure";
import type { Role } from "@/lib/domain/grades";
import { latestCommittedReviewQuarter, loadAccountManagers, rulesInForce } from "../review/population";
import type { TeamMemberView, WaitingItem } from "./views";

// The branch head's home: every loader is scoped to the viewer's own branch and set-based.

function assertHead(viewer: Viewer) {
  if (viewer.role !== "BRANCH_HEAD") throw new AuthorizationError();
}

/**
 * The team: account managers with grade, tenure, the last four locked quarters' ratings and the
 * rule engine's outlook (pending review of the latest locked quarter, else the next quarter with a
 * hypothetical 优秀 / 基本合格); then assistants. One query for the account managers' facts.
 */
export async function listTeam(viewer: Viewer, today: IsoDate = todayInShanghai()): Promise<TeamMemberView[]> {
  assertHead(viewer);
  return cachedByVersion(teamCache, ["review"], `${viewer.branchId}|${today}`, () => teamOf(viewer.branchId, today));
}

// Per branch, day (tenure) and "review" data version: quarters, ratings, grades, certifications,
// rules, reviews and people are all behind it (lib/server/cache.ts).
const teamCache = versionedCache<TeamMemberView[]>("branch-team", 64);

async function teamOf(branchId: string, today: IsoDate): Promise<TeamMemberView[]> {
  const locked = await db.appraisalQuarter.findMany({ where: { status: "LOCKED" }, orderBy: { quarter: "desc" }, take: 4, select: { quarter: true } });
  const quarters = locked.map((q) => q.quarter);
  const latest = quarters[0] ?? null;
  const [people, reviewed, rules, assistants] = await Promise.all([
    loadAccountManagers(db, { quarters, scope: { kind: "branch", branchId } }),
    latestCommittedReviewQuarter(db),
    latest ? rulesInForce(db, addQuarters(latest, 1)) : Promise.resolve(null),
    db.user.findMany({
      where: { branchId, role: "ASSISTANT", status: "ACTIVE" },
      orderBy: { employeeNo: "asc" },
      select: { id: true, name: true, employeeNo: true, roleStartDate: true },
    }),
  ]);
  const lastFour = quarters.slice().reverse();
  const managers: TeamMemberView[] = people.map((p) => ({
    id: p.id,
    name: p.name,
    employeeNo: p.employeeNo,
    role: "ACCOUNT_MANAGER",
    grade: p.grade,
    roleStartDate: p.roleStartDate,
    tenureMonths: p.roleStartDate ? tenureMonths(p.roleStartDate, today) : null,
    ratings: lastFour.map((q) => ({ quarter: q, rating: p.ratings[q] ?? null })),
    outlook: p.grade
      ? ladderOutlook({
          grade: p.grade,
          roleStartDate: p.roleStartDate,
          ratings: p.ratings,
          latestLockedQuarter: latest,
          latestReviewedQuarter: reviewed,
          lastChangeQuarter: p.lastChangeQuarter,
          certifications: p.certifications,
          rules: rules?.rules ?? null,
        })
      : { kind: "NONE" },
  }));
  const others: TeamMemberView[] = assistants.map((a) => {
    const start = a.roleStartDate ? dateToIso(a.roleStartDate) : null;
    return {
      id: a.id,
      name: a.name,
      employeeNo: a.employeeNo,
      role: "ASSISTANT",
      grade: null,
      roleStartDate: start,
      tenureMonths: start ? tenureMonths(start, today) : null,
      ratings: [],
      outlook: { kind: "NONE" },
    };
  });
  return [...managers, ...others];
}

/**
 * Everything waiting for the branch head, each with a link: ratings still to give in open
 * quarters, their own manager forms, people of open cycles with fewer than three peers named,
 * action plans of their people without a follow-up in the last 30 days, and reflections of their
 * mentees without a reply. Counts only: the linked pages list the people.
 */
export async function waitingForHead(viewer: Viewer, now = new Date()): Promise<WaitingItem[]> {
  assertHead(viewer);
  const branchId = viewer.branchId;
  // One round trip: the five counts as rows of one UNION ALL, in the list's order.
  const rows = await db.$queryRaw<{ kind: WaitingItem["kind"]; label: string | null; n: bigint }[]>`
    SELECT * FROM (
      SELECT 1 AS part, 'RATINGS' AS kind, q.quarter AS label, count(u.id) AS n
      FROM "AppraisalQuarter" q
      JOIN "User" u ON u."branchId" = ${branchId} AND u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE'
      LEFT JOIN "Appraisal" a ON a."userId" = u.id AND a.quarter = q.quarter AND a.rating IS NOT NULL
      WHERE q.status = 'OPEN' AND a.id IS NULL
      GROUP BY q.quarter
      UNION ALL
      SELECT 2, 'MANAGER_ASSESSMENTS', c.name, count(*)
      FROM "Assessment" a JOIN "AssessmentCycle" c ON c.id = a."cycleId" JOIN "User" u ON u.id = a."assesseeId"
      WHERE a."assessorId" = ${viewer.id} AND a.source = 'MANAGER' AND a."submittedAt" IS NULL
        AND c.status = 'OPEN' AND c.deadline >= ${now} AND u."branchId" = ${branchId}
      GROUP BY c.id, c.name
      UNION ALL
      SELECT 3, 'PEER_NOMINATIONS', c.name, count(*)
      FROM "Assessment" s
      JOIN "AssessmentCycle" c ON c.id = s."cycleId"
      JOIN "User" u ON u.id = s."assesseeId"
      WHERE s.source = 'SELF' AND c.status = 'OPEN' AND c.deadline >= ${now} AND u."branchId" = ${branchId} AND u.status = 'ACTIVE'
        AND (SELECT count(*) FROM "Assessment" p WHERE p."cycleId" = s."cycleId" AND p."assesseeId" = s."assesseeId" AND p.source = 'PEER') < ${PEER_ANONYMITY_THRESHOLD}
      GROUP BY c.id, c.name
      UNION ALL
      SELECT 4, 'FOLLOW_UPS', NULL, count(*) FROM "ActionPlan" ap
      JOIN "User" u ON u.id = ap."userId"
      JOIN "Phase" ph ON ph.id = ap."phaseId"
      WHERE u."branchId" = ${branchId} AND u.status = 'ACTIVE' AND ap.status = 'SUBMITTED' AND ap."finalScore" IS NULL
        AND ph.status <> 'CLOSED'
        AND NOT EXISTS (SELECT 1 FROM "ActionPlanFollowUp" f WHERE f."actionPlanId" = ap.id AND f."recordedAt" >= ${now}::timestamptz - interval '30 days')
      UNION ALL
      SELECT 5, 'REFLECTIONS', NULL, count(*) FROM "Reflection" r JOIN "Mentorship" m ON m.id = r."mentorshipId"
      WHERE m."mentorId" = ${viewer.id} AND r.reply IS NULL
    ) w
    ORDER BY part, label`;
  const items: WaitingItem[] = [];
  for (const { kind, label, n } of rows) {
    const count = Number(n);
    if (count === 0) continue;
    if (kind === "RATINGS") items.push({ kind, quarter: label!, count, href: `/branch/appraisal/${label}?status=UNRATED` });
    else if (kind === "MANAGER_ASSESSMENTS" || kind === "PEER_NOMINATIONS") items.push({ kind, cycleName: label!, count, href: "/branch/competencies" });
    // Slots for the programme year (issue 8): the follow-up and reflection pages come with it.
    else if (kind === "FOLLOW_UPS") items.push({ kind, count, href: "/branch/action-plans" });
    else items.push({ kind, count, href: "/mentoring" });
  }
  return items;
}

export type { Role };
