"use server";

import { defineFormAction, type RevalidateTarget } from "@/lib/server/action";
import { CompetencyModelForm, CycleIdInput, NominatePeersInput, OpenCycleInput, SubmitAssessmentForm } from "@/lib/schemas/competencies";
import { saveCompetencyModel } from "@/lib/server/dal/competencies/model-admin";
import { closeCycle, openCycle } from "@/lib/server/dal/competencies/cycles";
import { nominatePeers } from "@/lib/server/dal/competencies/peers";
import { submitAssessment } from "@/lib/server/dal/competencies/assessments";

const COMPETENCY_PAGES: readonly RevalidateTarget[] = [
  ["/me/competencies", "layout"],
  ["/branch/competencies", "layout"],
  ["/hr/competencies", "layout"],
];

const all = (form: FormData, key: string) => form.getAll(key).map(String);

/** HR saves the competency model as a new version. */
export const saveCompetencyModelAction = defineFormAction({
  permission: "competency.model",
  schema: CompetencyModelForm,
  run: (viewer, input) => saveCompetencyModel(viewer, input),
  revalidate: [["/hr/competencies", "layout"]],
  done: (saved) => ({ ok: true, message: `已保存为第 ${saved.version} 版（${saved.changes} 处修改）；新开启的评估周期将使用此版本` }),
});

/** HR opens an assessment cycle. */
export const openCycleAction = defineFormAction({
  permission: "competency.cycle",
  schema: OpenCycleInput,
  input: (form, values) => ({ ...values, branchIds: all(form, "branchIds") }),
  run: (viewer, input) => openCycle(viewer, input),
  revalidate: COMPETENCY_PAGES,
  done: (opened, input) => {
    const note = opened.withoutManager > 0 ? `；${opened.withoutManager} 人所在机构没有支行长，无上级评价` : "";
    return { ok: true, message: `评估周期「${input.name}」已开启，共 ${opened.participants} 名客户经理${note}。请为每人提名同事评估人。` };
  },
});

/** HR closes a cycle. */
export const closeCycleAction = defineFormAction({
  permission: "competency.cycle",
  schema: CycleIdInput,
  run: (viewer, input) => closeCycle(viewer, input.cycleId),
  revalidate: COMPETENCY_PAGES,
  done: () => ({ ok: true, message: "评估周期已关闭" }),
});

/** HR or the branch head names an account manager's peers. */
export const nominatePeersAction = defineFormAction({
  permission: "competency.nominate",
  schema: NominatePeersInput,
  input: (form, values) => ({ cycleId: values.cycleId, assesseeId: values.assesseeId, peerIds: all(form, "peerIds") }),
  run: (viewer, input) => nominatePeers(viewer, input),
  revalidate: COMPETENCY_PAGES,
  done: (result) => ({
    ok: true,
    message: result.added + result.removed === 0 ? "同事评估人没有变化" : `已保存同事评估人（新增 ${result.added} 人，移除 ${result.removed} 人）`,
  }),
});

/** An assessor submits a form (self, manager or peer); answers are final. */
export const submitAssessmentAction = defineFormAction({
  permission: "competency.assess",
  schema: SubmitAssessmentForm,
  run: (viewer, input) => submitAssessment(viewer, input.assessmentId, input.answers),
  revalidate: COMPETENCY_PAGES,
  done: (_result, _input, viewer) => ({ redirect: viewer.role === "BRANCH_HEAD" ? "/branch/competencies?submitted=1" : "/me/competencies?submitted=1" }),
});
