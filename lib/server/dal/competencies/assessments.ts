import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import type { Grade } from "@/lib/domain/grades";
import { todayInShanghai, type IsoDate } from "@/lib/domain/dates";
import { COMPETENCY_CODES, COMPETENCY_LABELS, validateRating, type CompetencyCode, type Source } from "@/lib/domain/competency";
import type { AssessmentAnswer } from "@/lib/schemas/competencies";
import { getModel, type CompetencyView } from "./model";
import { currentGrades, cycleSelect, deadlinePassedMessage, isAcceptingAnswers, toCycleRef, type CycleRef } from "./shared";

export interface PendingForm {
  id: string;
  cycleId: string;
  cycleName: string;
  deadline: IsoDate;
  source: Source;
  assesseeId: string;
  assesseeName: string;
}

/**
 * The forms the viewer still has to fill in cycles that take answers: their self-assessment, the
 * peers they were named for and, for a branch head, the manager forms of their own people.
 */
export async function listPendingForms(viewer: Viewer, options: { cycleId?: string; source?: Source } = {}, now = new Date()): Promise<PendingForm[]> {
  return (await pendingFormsUntil(viewer, options, now)).forms;
}

/**
 * The pending forms and the instants their cycles' deadlines fall (a form stops being due when its
 * deadline passes: a cache of the list is good until the first of them).
 */
export async function pendingFormsUntil(
  viewer: Viewer,
  options: { cycleId?: string; source?: Source } = {},
  now = new Date(),
): Promise<{ forms: PendingForm[]; deadlines: Date[] }> {
  const rows = await db.assessment.findMany({
    where: {
      assessorId: viewer.id,
      submittedAt: null,
      cycle: { status: "OPEN", deadline: { gte: now }, ...(options.cycleId ? { id: options.cycleId } : {}) },
      ...(options.source ? { source: options.source } : {}),
    },
    select: { id: true, cycleId: true, source: true, assesseeId: true, cycle: { select: { name: true, deadline: true } } },
  });
  if (rows.length === 0) return { forms: [], deadlines: [] };
  const people = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [...new Set(rows.map((r) => r.assesseeId))] } },
        select: { id: true, name: true, branchId: true, employeeNo: true },
      })
    ).map((u) => [u.id, u]),
  );
  const order: Record<Source, number> = { SELF: 0, MANAGER: 1, PEER: 2 };
  const forms = rows
    .filter((r) => r.source !== "MANAGER" || (viewer.role === "BRANCH_HEAD" && people.get(r.assesseeId)?.branchId === viewer.branchId))
    .map((r) => ({
      id: r.id,
      cycleId: r.cycleId,
      cycleName: r.cycle.name,
      deadline: todayInShanghai(r.cycle.deadline),
      source: r.source,
      assesseeId: r.assesseeId,
      assesseeName: people.get(r.assesseeId)?.name ?? "",
      employeeNo: people.get(r.assesseeId)?.employeeNo ?? "",
    }))
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || order[a.source] - order[b.source] || a.employeeNo.localeCompare(b.employeeNo))
    .map(({ employeeNo: _employeeNo, ...form }) => form);
  return { forms, deadlines: rows.map((r) => r.cycle.deadline) };
}

export interface AssessmentFormView {
  id: string;
  source: Source;
  cycle: CycleRef;
  assessee: { id: string; name: string; employeeNo: string; grade: Grade | null; branchName: string };
  competencies: (Pick<CompetencyView, "code" | "name" | "definition" | "indicators"> & { required: number | null })[];
  submittedAt: Date | null;
  /** The viewer's own answers once submitted (a form is only ever shown to its assessor). */
  answers: Partial<Record<CompetencyCode, { level: number; comment: string | null }>>;
}

/** Why the viewer may not answer this form, or null. The form must already be the viewer's. */
function scopeRefusal(viewer: Viewer, form: { source: Source; assesseeId: string }, assessee: { branchId: string } | null): string | null {
  if (!assessee) return "被评估人不存在";
  switch (form.source) {
    case "SELF":
      return form.assesseeId === viewer.id ? null : "自评只能由本人填写";
    case "MANAGER":
      return viewer.role === "BRANCH_HEAD" && assessee.branchId === viewer.branchId ? null : "被评估人不在您的管辖范围内，不能进行上级评价";
    case "PEER":
      return form.assesseeId === viewer.id ? "不能以同事身份评价自己" : null;
  }
}

/** What opening and submitting a form read of it, for its assessor only (anyone else finds nothing). */
const assessorForm = { id: true, source: true, assesseeId: true, submittedAt: true, cycle: { select: cycleSelect } } as const;
const ownForm = (viewer: Viewer, assessmentId: string) => ({ id: assessmentId, assessorId: viewer.id });

