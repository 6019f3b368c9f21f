"use server";

import { areaAction, defineFormAction, formText as str, type RevalidateTarget } from "@/lib/server/action";
import type { ActionState } from "@/lib/actions/state";
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
import { capProblems, readUpload } from "@/lib/server/import";
import { ImportFileInput } from "@/lib/schemas/common";

const CONTEST_PATHS: readonly RevalidateTarget[] = [
  ["/hr/contest", "layout"],
  ["/contest", "layout"],
  "/branch/contest",
  ["/hr/review", "layout"],
  ["/people", "layout"],
];

/** HR's contest actions: their permission and the pages they change, once. */
const contestAction = areaAction("contest.manage", CONTEST_PATHS);

export const createContestAction = contestAction({
  schema: CreateContestInput,
  input: (form) => ({ year: str(form, "year"), startsOn: str(form, "startsOn"), endsOn: str(form, "endsOn") }),
  run: (viewer, data) => createContest(viewer, data),
  done: ({ id }, data): ActionState<{ id: string }> => ({ ok: true, message: `已创建${data.year}年业务技能大比拼`, data: { id } }),
});

export const saveEventAction = contestAction({
  schema: EventInput,
  input: (form) => ({ eventId: str(form, "eventId"), heldOn: str(form, "heldOn"), maxScore: str(form, "maxScore"), weight: str(form, "weight") }),
  run: (viewer, data) => saveEvent(viewer, data),
  done: (label) => ({ ok: true, message: `已保存「${label}」的设置` }),
});

export const lockEventAction = contestAction({
  schema: EventIdInput,
  input: (form) => ({ eventId: str(form, "eventId") }),
  run: (viewer, data) => lockEvent(viewer, data.eventId),
  done: (label) => ({ ok: true, message: `已锁定「${label}」` }),
});

export const syncEntrantsAction = contestAction({
  schema: PhaseIdInput,
  input: (form) => ({ phaseId: str(form, "phaseId") }),
  run: (viewer, data) => syncEntrants(viewer, data.phaseId),
  done: (added) => ({ ok: true, message: added === 0 ? "参赛名单已是最新，没有新增人员" : `已新增 ${added} 名参赛人员` }),
});

export const withdrawEntrantAction = contestAction({
  schema: WithdrawInput,
  input: (form) => ({ entrantId: str(form, "entrantId"), reason: str(form, "reason") }),
  run: (viewer, data) => withdrawEntrant(viewer, data.entrantId, data.reason),
  done: (name) => ({ ok: true, message: `${name}已退赛` }),
});

export const saveTeamAction = defineFormAction({
  permission: "contest.team",
  schema: TeamInput,
  input: (form) => ({ phaseId: str(form, "phaseId"), teamId: str(form, "teamId"), name: str(form, "name"), entrantIds: form.getAll("entrantIds").map(String) }),
  run: (viewer, data) => saveTeam(viewer, data),
  revalidate: CONTEST_PATHS,
  done: (team) => ({ ok: true, message: `已保存团队「${team.name}」` }),
});

export const dissolveTeamAction = defineFormAction({
  permission: "contest.team",
  schema: TeamIdInput,
  input: (form) => ({ teamId: str(form, "teamId") }),
  run: (viewer, data) => dissolveTeam(viewer, data.teamId),
  revalidate: CONTEST_PATHS,
  done: (name) => ({ ok: true, message: `已解散团队「${name}」` }),
});

export const addJudgeAction = contestAction({
  schema: JudgeInput,
  input: (form) => ({ eventId: str(form, "eventId"), employeeNo: str(form, "employeeNo"), externalName: str(form, "externalName") }),
  run: (viewer, data) => addJudge(viewer, data),
  done: (name) => ({ ok: true, message: `已添加评委 ${name}` }),
});

export const removeJudgeAction = contestAction({
  schema: JudgeIdInput,
  input: (form) => ({ judgeId: str(form, "judgeId") }),
  run: (viewer, data) => removeJudge(viewer, data.judgeId),
  done: (name) => ({ ok: true, message: `已移除评委 ${name}` }),
});

