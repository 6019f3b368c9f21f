import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { buildImportTemplate, checkAppraisalFile, importAppraisalFile } from "@/lib/server/dal/appraisal/import";
import { writeTable } from "@/lib/server/spreadsheet";
import { readUpload as readTable } from "@/lib/server/import";
import { DEFAULT_TEMPLATE } from "@/lib/domain/scoring";
import { createBranch, createUser, viewerOf } from "../factories";
import { createAppraisal, createQuarter, excellentValues, uniformValues } from "../factories/appraisal";

const indicators = DEFAULT_TEMPLATE.dimensions.flatMap((d) => d.indicators);
const header = ["工号", "姓名", ...indicators.map((i) => i.name), "评级", "说明"];

function csv(rows: string[][]): Buffer {
  return Buffer.from([header, ...rows].map((r) => r.join(",")).join("\n"), "utf8");
}
// RORAC 目标完成率 typed in the file (nobody here has business lines) needs a 说明.
const TYPED_RORAC = "RORAC 按财务报表手工填写";
const scoreRow = (no: string, values: Record<string, string>, reason = TYPED_RORAC) => [no, "", ...indicators.map((i) => values[i.code]), "", reason];
const ratingRow = (no: string, rating: string, reason: string) => [no, "", ...indicators.map(() => ""), rating, reason];

async function setup() {
  const branch = await createBranch();
  const hr = viewerOf(await createUser({ role: "HR", branchId: branch.id }));
  const a = await createUser({ branchId: branch.id, name: "甲" });
  const b = await createUser({ branchId: branch.id, name: "乙" });
  const c = await createUser({ branchId: branch.id, name: "丙" });
  const assistant = await createUser({ role: "ASSISTANT", branchId: branch.id, name: "助理丁" });
  const { quarter } = await createQuarter();
  return { branch, hr, a, b, c, assistant, quarter };
}

