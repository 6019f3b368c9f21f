import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { createTemplateVersion, currentTemplate, getTemplateOverview } from "@/lib/server/dal/appraisal/template";
import { saveAppraisal } from "@/lib/server/dal/appraisal/save";
import { DEFAULT_BANDS } from "@/lib/domain/scoring";
import { createBranch, createUser, viewerOf } from "../factories";
import { createAppraisal, createQuarter, createTemplate, uniformValues } from "../factories/appraisal";

// The source's matrix as typed into the form (upper triangle is what counts).
const CONSISTENT = [
  ["1", "2", "3", "5"],
  ["1/2", "1", "2", "3"],
  ["1/3", "1/2", "1", "2"],
  ["1/5", "1/3", "1/2", "1"],
];
// Financial ≫ customer, customer ≫ process, yet process ≫ financial: CR far above 0.1.
const INCONSISTENT = [
  ["1", "9", "1/9", "1"],
  ["1/9", "1", "9", "1"],
  ["9", "1/9", "1", "1"],
  ["1", "1", "1", "1"],
];

async function hrAndTemplate() {
  const branch = await createBranch();
  const hr = viewerOf(await createUser({ role: "HR", branchId: branch.id }));
  const base = await createTemplate();
  return { branch, hr, base };
}

const baseInput = (version: number) => ({
  baseVersion: version,
  name: "2027 版",
  weights: [0.4, 0.3, 0.2, 0.1],
  bands: { ...DEFAULT_BANDS },
  maxExcellentPct: null,
  applyToOpenQuarters: false,
});