/** A judge's score for one entrant or team. Any role may be a judge; the DAL checks the judge and the branch. */
export const submitJudgeScoreAction = defineFormAction({
  permission: "contest.judge",
  schema: JudgeScoreInput,
  input: (form) => ({ eventId: str(form, "eventId"), judgeId: str(form, "judgeId"), targetId: str(form, "targetId"), score: str(form, "score") }),
  run: (viewer, data) => submitJudgeScore(viewer, data),
  revalidate: CONTEST_PATHS,
  done: (name, data) => ({ ok: true, message: `已为${name}评分：${data.score}` }),
});

export const saveDirectScoresAction = contestAction({
  schema: DirectScoresInput,
  values: (form) => {
    const values: Record<string, unknown> = Object.fromEntries(form.getAll("entrantId").map((id) => [`score.${id}`, str(form, `score.${id}`)]));
    values.reason = str(form, "reason");
    return values;
  },
  input: (form) => {
    const ids = form.getAll("entrantId").map(String);
    const rows = ids.filter((id) => str(form, `score.${id}`).trim() !== "").map((id) => ({ entrantId: id, score: str(form, `score.${id}`).trim() }));
    return { eventId: str(form, "eventId"), rows, reason: str(form, "reason") };
  },
  run: (viewer, data) => saveDirectScores(viewer, data),
  done: (count) => ({ ok: true, message: count === 0 ? "分数没有变化" : `已保存 ${count} 个分数` }),
});

export const correctScoreAction = contestAction({
  schema: CorrectScoreInput,
  input: (form) => ({ scoreId: str(form, "scoreId"), score: str(form, "score"), reason: str(form, "reason") }),
  run: (viewer, data) => correctScore(viewer, data),
  done: (_r, data) => ({ ok: true, message: `已更正为 ${data.score} 分` }),
});

export type ScoreImportState = ActionState<{ problems: RowProblem[]; totalProblems: number; rows: number; written: boolean }>;

const ScoreImportInput = EventIdInput.extend(ImportFileInput.shape);

export const importScoresAction = defineFormAction({
  permission: "contest.manage",
  schema: ScoreImportInput,
  input: (form) => ({ eventId: str(form, "eventId"), write: form.get("mode") === "write", file: form.get("file") }),
  run: async (viewer, data) => {
    const table = await readUpload(data.file, data.file.name);
    const report = await importScores(viewer, data.eventId, table, { dryRun: !data.write });
    return { rows: report.rows, ...capProblems(report.problems) };
  },
  revalidate: (data, report) => (data.write && report.totalProblems === 0 ? CONTEST_PATHS : []),
  done: (report, data): ScoreImportState => {
    if (report.totalProblems > 0)
      return { ok: false, message: `发现 ${report.totalProblems} 处问题，未写入任何数据；请修改文件后重新检查`, data: { ...report, written: false } };
    return {
      ok: true,
      message: data.write ? `已导入 ${report.rows} 个分数` : `检查通过：共 ${report.rows} 行，可以导入`,
      data: { ...report, written: data.write },
    };
  },
});

export const grantAwardAction = contestAction({
  schema: AwardInput,
  input: (form) => ({
    phaseId: str(form, "phaseId"),
    kind: str(form, "kind"),
    ranking: str(form, "ranking"),
    holderId: str(form, "holderId"),
    note: str(form, "note"),
  }),
  run: (viewer, data) => grantAward(viewer, data),
  done: (label) => ({ ok: true, message: `已颁奖：${label}` }),
});

export const revokeAwardAction = contestAction({
  schema: RevokeAwardInput,
  input: (form) => ({ awardId: str(form, "awardId"), reason: str(form, "reason") }),
  run: (viewer, data) => revokeAward(viewer, data.awardId, data.reason),
  done: () => ({ ok: true, message: "已撤销该奖项" }),
});
