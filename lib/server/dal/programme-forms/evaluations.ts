import "server-only";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { auditRow } from "@/lib/server/audit-row";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import type { EvaluationInput } from "@/lib/schemas/programme-forms";
import type { EvaluationFormView } from "./views";
import { ATTENDED, iso, requireParticipantRole } from "./shared";
import { sessionSelect, toSessionCard } from "../programme/shared";

/**
 * The 培训效果评估表 of one session for the viewer. Null (→ 404) when the viewer has nothing to do
 * with the session: no seat, no attendance, not a participant of its phase.
 */
export async function getEvaluationForm(viewer: Viewer, sessionId: string): Promise<EvaluationFormView | null> {
  if (viewer.role !== "ACCOUNT_MANAGER" && viewer.role !== "ASSISTANT") return null;
  const session = await db.trainingSession.findFirst({
    where: {
      id: sessionId,
      OR: [
        { seats: { some: { userId: viewer.id } } },
        { attendance: { some: { userId: viewer.id } } },
        { phase: { participants: { some: { userId: viewer.id } } } },
      ],
    },
    select: {
      ...sessionSelect,
      phase: { select: { name: true } },
      attendance: { where: { userId: viewer.id }, select: { status: true } },
      evaluations: { where: { userId: viewer.id } },
    },
  });
  if (!session) return null;
  const attendance = session.attendance[0]?.status ?? null;
  const e = session.evaluations[0];
  return {
    session: toSessionCard(session),
    attendance,
    canFill: attendance === "PRESENT" || attendance === "LATE",
    evaluation: e
      ? {
          content: e.content,
          delivery: e.delivery,
          organisation: e.organisation,
          applicability: e.applicability,
          comments: e.comments,
          status: e.status,
          submittedAt: iso(e.submittedAt),
          updatedAt: e.updatedAt.toISOString(),
        }
      : null,
  };
}

/**
 * Saves the viewer's evaluation of a session as a draft or submits it. Only attendees (present or
 * late) may; a submitted form is final.
 */
export async function saveEvaluation(viewer: Viewer, input: EvaluationInput): Promise<{ submitted: boolean; title: string }> {
  requireParticipantRole(viewer);
  return db.$transaction(async (tx) => {
    const session = await tx.trainingSession.findUnique({ where: { id: input.sessionId }, select: { id: true, title: true } });
    if (!session) throw new DomainError("找不到这场培训");
    const attended = await tx.attendance.findFirst({
      where: { sessionId: session.id, userId: viewer.id, status: { in: [...ATTENDED] } },
      select: { status: true },
    });
    if (!attended) throw new DomainError("只有参加了这场培训（出席或迟到）的学员才能填写评估表");
    // Row lock on the existing form so that two submits cannot both pass the check.
    const existing = await tx.$queryRaw<{ id: string; status: string }[]>`
      SELECT id, status::text AS status FROM "Evaluation" WHERE "sessionId" = ${session.id} AND "userId" = ${viewer.id} FOR UPDATE`;
    if (existing[0]?.status === "SUBMITTED") throw new DomainError("评估表已提交，不能再修改");
    const submit = input.intent === "submit";
    const data = {
      content: input.content,
      delivery: input.delivery,
      organisation: input.organisation,
      applicability: input.applicability,
      comments: input.comments,
      status: submit ? ("SUBMITTED" as const) : ("DRAFT" as const),
      submittedAt: submit ? new Date() : null,
    };
    const saved = existing[0]
      ? await tx.evaluation.update({ where: { id: existing[0].id }, data })
      : await tx.evaluation.create({ data: { sessionId: session.id, userId: viewer.id, ...data } });
    await audit(tx, {
      ...auditRow(viewer.id, submit ? "EVALUATION_SUBMIT" : "EVALUATION_SAVE_DRAFT", "Evaluation", saved.id),
      before: existing[0] ? { status: existing[0].status } : null,
      after: { sessionId: session.id, ...data },
    });
    return { submitted: submit, title: session.title };
  });
}
