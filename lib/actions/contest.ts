"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/auth/viewer";
import { actionError } from "@/lib/server/action-errors";
import { invalidInput, type ActionState } from "@/lib/actions/state";
import {
  AwardInput,
  CorrectScoreInput,
  CreateContestInput,
  DirectScoresInput,
  EventIdInput,
  EventInput,
  JudgeIdInput,
  JudgeInput,
  JudgeScoreInput,
  PhaseIdInput,
  RevokeAwardInput,
  TeamIdInput,
  TeamInput,
  WithdrawInput,
} from "@/lib/schemas/contest";
import { createContest, lockEvent, saveEvent, syncEntrants, withdrawEntrant } from "@/lib/server/dal/contest/setup";
import { dissolveTeam, saveTeam } from "@/lib/server/dal/contest/teams";
import { addJudge, removeJudge } from "@/lib/server/dal/contest/judges";
import { correctScore, saveDirectScores, submitJudgeScore } from "@/lib/server/dal/contest/scores";
import { importScores, type RowProblem } from "@/lib/server/dal/contest/import";
import { grantAward, revokeAward } from "@/lib/server/dal/contest/awards";
import { readUpload } from "@/lib/server/import";

function revalidateContest() {
  revalidatePath("/hr/contest", "layout");
  revalidatePath("/contest", "layout");
  revalidatePath("/branch/contest");
  revalidatePath("/hr/review", "layout");
  revalidatePath("/people", "layout");
}

const str = (formData: FormData, key: string) => {
  const v = formData.get(key);
  return typeof v === "string" ? v : "";
};

export async function createContestAction(_prev: ActionState<{ id: string }>, formData: FormData): Promise<ActionState<{ id: string }>> {
  const values = { year: str(formData, "year"), startsOn: str(formData, "startsOn"), endsOn: str(formData, "endsOn") };
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = CreateContestInput.safeParse(values);
    if (!parsed.success) return invalidInput(parsed.error, values);
    const { id } = await createContest(viewer, parsed.data);
    revalidateContest();
    return { ok: true, message: `已创建${parsed.data.year}年业务技能大比拼`, data: { id } };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function saveEventAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = { eventId: str(formData, "eventId"), heldOn: str(formData, "heldOn"), maxScore: str(formData, "maxScore"), weight: str(formData, "weight") };
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = EventInput.safeParse(values);
    if (!parsed.success) return invalidInput(parsed.error, values);
    const label = await saveEvent(viewer, parsed.data);
    revalidateContest();
    return { ok: true, message: `已保存「${label}」的设置` };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function lockEventAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = EventIdInput.safeParse({ eventId: str(formData, "eventId") });
    if (!parsed.success) return invalidInput(parsed.error);
    const label = await lockEvent(viewer, parsed.data.eventId);
    revalidateContest();
    return { ok: true, message: `已锁定「${label}」` };
  } catch (error) {
    return actionError(error);
  }
}

export async function syncEntrantsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = PhaseIdInput.safeParse({ phaseId: str(formData, "phaseId") });
    if (!parsed.success) return invalidInput(parsed.error);
    const added = await syncEntrants(viewer, parsed.data.phaseId);
    revalidateContest();
    return { ok: true, message: added === 0 ? "参赛名单已是最新，没有新增人员" : `已新增 ${added} 名参赛人员` };
  } catch (error) {
    return actionError(error);
  }
}

export async function withdrawEntrantAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = { entrantId: str(formData, "entrantId"), reason: str(formData, "reason") };
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = WithdrawInput.safeParse(values);
    if (!parsed.success) return invalidInput(parsed.error, values);
    const name = await withdrawEntrant(viewer, parsed.data.entrantId, parsed.data.reason);
    revalidateContest();
    return { ok: true, message: `${name}已退赛` };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function saveTeamAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = { phaseId: str(formData, "phaseId"), teamId: str(formData, "teamId"), name: str(formData, "name"), entrantIds: formData.getAll("entrantIds").map(String) };
  try {
    const viewer = await requireActor(["HR", "BRANCH_HEAD"]);
    const parsed = TeamInput.safeParse(values);
    if (!parsed.success) return invalidInput(parsed.error, values);
    const team = await saveTeam(viewer, parsed.data);
    revalidateContest();
    return { ok: true, message: `已保存团队「${team.name}」` };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function dissolveTeamAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const viewer = await requireActor(["HR", "BRANCH_HEAD"]);
    const parsed = TeamIdInput.safeParse({ teamId: str(formData, "teamId") });
    if (!parsed.success) return invalidInput(parsed.error);
    const name = await dissolveTeam(viewer, parsed.data.teamId);
    revalidateContest();
    return { ok: true, message: `已解散团队「${name}」` };
  } catch (error) {
    return actionError(error);
  }
}

