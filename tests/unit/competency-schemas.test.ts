import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GRADES } from "@/lib/domain/grades";
import { COMPETENCY_CODES } from "@/lib/domain/competency";
import { CompetencyModelForm, OpenCycleInput, SubmitAssessmentForm } from "@/lib/schemas/competencies";

describe("competency form schemas", () => {
  it("parses the editor's flat form, one indicator per line, with errors on the right cells", () => {
    const form: Record<string, string> = { baseVersion: "3", note: "" };
    for (const code of COMPETENCY_CODES) {
      form[`name.${code}`] = ` ${code} `;
      form[`definition.${code}`] = "定义";
      for (let l = 1; l <= 5; l++) form[`indicators.${code}.${l}`] = `第一条\n\n  第二条  \n`;
      GRADES.forEach((g, i) => (form[`req.${code}.${g}`] = String(Math.min(5, i + 1))));
    }
    const parsed = CompetencyModelForm.parse(form);
    expect(parsed.competencies[0]).toMatchObject({
      code: "CLIENT_FOCUS",
      name: "CLIENT_FOCUS",
      indicators: [
        ["第一条", "第二条"],
        ["第一条", "第二条"],
        ["第一条", "第二条"],
        ["第一条", "第二条"],
        ["第一条", "第二条"],
      ],
    });
    expect(parsed.required.SELF_DRIVE.PRINCIPAL).toBe(5);
    const bad = CompetencyModelForm.safeParse({
      ...form,
      "indicators.INFLUENCE.2": " \n ",
      "req.RISK_CONTROL.SENIOR": "7",
      "name.TEAMWORK": "",
      "req.TEAMWORK.PRINCIPAL": "1",
    });
    expect(bad.success).toBe(false);
    const issues = Object.fromEntries(bad.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(issues).toMatchObject({
      "indicators.INFLUENCE.2": "说服影响第 2 级至少填写一条行为指标",
      "req.RISK_CONTROL.SENIOR": "请填写 1–5 的整数",
      "name.TEAMWORK": "请填写名称",
      "req.TEAMWORK.PRINCIPAL": "高一等级的要求不能低于低一等级",
    });
  });

  it("checks a new cycle's weights per field and as a sum", () => {
    const base = { name: "2027 上半年", branchIds: ["b1"], deadline: "2027-06-30", weightSelf: "0.2", weightManager: "0.5", weightPeer: "0.3" };
    expect(OpenCycleInput.parse(base)).toMatchObject({ weightSelf: 0.2, weightManager: 0.5, weightPeer: 0.3 });
    const sum = OpenCycleInput.safeParse({ ...base, weightPeer: "0.2" });
    expect(z.flattenError(sum.error!).fieldErrors).toEqual({ weights: ["三项权重之和须为 1（当前为 0.9）"] });
    const range = OpenCycleInput.safeParse({ ...base, weightSelf: "-0.2", weightManager: "0.9" });
    expect(z.flattenError(range.error!).fieldErrors).toEqual({ weightSelf: ["自评权重须在 0 到 1 之间"] });
    const empty = OpenCycleInput.safeParse({ ...base, name: " ", branchIds: [], deadline: "" });
    expect(Object.keys(z.flattenError(empty.error!).fieldErrors).sort()).toEqual(["branchIds", "deadline", "name"]);
  });

  it("reads nine levels and comments from an assessment form, naming a missing one", () => {
    const form: Record<string, string> = { assessmentId: "a1" };
    for (const code of COMPETENCY_CODES) form[`level.${code}`] = "3";
    form["comment.INFLUENCE"] = "  有说服力  ";
    const parsed = SubmitAssessmentForm.parse(form);
    expect(parsed.answers).toHaveLength(9);
    expect(parsed.answers[1]).toEqual({ code: "INFLUENCE", level: 3, comment: "有说服力" });
    const missing = SubmitAssessmentForm.safeParse({ ...form, "level.SELF_DRIVE": undefined });
    expect(z.flattenError(missing.error!).fieldErrors).toEqual({ "level.SELF_DRIVE": ["请为「自我驱动」选择 1–5 级"] });
  });
});