describe("importing quarterly ratings", () => {
  it("a dry run lists every bad row with its line and problem, and writes nothing", async () => {
    const { hr, a, b, c, assistant, quarter } = await setup();
    const file = csv([
      scoreRow(a.employeeNo, uniformValues(100)), // line 2: fine
      scoreRow("999999", uniformValues(100)), // line 3: unknown number
      ratingRow(assistant.employeeNo, "良好", "表现稳定"), // line 4: not an account manager
      scoreRow(b.employeeNo, { ...uniformValues(100), CLIENT_SATISFACTION: "130" }), // line 5: out of range
      ratingRow(c.employeeNo, "很好", "表现稳定"), // line 6: unknown rating
      ratingRow(a.employeeNo, "优秀", "重复一行"), // line 7: duplicate of line 2
      ratingRow(c.employeeNo, "良好", ""), // line 8: duplicate and no reason
    ]);
    const report = await checkAppraisalFile(hr, quarter, file, "考评.csv");
    expect(report.fileErrors).toEqual([]);
    expect(report.problems).toEqual([
      { line: 3, employeeNo: "999999", messages: ["工号 999999 不存在"] },
      { line: 4, employeeNo: assistant.employeeNo, messages: [`助理丁（${assistant.employeeNo}）不是在职的对公客户经理`] },
      { line: 5, employeeNo: b.employeeNo, messages: ["指标「客户满意度」不能大于 100分（当前 130分）"] },
      { line: 6, employeeNo: c.employeeNo, messages: ["评级“很好”无法识别，应为 优秀/良好/合格/基本合格/不合格"] },
      { line: 7, employeeNo: a.employeeNo, messages: [`工号 ${a.employeeNo} 与第 2 行重复`] },
      { line: 8, employeeNo: c.employeeNo, messages: [`工号 ${c.employeeNo} 与第 6 行重复`, "直接评级必须在「说明」列写明原因"] },
    ]);
    expect(report.written).toBe(0);
    // Even when asked to import, a file with problems writes nothing.
    const refused = await importAppraisalFile(hr, quarter, file, "考评.csv");
    expect(refused.written).toBe(0);
    expect(refused.problems).toHaveLength(6);
    expect(await getDb().appraisal.count({ where: { quarter } })).toBe(0);
    expect(await getDb().auditLog.count({ where: { entityId: { startsWith: `${quarter}` } } })).toBe(0);
  });

  it("a clean file is written in one go: new ratings and replaced ones, source IMPORT, each audited", async () => {
    const { hr, a, b, c, quarter } = await setup();
    await createAppraisal({ quarter, userId: c.id, rating: "BASIC", source: "MANUAL", reason: "支行长初评" });
    const file = csv([scoreRow(a.employeeNo, uniformValues(100)), scoreRow(b.employeeNo, excellentValues()), ratingRow(c.employeeNo, "合格", "复核后上调")]);
    const dry = await checkAppraisalFile(hr, quarter, file, "考评.csv");
    expect(dry).toMatchObject({ ready: 3, replacing: 1, written: 0, byRating: { GOOD: 1, EXCELLENT: 1, QUALIFIED: 1 } });
    expect(await getDb().appraisal.count({ where: { quarter } })).toBe(1);

    const done = await importAppraisalFile(hr, quarter, file, "考评.csv");
    expect(done.written).toBe(3);
    const rows = await getDb().appraisal.findMany({ where: { quarter }, orderBy: { userId: "asc" } });
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    expect(byUser.get(a.id)).toMatchObject({ rating: "GOOD", source: "IMPORT", version: 1 });
    expect(Number(byUser.get(a.id)!.score)).toBe(100);
    expect(Number(byUser.get(b.id)!.score)).toBe(140.68);
    expect(byUser.get(b.id)!.rating).toBe("EXCELLENT");
    expect(byUser.get(c.id)).toMatchObject({ rating: "QUALIFIED", source: "IMPORT", reason: "复核后上调", score: null, values: null, version: 2 });
    const audits = await getDb().auditLog.findMany({ where: { action: "APPRAISAL_IMPORT", entityId: { startsWith: `${quarter}:` } } });
    expect(audits).toHaveLength(3);
    expect(audits.find((x) => x.entityId === `${quarter}:${c.id}`)!.before).toMatchObject({ rating: "BASIC", source: "MANUAL" });
    expect(await getDb().auditLog.count({ where: { action: "APPRAISAL_IMPORT_FILE", entityId: quarter } })).toBe(1);
  });

  it("a large file is written with its audit rows in bulk, JSON intact", async () => {
    const branch = await createBranch();
    const hr = viewerOf(await createUser({ role: "HR", branchId: branch.id }));
    const { quarter } = await createQuarter();
    const numbers: string[] = [];
    const users = await getDb().user.createManyAndReturn({
      data: Array.from({ length: 260 }, (_, i) => ({
        employeeNo: `BULK${i}`,
        name: `批量${i}`,
        email: `bulk${i}-${quarter}@eagle.test`,
        passwordHash: "x",
        role: "ACCOUNT_MANAGER" as const,
        branchId: branch.id,
      })),
    });
    for (const u of users) numbers.push(u.employeeNo);
    const done = await importAppraisalFile(
      hr,
      quarter,
      csv(numbers.map((no, i) => (i % 2 ? scoreRow(no, uniformValues(100)) : ratingRow(no, "合格", `批量说明${i}`)))),
      "bulk.csv",
    );
    expect(done.written).toBe(260);
    const audits = await getDb().auditLog.findMany({ where: { action: "APPRAISAL_IMPORT", entityId: { startsWith: `${quarter}:` } } });
    expect(audits).toHaveLength(260);
    const scored = audits.find((a) => a.entityId === `${quarter}:${users[1].id}`)!;
    expect(scored).toMatchObject({
      actorId: hr.id,
      before: null,
      after: { rating: "GOOD", score: 100, source: "IMPORT", reason: TYPED_RORAC, version: 1 },
      note: "bulk.csv 第 3 行",
    });
    expect((scored.after as { values: Record<string, number> }).values.NEW_NPL_RATIO).toBe(1);
    const direct = audits.find((a) => a.entityId === `${quarter}:${users[0].id}`)!;
    expect(direct.after).toMatchObject({ rating: "QUALIFIED", score: null, values: null, reason: "批量说明0" });
  });

  it("a file for a locked quarter is refused as a whole", async () => {
    const branch = await createBranch();
    const hr = viewerOf(await createUser({ role: "HR", branchId: branch.id }));
    const a = await createUser({ branchId: branch.id });
    const { quarter } = await createQuarter({ status: "LOCKED" });
    const label = `${quarter.slice(0, 4)}年第三季度`;
    const report = await importAppraisalFile(hr, quarter, csv([ratingRow(a.employeeNo, "优秀", "说明")]), "x.csv");
    expect(report.fileErrors[0]).toContain(`${label}已锁定`);
    expect(report.written).toBe(0);
    expect(await getDb().appraisal.count({ where: { quarter } })).toBe(0);
  });

  it("reads XLSX with indicator codes as headers and reports missing indicator columns", async () => {
    const { hr, a, quarter } = await setup();
    const values = uniformValues(85);
    const xlsx = await writeTable(
      "xlsx",
      "考评",
      [
        { header: "工号", value: (r: string) => r },
        ...indicators.map((i) => ({ header: i.code, value: () => values[i.code] })),
        { header: "说明", value: () => TYPED_RORAC },
      ],
      [a.employeeNo],
    );
    const ok = await checkAppraisalFile(hr, quarter, xlsx, "scores.xlsx");
    expect(ok).toMatchObject({ fileErrors: [], problems: [], ready: 1, byRating: { QUALIFIED: 1 } });

    const partial = await writeTable(
      "csv",
      "考评",
      [
        { header: "工号", value: (r: string) => r },
        { header: "存款计划完成率", value: () => "100" },
      ],
      [a.employeeNo],
    );
    const bad = await checkAppraisalFile(hr, quarter, partial, "partial.csv");
    expect(bad.fileErrors[0]).toMatch(/^文件缺少指标列 「RORAC 目标完成率」、「贷款计划完成率」/);
  });

  it("only HR imports; the template lists the active account managers with every typed column (not 行动计划跟进评分)", async () => {
    const { hr, branch, a, b, c, quarter } = await setup();
    const head = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: branch.id }));
    await expect(checkAppraisalFile(head, quarter, csv([]), "x.csv")).rejects.toThrow("没有权限");
    expect(await buildImportTemplate(head, quarter, "csv")).toBeNull();
    const built = await buildImportTemplate(hr, quarter, "csv", branch.id);
    const table = await readTable(built!.file, built!.fileName);
    expect(table.headers).toEqual(["工号", "姓名", "机构", ...indicators.filter((i) => i.code !== "ACTION_PLAN_FOLLOWUP").map((i) => i.name), "评级", "说明"]);
    expect(table.rows.map((r) => r.values["工号"]).sort()).toEqual([a.employeeNo, b.employeeNo, c.employeeNo].sort());
  });
});