describe("scorecard template versions", () => {
  it("saving creates a new version; quarters keep the version they use unless HR moves the open ones", async () => {
    const { branch, hr, base } = await hrAndTemplate();
    const locked = await createQuarter({ status: "LOCKED", templateId: base.id });
    const open = await createQuarter({ templateId: base.id });
    const { version } = await createTemplateVersion(hr, { ...baseInput(base.version), maxExcellentPct: 25 });
    expect(version).toBe(base.version + 1);
    const current = await currentTemplate();
    expect(current.template.dimensions.map((d) => d.weight)).toEqual([0.4, 0.3, 0.2, 0.1]);
    expect(current.maxExcellentPct).toBe(25);
    for (const q of [locked, open]) expect((await getDb().appraisalQuarter.findUniqueOrThrow({ where: { quarter: q.quarter } })).templateId).toBe(base.id);
    const log = await getDb().auditLog.findFirstOrThrow({ where: { action: "SCORECARD_TEMPLATE_CREATE", entityId: current.id } });
    expect(log.before).toMatchObject({ version: base.version, weights: [0.483, 0.272, 0.157, 0.088] });
    expect(log.after).toMatchObject({ version, weights: [0.4, 0.3, 0.2, 0.1], maxExcellentPct: 25 });

    // Moving the open quarters re-scores their score-based ratings under the new bands.
    const head = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: branch.id }));
    const am = await createUser({ branchId: branch.id });
    await saveAppraisal(head, {
      quarter: open.quarter,
      userId: am.id,
      version: 0,
      mode: "score",
      values: uniformValues(90),
      reason: "RORAC 按财务报表手工填写",
    });
    const manual = await createUser({ branchId: branch.id });
    await createAppraisal({ quarter: open.quarter, userId: manual.id, rating: "BASIC", source: "MANUAL", reason: "病假" });
    const moved = await createTemplateVersion(hr, {
      ...baseInput(version),
      bands: { EXCELLENT: 110, GOOD: 88, QUALIFIED: 70, BASIC: 50 },
      applyToOpenQuarters: true,
    });
    expect(moved.quarters).toContain(open.quarter);
    expect(moved.quarters).not.toContain(locked.quarter);
    expect(moved.rescored).toBe(1);
    const newId = (await currentTemplate()).id;
    expect((await getDb().appraisalQuarter.findUniqueOrThrow({ where: { quarter: open.quarter } })).templateId).toBe(newId);
    expect((await getDb().appraisalQuarter.findUniqueOrThrow({ where: { quarter: locked.quarter } })).templateId).toBe(base.id);
    expect(await getDb().appraisal.findUniqueOrThrow({ where: { userId_quarter: { userId: am.id, quarter: open.quarter } } })).toMatchObject({
      rating: "GOOD",
      version: 2,
    });
    expect(await getDb().appraisal.findUniqueOrThrow({ where: { userId_quarter: { userId: manual.id, quarter: open.quarter } } })).toMatchObject({
      rating: "BASIC",
      version: 1,
    });
    expect(await getDb().auditLog.count({ where: { action: "APPRAISAL_RESCORE", entityId: `${open.quarter}:${am.id}` } })).toBe(1);

    const overview = await getTemplateOverview(hr);
    expect(overview!.versions[0].version).toBe(moved.version);
    expect(overview!.versions.find((v) => v.version === base.version)!.quarters.map((q) => q.quarter)).toEqual([locked.quarter]);
  });

  it("takes the dimension weights from a consistent AHP matrix and keeps the matrix", async () => {
    const { hr, base } = await hrAndTemplate();
    await createTemplateVersion(hr, { ...baseInput(base.version), weights: [], ahpMatrix: CONSISTENT });
    const current = await currentTemplate();
    expect(current.template.dimensions.map((d) => d.weight)).toEqual([0.4832, 0.2717, 0.1569, 0.0882]);
    expect(current.ahpMatrix![0]).toEqual([1, 2, 3, 5]);
    expect(current.ahpMatrix![3][0]).toBeCloseTo(0.2, 10);
  });

  it("second-level AHP: a consistent matrix sets the indicator weights inside a dimension, kept with the new version", async () => {
    const { hr, base } = await hrAndTemplate();
    // 内部流程维度: 新增不良贷款率 twice as important as each of the other two → 0.5 / 0.25 / 0.25, CR 0.
    const process = [
      ["1", "2", "2"],
      ["1/2", "1", "1"],
      ["1/2", "1", "1"],
    ];
    const saved = await createTemplateVersion(hr, { ...baseInput(base.version), indicatorAhp: [null, null, process, null] });
    const current = await currentTemplate();
    expect(current.version).toBe(saved.version);
    const dims = new Map(current.template.dimensions.map((d) => [d.code, d]));
    expect(dims.get("PROCESS")!.indicators.map((i) => i.weight)).toEqual([0.5, 0.25, 0.25]);
    expect(dims.get("CUSTOMER")!.indicators.map((i) => i.weight)).toEqual([0.3, 0.3, 0.2, 0.2]);
    expect(current.indicatorAhp.PROCESS[0]).toEqual([1, 2, 2]);
    expect(current.indicatorAhp.PROCESS[1][0]).toBe(0.5);
    const log = await getDb().auditLog.findFirst({ where: { action: "SCORECARD_TEMPLATE_CREATE" }, orderBy: { id: "desc" } });
    expect(log!.after).toMatchObject({ indicatorWeights: { NEW_NPL_RATIO: 0.5, FIRST_APPROVAL_RATE: 0.25 } });

    // The next version keeps the matrix while those weights stay; typed weights replace it.
    await createTemplateVersion(hr, { ...baseInput(saved.version) });
    expect((await currentTemplate()).indicatorAhp.PROCESS).toBeDefined();
    await createTemplateVersion(hr, { ...baseInput(saved.version + 1), indicatorWeights: [null, null, [0.4, 0.3, 0.3], null] });
    const typed = await currentTemplate();
    expect(typed.indicatorAhp.PROCESS).toBeUndefined();
    expect(typed.template.dimensions[2].indicators.map((i) => i.weight)).toEqual([0.4, 0.3, 0.3]);
  });

  it("second-level AHP: an inconsistent matrix (CR ≥ 0.1) is refused in Chinese, naming the dimension, and nothing is created", async () => {
    const { hr, base } = await hrAndTemplate();
    const cyclic = [
      ["1", "9", "1/9"],
      ["1/9", "1", "9"],
      ["9", "1/9", "1"],
    ];
    const error = await createTemplateVersion(hr, { ...baseInput(base.version), indicatorAhp: [null, null, null, cyclic] }).catch((e) => e);
    expect(error.message).toMatch(/^「学习与成长维度」内指标：一致性比率 CR = \d+\.\d{3} ≥ 0\.1，判断矩阵不一致/);
    expect(error.fieldErrors["ahp.LEARNING"]).toEqual([error.message]);
    expect((await currentTemplate()).version).toBe(base.version);
  });

  it("refuses an inconsistent AHP matrix (CR ≥ 0.1) with the Chinese explanation, and creates nothing", async () => {
    const { hr, base } = await hrAndTemplate();
    const error = await createTemplateVersion(hr, { ...baseInput(base.version), ahpMatrix: INCONSISTENT }).catch((e) => e);
    expect(error.message).toMatch(/^一致性比率 CR = \d\.\d{3} ≥ 0\.1，判断矩阵不一致，请调整两两比较的数值/);
    expect(error.fieldErrors.ahp).toEqual([error.message]);
    expect((await currentTemplate()).version).toBe(base.version);
  });

  it("refuses weights that do not sum to 1, bad bands, a stale base version, and non-HR users", async () => {
    const { branch, hr, base } = await hrAndTemplate();
    await expect(createTemplateVersion(hr, { ...baseInput(base.version), weights: [0.5, 0.3, 0.2, 0.1] })).rejects.toThrow("各维度权重之和应为 1（当前 1.1）");
    await expect(createTemplateVersion(hr, { ...baseInput(base.version), bands: { EXCELLENT: 90, GOOD: 95, QUALIFIED: 80, BASIC: 60 } })).rejects.toThrow(
      "必须高于",
    );
    await expect(
      createTemplateVersion(hr, {
        ...baseInput(base.version),
        ahpMatrix: [
          ["1", "x"],
          ["1", "1"],
        ],
      }),
    ).rejects.toThrow("4×4");
    await expect(createTemplateVersion(hr, baseInput(base.version - 1))).rejects.toThrow("评分模板已被他人修改");
    const head = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: branch.id }));
    await expect(createTemplateVersion(head, baseInput(base.version))).rejects.toThrow("没有权限");
    expect((await currentTemplate()).version).toBe(base.version);
  });
});