export async function addJudgeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = { eventId: str(formData, "eventId"), employeeNo: str(formData, "employeeNo"), externalName: str(formData, "externalName") };
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = JudgeInput.safeParse(values);
    if (!parsed.success) return invalidInput(parsed.error, values);
    const name = await addJudge(viewer, parsed.data);
    revalidateContest();
    return { ok: true, message: `已添加评委 ${name}` };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function removeJudgeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = JudgeIdInput.safeParse({ judgeId: str(formData, "judgeId") });
    if (!parsed.success) return invalidInput(parsed.error);
    const name = await removeJudge(viewer, parsed.data.judgeId);
    revalidateContest();
    return { ok: true, message: `已移除评委 ${name}` };
  } catch (error) {
    return actionError(error);
  }
}

/** A judge's score for one entrant or team. Any role may be a judge; the DAL checks the judge and the branch. */
export async function submitJudgeScoreAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = { eventId: str(formData, "eventId"), judgeId: str(formData, "judgeId"), targetId: str(formData, "targetId"), score: str(formData, "score") };
  try {
    const viewer = await requireActor();
    const parsed = JudgeScoreInput.safeParse(values);
    if (!parsed.success) return invalidInput(parsed.error, values);
    const name = await submitJudgeScore(viewer, parsed.data);
    revalidateContest();
    return { ok: true, message: `已为${name}评分：${parsed.data.score}` };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function saveDirectScoresAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const ids = formData.getAll("entrantId").map(String);
  const values: Record<string, unknown> = Object.fromEntries(ids.map((id) => [`score.${id}`, str(formData, `score.${id}`)]));
  values.reason = str(formData, "reason");
  try {
    const viewer = await requireActor(["HR"]);
    const rows = ids.filter((id) => str(formData, `score.${id}`).trim() !== "").map((id) => ({ entrantId: id, score: str(formData, `score.${id}`).trim() }));
    const parsed = DirectScoresInput.safeParse({ eventId: str(formData, "eventId"), rows, reason: values.reason });
    if (!parsed.success) return invalidInput(parsed.error, values);
    const count = await saveDirectScores(viewer, parsed.data);
    revalidateContest();
    return { ok: true, message: count === 0 ? "分数没有变化" : `已保存 ${count} 个分数` };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function correctScoreAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = { scoreId: str(formData, "scoreId"), score: str(formData, "score"), reason: str(formData, "reason") };
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = CorrectScoreInput.safeParse(values);
    if (!parsed.success) return invalidInput(parsed.error, values);
    await correctScore(viewer, parsed.data);
    revalidateContest();
    return { ok: true, message: `已更正为 ${parsed.data.score} 分` };
  } catch (error) {
    return actionError(error, values);
  }
}

export type ScoreImportState = ActionState<{ problems: RowProblem[]; rows: number; written: boolean }>;

export async function importScoresAction(_prev: ScoreImportState, formData: FormData): Promise<ScoreImportState> {
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = EventIdInput.safeParse({ eventId: str(formData, "eventId") });
    if (!parsed.success) return invalidInput(parsed.error);
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return { ok: false, message: "请选择要导入的 .xlsx 或 .csv 文件" };
    const table = await readUpload(await file.arrayBuffer(), file.name);
    const dryRun = formData.get("mode") !== "write";
    const report = await importScores(viewer, parsed.data.eventId, table, { dryRun });
    if (report.problems.length > 0) {
      return { ok: false, message: `发现 ${report.problems.length} 处问题，未写入任何数据；请修改文件后重新检查`, data: { problems: report.problems, rows: report.rows, written: false } };
    }
    if (!dryRun) revalidateContest();
    return { ok: true, message: dryRun ? `检查通过：共 ${report.rows} 行，可以导入` : `已导入 ${report.rows} 个分数`, data: { problems: [], rows: report.rows, written: !dryRun } };
  } catch (error) {
    return actionError(error);
  }
}

export async function grantAwardAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = { phaseId: str(formData, "phaseId"), kind: str(formData, "kind"), ranking: str(formData, "ranking"), holderId: str(formData, "holderId"), note: str(formData, "note") };
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = AwardInput.safeParse(values);
    if (!parsed.success) return invalidInput(parsed.error, values);
    const label = await grantAward(viewer, parsed.data);
    revalidateContest();
    return { ok: true, message: `已颁奖：${label}` };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function revokeAwardAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = { awardId: str(formData, "awardId"), reason: str(formData, "reason") };
  try {
    const viewer = await requireActor(["HR"]);
    const parsed = RevokeAwardInput.safeParse(values);
    if (!parsed.success) return invalidInput(parsed.error, values);
    await revokeAward(viewer, parsed.data.awardId, parsed.data.reason);
    revalidateContest();
    return { ok: true, message: "已撤销该奖项" };
  } catch (error) {
    return actionError(error, values);
  }
}
