import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { getCurrentModel, getModel, requiredLevelsOf, type CompetencyModelView } from "@/lib/server/dal/competencies/model";
import { listModelVersions, saveCompetencyModel } from "@/lib/server/dal/competencies/model-admin";
import { getAssessmentForm } from "@/lib/server/dal/competencies/assessments";
import { getMyCompetencies } from "@/lib/server/dal/competencies/results";
import type { CompetencyModelInput } from "@/lib/schemas/competencies";
import { answer, createTeam, ensureModel, formOf, openTestCycle } from "../factories/competencies";

beforeAll(async () => {
  await ensureModel();
});

function inputFrom(model: CompetencyModelView, note = ""): CompetencyModelInput {
  return {
    baseVersion: model.version,
    note,
    competencies: model.competencies.map((c) => ({ code: c.code, name: c.name, definition: c.definition, indicators: c.indicators.map((l) => [...l]) })),
    required: structuredClone(requiredLevelsOf(model)),
  };
}

describe("editing the competency model", () => {
  it("saves a new version and leaves the old one, and the cycles opened on it, as they were", async () => {
    const team = await createTeam(["INTERMEDIATE"]);
    const [am] = team.viewers.am;
    const hr = team.viewers.hr;
    const v1 = (await getCurrentModel())!;
    const oldCycle = await openTestCycle(hr, [team.branch.id]);

    const input = inputFrom(v1, "提高中级的客户导向要求");
    input.competencies[0].name = "客户导向（修订）";
    input.competencies[0].indicators[2] = ["能为客户设计产品组合并跟踪落地"];
    input.required.CLIENT_FOCUS.INTERMEDIATE = 4;
    const saved = await saveCompetencyModel(hr, input);
    expect(saved).toMatchObject({ version: v1.version + 1, changes: 3 });

    const v2 = (await getCurrentModel())!;
    expect(v2.version).toBe(v1.version + 1);
    expect(v2.competencies[0]).toMatchObject({ name: "客户导向（修订）", required: { INTERMEDIATE: 4 } });
    expect(v2.competencies[0].indicators[2]).toEqual(["能为客户设计产品组合并跟踪落地"]);
    expect(v2.competencies[1].definition).toBe(v1.competencies[1].definition);
    const old = (await getModel(v1.id))!;
    expect(old.isCurrent).toBe(false);
    expect(old.competencies[0]).toMatchObject({ name: v1.competencies[0].name, required: { INTERMEDIATE: 3 } });

    const audit = await getDb().auditLog.findFirstOrThrow({ where: { entityId: v2.id, action: "COMPETENCY_MODEL_VERSION" } });
    expect(audit.actorId).toBe(hr.id);
    expect(audit.note).toBe("提高中级的客户导向要求");
    expect(audit.before).toMatchObject({
      version: v1.version,
      changes: expect.arrayContaining([{ code: "CLIENT_FOCUS", field: "required.INTERMEDIATE", value: 3 }]),
    });
    expect(audit.after).toMatchObject({
      version: v2.version,
      changes: expect.arrayContaining([{ code: "CLIENT_FOCUS", field: "required.INTERMEDIATE", value: 4 }]),
    });

    // The cycle opened on v1 keeps v1: its form shows v1's names and requirement, and so do the gaps.
    const selfForm = await formOf(oldCycle, am.id, "SELF");
    const form = (await getAssessmentForm(am, selfForm.id))!;
    expect(form.cycle.modelVersion).toBe(v1.version);
    expect(form.competencies[0]).toMatchObject({ name: v1.competencies[0].name, required: 3 });
    await answer(am, oldCycle, am.id, "SELF", 3);
    const mine = await getMyCompetencies(am, oldCycle);
    expect(mine.rows[0]).toMatchObject({ name: v1.competencies[0].name, required: 3, gap: 0 });

    // A cycle opened now uses v2.
    const other = await createTeam(["INTERMEDIATE"]);
    const newCycle = await openTestCycle(hr, [other.branch.id]);
    const newForm = (await getAssessmentForm(other.viewers.am[0], (await formOf(newCycle, other.managers[0].id, "SELF")).id))!;
    expect(newForm.competencies[0]).toMatchObject({ name: "客户导向（修订）", required: 4 });

    const versions = await listModelVersions(hr);
    expect(versions.find((v) => v.version === v1.version)?.cycles).toContain(
      (await getDb().assessmentCycle.findUniqueOrThrow({ where: { id: oldCycle } })).name,
    );
  });

  it("refuses a save from a stale version, a save without changes, a non-HR editor and a falling requirement", async () => {
    const team = await createTeam(["JUNIOR"]);
    const hr = team.viewers.hr;
    const current = (await getCurrentModel())!;
    await expect(saveCompetencyModel(hr, inputFrom(current))).rejects.toThrow("内容没有变化，无需保存新版本");
    const stale = inputFrom(current);
    stale.baseVersion = current.version - 1 || 99;
    stale.competencies[3].definition += "。";
    await expect(saveCompetencyModel(hr, stale)).rejects.toThrow(/已被他人修改/);
    const byHead = inputFrom(current);
    byHead.competencies[3].definition += "。";
    await expect(saveCompetencyModel(team.viewers.head, byHead)).rejects.toThrow("没有权限");
    const falling = inputFrom(current);
    falling.required.TEAMWORK.PRINCIPAL = 1;
    const error = await saveCompetencyModel(hr, falling).catch((e) => e);
    expect(error.fieldErrors).toEqual({ "req.TEAMWORK.PRINCIPAL": ["高一等级的要求不能低于低一等级"] });
    expect((await getCurrentModel())!.version).toBe(current.version);
  });
});
