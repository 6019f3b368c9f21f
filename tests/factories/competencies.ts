// Builders for the competency area: the model, a branch with people, an open cycle, answers.
import { getDb } from "@/lib/server/db";
import { seedCompetencyModel } from "@/prisma/seed/competencies";
import { openCycle } from "@/lib/server/dal/competencies/cycles";
import { nominatePeers } from "@/lib/server/dal/competencies/peers";
import { submitAssessment } from "@/lib/server/dal/competencies/assessments";
import { COMPETENCY_CODES, DEFAULT_SOURCE_WEIGHTS, type CompetencyCode, type Source, type SourceWeights } from "@/lib/domain/competency";
import type { Grade } from "@/lib/domain/grades";
import type { Viewer } from "@/lib/server/auth/viewer";
import { todayInShanghai } from "@/lib/domain/dates";
import { createBranch, createUser, viewerOf } from "./index";

/** Model v1 once per test database. */
export async function ensureModel() {
  const current = await getDb().competencyModel.findFirst({ where: { isCurrent: true } });
  if (current) return current;
  await seedCompetencyModel(getDb());
  return getDb().competencyModel.findFirstOrThrow({ where: { isCurrent: true } });
}

let cycleNo = 0;

export function inDays(days: number): string {
  return todayInShanghai(new Date(Date.now() + days * 86_400_000));
}

/** A branch with a head and account managers of the given grades, and an HR user elsewhere. */
export async function createTeam(grades: Grade[] = ["INTERMEDIATE", "JUNIOR", "SENIOR", "TRAINEE", "PRINCIPAL"]) {
  const branch = await createBranch();
  const head = await createUser({ role: "BRANCH_HEAD", branchId: branch.id });
  const managers = [];
  for (const grade of grades) managers.push(await createUser({ branchId: branch.id, grade, roleStartDate: "2020-01-01" }));
  const hrBranch = await createBranch();
  const hr = await createUser({ role: "HR", branchId: hrBranch.id });
  return { branch, head, managers, hr, viewers: { head: viewerOf(head), hr: viewerOf(hr), am: managers.map(viewerOf) } };
}

export async function openTestCycle(hr: Viewer, branchIds: string[], options: { weights?: SourceWeights; deadline?: string; name?: string } = {}) {
  const w = options.weights ?? DEFAULT_SOURCE_WEIGHTS;
  const { id } = await openCycle(hr, {
    name: options.name ?? `测试周期${++cycleNo}-${Math.random().toString(36).slice(2, 6)}`,
    branchIds,
    deadline: options.deadline ?? inDays(14),
    weightSelf: w.SELF,
    weightManager: w.MANAGER,
    weightPeer: w.PEER,
  });
  return id;
}

export async function formOf(cycleId: string, assesseeId: string, source: Source, assessorId?: string) {
  return getDb().assessment.findFirstOrThrow({ where: { cycleId, assesseeId, source, ...(assessorId ? { assessorId } : {}) } });
}

/** Answers with one level for every competency (or per competency), with comments everywhere. */
export function answers(levels: number | Partial<Record<CompetencyCode, number>>, comment = "具体表现说明") {
  return COMPETENCY_CODES.map((code) => ({ code, level: typeof levels === "number" ? levels : (levels[code] ?? 3), comment }));
}

export async function answer(
  viewer: Viewer,
  cycleId: string,
  assesseeId: string,
  source: Source,
  levels: number | Partial<Record<CompetencyCode, number>>,
  comment?: string,
) {
  const form = await formOf(cycleId, assesseeId, source, viewer.id);
  await submitAssessment(viewer, form.id, answers(levels, comment));
  return form.id;
}

/** Names `peers` for the assessee and has each of the first `answering` submit `levels`. */
export async function peersAnswer(
  by: Viewer,
  cycleId: string,
  assesseeId: string,
  peers: Viewer[],
  levels: (number | Partial<Record<CompetencyCode, number>>)[],
  comment?: string,
) {
  await nominatePeers(by, { cycleId, assesseeId, peerIds: peers.map((p) => p.id) });
  const ids = [];
  for (let i = 0; i < levels.length; i++) ids.push(await answer(peers[i], cycleId, assesseeId, "PEER", levels[i], comment));
  return ids;
}
