import "server-only";
import { scopeOf, type Scope } from "@/lib/server/auth/permissions";
import { db } from "@/lib/server/db";
import type { Viewer } from "@/lib/server/auth/viewer";
import { quarterOf, todayInShanghai, type IsoDate, type Quarter } from "@/lib/domain/dates";
import type { Grade, Rating } from "@/lib/domain/grades";
import { nextGradePath, type NextGradePath } from "@/lib/domain/next-grade";
import { getCertificationNames, nameOfCertification } from "../certification-names";
import { latestCommittedReviewQuarter, loadAccountManagers, rulesInForce, type PersonFacts } from "./population";

// "What the next grade needs" for an account manager (/me) and for a branch head's team (/branch).

export interface PathView {
  userId: string;
  name: string;
  employeeNo: string;
  grade: Grade;
  path: NextGradePath;
  /** The last four locked quarters, oldest first. */
  ratings: { quarter: Quarter; rating: Rating | null }[];
}

/** What the next-grade rule reads from a person. */
function pathFacts(p: PersonFacts & { grade: Grade }) {
  const { grade, roleStartDate, ratings, lastChangeQuarter, certifications } = p;
  return { grade, roleStartDate, ratings, lastChangeQuarter, certifications };
}

async function pathsFor(scope: Scope, today: IsoDate): Promise<PathView[]> {
  // Only LOCKED quarters count: an open quarter's ratings can still change.
  const [locked, reviewed, rules, names] = await Promise.all([
    db.appraisalQuarter.findMany({ where: { status: "LOCKED" }, orderBy: { quarter: "desc" }, take: 8, select: { quarter: true } }),
    latestCommittedReviewQuarter(db),
    rulesInForce(db, quarterOf(today)),
    getCertificationNames(),
  ]);
  const quarters = locked.map((q) => q.quarter);
  const people: PersonFacts[] = await loadAccountManagers(db, { quarters, scope });
  const lastFour = quarters.slice(0, 4).reverse();
  const context = { asOf: today, latestLockedQuarter: quarters[0] ?? null, latestReviewedQuarter: reviewed, rules: rules.rules };
  return people
    .filter((p): p is PersonFacts & { grade: Grade } => p.grade !== null)
    .map((p) => ({
      userId: p.id,
      name: p.name,
      employeeNo: p.employeeNo,
      grade: p.grade,
      ratings: lastFour.map((q) => ({ quarter: q, rating: p.ratings[q] ?? null })),
      path: withCertificationNames(names, nextGradePath({ ...context, ...pathFacts(p) })),
    }));
}

/** HR's Chinese names for the certifications still missing, in the list and in the sentence. */
function withCertificationNames(names: Map<string, string>, path: NextGradePath): NextGradePath {
  if (path.missingCertifications.length === 0) return path;
  let sentence = path.sentence;
  const missing = path.missingCertifications.map((c) => {
    const name = nameOfCertification(names, c.code);
    sentence = sentence.replaceAll(`“${c.name}”`, `“${name}”`);
    return { code: c.code, name };
  });
  return { ...path, missingCertifications: missing, sentence };
}

/** The viewer's own path, when they are an active, graded account manager. */
export async function getMyNextGradePath(viewer: Viewer, today: IsoDate = todayInShanghai()): Promise<PathView | null> {
  if (viewer.role !== "ACCOUNT_MANAGER") return null;
  const [mine] = await pathsFor({ kind: "self", userId: viewer.id, branchId: viewer.branchId }, today);
  return mine ?? null;
}

/** Every graded account manager of the branch head's own branch, in one set-based query. */
export async function listTeamPaths(viewer: Viewer, today: IsoDate = todayInShanghai()): Promise<PathView[]> {
  if (viewer.role !== "BRANCH_HEAD") return [];
  return pathsFor(scopeOf(viewer), today);
}
