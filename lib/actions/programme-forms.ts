"use server";

import { defineFormAction } from "@/lib/server/action";
import { ActionPlanInput, EvaluationInput, FinalScoreInput, FollowUpInput } from "@/lib/schemas/programme-forms";
import { saveEvaluation } from "@/lib/server/dal/programme-forms/evaluations";
import { recordFollowUp, saveActionPlan, scoreActionPlan } from "@/lib/server/dal/programme-forms/action-plans";
import { quarterLabel } from "@/lib/domain/dates";

export const saveEvaluationAction = defineFormAction({
  permission: "programme.feedback",
  schema: EvaluationInput,
  input: (_form, values) => ({ comments: "", content: "", delivery: "", organisation: "", applicability: "", ...values }),
  run: (viewer, data) => saveEvaluation(viewer, data),
  revalidate: [
    ["/me/programme", "layout"],
    ["/hr/programmes", "layout"],
  ],
  done: ({ submitted }) => ({ ok: true, message: submitted ? "评估表已提交，感谢您的反馈" : "草稿已保存" }),
});

export const saveActionPlanAction = defineFormAction({
  permission: "programme.feedback",
  schema: ActionPlanInput,
  input: (_form, values) => ({ goals: "", actions: "", deadline: "", resources: "", successMeasure: "", ...values }),
  run: (viewer, data) => saveActionPlan(viewer, data),
  revalidate: [["/me/programme", "layout"], "/branch/action-plans", ["/hr/programmes", "layout"]],
  done: ({ submitted, quarter }) => ({
    ok: true,
    message: submitted ? `行动计划已提交${quarter ? `，支行长的最终评分将计入${quarterLabel(quarter)}考评` : ""}` : "草稿已保存",
  }),
});

export const recordFollowUpAction = defineFormAction({
  permission: "programme.followUp",
  schema: FollowUpInput,
  run: (viewer, data) => recordFollowUp(viewer, data),
  revalidate: ["/branch/action-plans", "/branch", ["/me/programme", "layout"]],
  done: ({ name }, data) => ({ ok: true, message: `已记录${name}的 ${data.checkpoint} 天跟进` }),
});

export const scoreActionPlanAction = defineFormAction({
  permission: "programme.followUp",
  schema: FinalScoreInput,
  run: (viewer, data) => scoreActionPlan(viewer, data),
  revalidate: ["/branch/action-plans", ["/branch/appraisal", "layout"], ["/hr/appraisal", "layout"], ["/me/programme", "layout"]],
  done: ({ name, rescored }, data) => ({
    ok: true,
    message: `已给${name}的行动计划评分 ${data.score} 分${rescored ? "，其本季度考评得分已按新评分重新计算" : ""}`,
  }),
});