/** A form for its assessor only: anyone else (the assessee included, for a peer form) gets null. */
export async function getAssessmentForm(viewer: Viewer, assessmentId: string, now = new Date()): Promise<AssessmentFormView | null> {
  const form = await db.assessment.findFirst({
    where: ownForm(viewer, assessmentId),
    select: { ...assessorForm, ratings: { select: { competencyId: true, level: true, comment: true } } },
  });
  if (!form) return null;
  const assessee = await db.user.findUnique({
    where: { id: form.assesseeId },
    select: { id: true, name: true, employeeNo: true, branchId: true, branch: { select: { name: true } } },
  });
  if (scopeRefusal(viewer, form, assessee) || !assessee) return null;
  const model = await getModel(form.cycle.modelId);
  if (!model) return null;
  const grade = (await currentGrades([assessee.id])).get(assessee.id) ?? null;
  const answers: AssessmentFormView["answers"] = {};
  for (const r of form.ratings) {
    const c = model.competencies.find((x) => x.id === r.competencyId);
    if (c) answers[c.code] = { level: r.level, comment: r.comment };
  }
  return {
    id: form.id,
    source: form.source,
    cycle: toCycleRef(form.cycle, now),
    assessee: { id: assessee.id, name: assessee.name, employeeNo: assessee.employeeNo, grade, branchName: assessee.branch.name },
    competencies: model.competencies.map((c) => ({
      code: c.code,
      name: c.name,
      definition: c.definition,
      indicators: c.indicators,
      required: grade ? c.required[grade] : null,
    })),
    submittedAt: form.submittedAt,
    answers,
  };
}

/**
 * Submits a form. Refused: someone else's form, an assessee outside the assessor's scope, a
 * peer form about oneself, a closed cycle or one past its deadline, a form already submitted
 * (answers are final: see README), a missing or out-of-range level, and a level two or more away
 * from the requirement without a comment.
 */
export async function submitAssessment(viewer: Viewer, assessmentId: string, answers: AssessmentAnswer[], now = new Date()): Promise<void> {
  const form = await db.assessment.findFirst({ where: ownForm(viewer, assessmentId), select: assessorForm });
  if (!form) throw new DomainError("找不到这份评估表，或您不是它的评估人");
  const assessee = await db.user.findUnique({ where: { id: form.assesseeId }, select: { branchId: true } });
  const refusal = scopeRefusal(viewer, form, assessee);
  if (refusal) throw new DomainError(refusal);
  if (form.cycle.status === "CLOSED") throw new DomainError("评估周期已关闭，不能再提交");
  if (!isAcceptingAnswers(form.cycle, now)) throw new DomainError(deadlinePassedMessage(form.cycle.deadline));
  if (form.submittedAt) throw new DomainError("这份评估表已经提交，不能重复提交或修改");

  const model = await getModel(form.cycle.modelId);
  if (!model) throw new DomainError("评估周期的胜任力模型不存在");
  const grade = (await currentGrades([form.assesseeId])).get(form.assesseeId) ?? null;
  const fieldErrors: Record<string, string[]> = {};
  for (const code of COMPETENCY_CODES) {
    const answer = answers.find((a) => a.code === code);
    const competency = model.competencies.find((c) => c.code === code);
    if (!competency) continue;
    if (!answer) {
      fieldErrors[`level.${code}`] = [`请为「${COMPETENCY_LABELS[code]}」选择 1–5 级`];
      continue;
    }
    const message = validateRating(answer.level, grade ? competency.required[grade] : null, answer.comment);
    if (message) fieldErrors[message.startsWith("评分须为") ? `level.${code}` : `comment.${code}`] = [message];
  }
  if (Object.keys(fieldErrors).length > 0) throw new DomainError("请检查标红的评分和评语", fieldErrors);

  const ratings = model.competencies.map((c) => {
    const answer = answers.find((a) => a.code === c.code)!;
    return { assessmentId: form.id, competencyId: c.id, level: answer.level, comment: answer.comment.trim() || null };
  });
  await db.$transaction(async (tx) => {
    // The conditional update is the guard against a double submit racing this one.
    const { count } = await tx.assessment.updateMany({ where: { id: form.id, submittedAt: null }, data: { submittedAt: now } });
    if (count === 0) throw new DomainError("这份评估表已经提交，不能重复提交或修改");
    await tx.assessmentRating.createMany({ data: ratings });
    await audit(tx, {
      actorId: viewer.id,
      action: "SUBMIT_ASSESSMENT",
      entity: "Assessment",
      entityId: form.id,
      // A peer's levels are not copied into the audit log: the log is readable by more people
      // than the rating table, and the answer must stay anonymous.
      after:
        form.source === "PEER"
          ? { cycleId: form.cycle.id, source: form.source, assesseeId: form.assesseeId, competencies: ratings.length }
          : ({
              cycleId: form.cycle.id,
              source: form.source,
              assesseeId: form.assesseeId,
              levels: Object.fromEntries(model.competencies.map((c, i) => [c.code, ratings[i].level])),
            } satisfies Prisma.InputJsonValue),
    });
  });
}
