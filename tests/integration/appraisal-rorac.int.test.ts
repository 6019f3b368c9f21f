import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { saveAppraisal } from "@/lib/server/dal/appraisal/save";
import { checkRoracFile, getRoracEntry, importRoracFile, saveRoracEntry } from "@/lib/server/dal/appraisal/rorac";
import { roracImportHeaders } from "@/lib/domain/rorac-lines";
import { getAppraisalSheet } from "@/lib/server/dal/appraisal/sheet";
import { lockQuarter } from "@/lib/server/dal/appraisal/quarters";
import { RORAC_TYPED_REASON_MESSAGE } from "@/lib/domain/appraisal";
import { createUser } from "../factories";
import { appraisalTeam, uniformValues } from "../factories/appraisal";

const team = appraisalTeam;

/** 存款: stock 100 aged 2 years (k0 0.9) + new 30 → 120; 贷款: stock 200 − 50 aged 0 + nothing new → 150. Σ 270. */
const twoLines = () => [
  {
    name: "存款",
    "stock.income": "100",
    "stock.directCost": "0",
    "stock.managementCost": "0",
    "stock.fixedCost": "0",
    "stock.riskCost": "0",
    "stock.tax": "0",
    "incremental.income": "30",
    "incremental.directCost": "0",
    "incremental.managementCost": "0",
    "incremental.fixedCost": "0",
    "incremental.riskCost": "0",
    "incremental.tax": "0",
    stockAgeYears: "2",
  },
  {
    name: "贷款",
    "stock.income": "200",
    "stock.directCost": "50",
    "stock.managementCost": "0",
    "stock.fixedCost": "0",
    "stock.riskCost": "0",
    "stock.tax": "0",
    stockAgeYears: "0",
  },
];

const stored = (quarter: string, userId: string) => getDb().appraisal.findUnique({ where: { userId_quarter: { userId, quarter } } });

describe("RORAC from the business lines", () => {
  it("lines entered by the branch head give the completion rate that the scorecard and the rating take", async () => {
    const { head, am, quarter } = await team();
    const saved = await saveRoracEntry(head, { quarter, userId: am.id, target: "300", lines: twoLines() });
    expect(saved).toEqual({ name: "林晓", rate: 90 });
    const entry = await getRoracEntry(head, quarter, am.id);
    expect(entry!.figures).toMatchObject({ target: 300, combined: 270, rate: 90 });
    expect(entry!.figures.lines.map((l) => [l.name, l.rorac])).toEqual([
      ["存款", 120],
      ["贷款", 150],
    ]);
    const sheet = await getAppraisalSheet(head, quarter);
    expect(sheet!.rows[0].rorac!.rate).toBe(90);

    // The typed 100 is ignored: FINANCIAL = 90 → 0.483 × 90 + 0.517 × 100 = 95.17 (良好); no reason needed.
    const rated = await saveAppraisal(head, { quarter, userId: am.id, version: 0, mode: "score", values: uniformValues(100) });
    expect(rated).toMatchObject({ score: 95.17, rating: "GOOD" });
    expect(((await stored(quarter, am.id))!.values as Record<string, number>).RORAC_COMPLETION).toBe(90);

    const log = await getDb().auditLog.findMany({ where: { entity: "RoracLine", entityId: `${quarter}:${am.id}` } });
    expect(log.map((l) => l.action)).toEqual(["RORAC_SAVE"]);
    expect(log[0].after).toMatchObject({ target: 300, combined: 270, rate: 90 });

    // Entering again replaces the lines (one line now) and is audited with the before state.
    await saveRoracEntry(head, { quarter, userId: am.id, target: "150", lines: [twoLines()[1]] });
    expect((await getRoracEntry(head, quarter, am.id))!.figures).toMatchObject({ combined: 150, rate: 100 });
    const second = await getDb().auditLog.findFirst({ where: { entity: "RoracLine", entityId: `${quarter}:${am.id}` }, orderBy: { id: "desc" } });
    expect(second!.before).toMatchObject({ combined: 270 });
  });

  it("a typed rate needs a reason: without lines, and when overriding the lines", async () => {
    const { head, am, quarter } = await team();
    const typed = { quarter, userId: am.id, version: 0, mode: "score" as const, values: uniformValues(100) };
    await expect(saveAppraisal(head, typed)).rejects.toThrow(RORAC_TYPED_REASON_MESSAGE);
    expect(await stored(quarter, am.id)).toBeNull();

    await saveRoracEntry(head, { quarter, userId: am.id, target: "300", lines: twoLines() });
    await expect(saveAppraisal(head, { ...typed, roracTyped: true })).rejects.toThrow(RORAC_TYPED_REASON_MESSAGE);
    const saved = await saveAppraisal(head, { ...typed, roracTyped: true, reason: "条线数据未含表外业务，按财务部口径填写" });
    expect(saved).toMatchObject({ score: 100, rating: "GOOD" });
    const log = await getDb().auditLog.findFirst({ where: { action: "APPRAISAL_SAVE", entityId: `${quarter}:${am.id}` } });
    expect(log!.note).toBe("条线数据未含表外业务，按财务部口径填写");
    expect(log!.after).toMatchObject({ values: { RORAC_COMPLETION: 100 } });
  });

  it("refuses bad numbers with a message per field and writes nothing", async () => {
    const { head, am, quarter } = await team();
    const [good] = twoLines();
    const error = await saveRoracEntry(head, {
      quarter,
      userId: am.id,
      target: "0",
      lines: [
        { ...good, "stock.tax": "-3" },
        { ...good, "incremental.income": "很多" },
      ],
    }).catch((e) => e);
    expect(error.fieldErrors).toMatchObject({
      target: ["「RORAC 目标」必须大于 0"],
      "line.0.stock.tax": ["「存量业务税收 T」应在 0～1000000 之间"],
      "line.1.incremental.income": ["「新增业务收入 E」必须是数字（当前“很多”）"],
      "line.1.name": ["业务条线「存款」重复"],
    });
    expect(await getDb().roracLine.count({ where: { userId: am.id } })).toBe(0);
    expect(await getDb().roracTarget.count({ where: { userId: am.id } })).toBe(0);
  });

  it("a branch head cannot enter for another branch, nor after the lock; HR corrects after the lock with a reason", async () => {
    const { head, otherHead, hr, am, quarter } = await team();
    await expect(saveRoracEntry(otherHead, { quarter, userId: am.id, target: "300", lines: twoLines() })).rejects.toThrow("不在您的管理范围内");
    expect(await getRoracEntry(otherHead, quarter, am.id)).toBeNull();
    expect(await getDb().roracLine.count({ where: { userId: am.id } })).toBe(0);

    await lockQuarter(hr, quarter);
    await expect(saveRoracEntry(head, { quarter, userId: am.id, target: "300", lines: twoLines() })).rejects.toThrow("已由人力资源部锁定");
    expect((await getRoracEntry(head, quarter, am.id))!.mode).toBe("readonly");
    await expect(saveRoracEntry(hr, { quarter, userId: am.id, target: "300", lines: twoLines() })).rejects.toThrow("必须填写更正原因");
    expect(await getDb().roracLine.count({ where: { userId: am.id } })).toBe(0);
    await saveRoracEntry(hr, { quarter, userId: am.id, target: "300", lines: twoLines(), reason: "财务部补报贷款条线" });
    const log = await getDb().auditLog.findFirst({ where: { entity: "RoracLine", entityId: `${quarter}:${am.id}` } });
    expect(log).toMatchObject({ action: "RORAC_CORRECT", note: "锁定后更正：财务部补报贷款条线" });
  });

  it("imports lines from a file: a dry run lists every bad row and writes nothing; the fixed file replaces the lines, audited", async () => {
    const { hr, am, quarter } = await team();
    const other = await createUser({ branchId: am.branchId, name: "周敏" });
    const csv = (rows: string[][]) => Buffer.from([roracImportHeaders(), ...rows].map((r) => r.join(",")).join("\n"), "utf8");
    // 工号, 姓名, 业务条线, 存量 E Cd Cm Cf Cr T, 新增 E Cd Cm Cf Cr T, n, 目标
    const row = (no: string, line: string, stockIncome: string, target: string, age = "2") => [
      no,
      "",
      line,
      stockIncome,
      "0",
      "0",
      "0",
      "0",
      "0",
      "30",
      "0",
      "0",
      "0",
      "0",
      "0",
      age,
      target,
    ];
    const bad = csv([
      row(am.employeeNo, "存款", "100", "300"), // line 2: fine
      row(am.employeeNo, "贷款", "150", "250"), // line 3: another target for the same person
      row("999999", "存款", "100", "300"), // line 4: unknown number
      row(other.employeeNo, "存款", "abc", "300", "-1"), // line 5: not a number, negative age
    ]);
    const dry = await importRoracFile(hr, quarter, bad, "条线.csv");
    expect(dry.written).toBe(0);
    expect(dry.problems).toEqual([
      { line: 3, employeeNo: am.employeeNo, messages: ["同一人的「RORAC 目标（万元）」应一致（前面的行为 300）"] },
      { line: 4, employeeNo: "999999", messages: ["工号 999999 不存在"] },
      {
        line: 5,
        employeeNo: other.employeeNo,
        messages: ["「存量业务收入 E」必须是数字（当前“abc”）", "「存量业务加权平均年数 n」应在 0～50 之间"],
      },
    ]);
    expect(await getDb().roracLine.count({ where: { quarter } })).toBe(0);

    const good = csv([row(am.employeeNo, "存款", "100", "300"), row(am.employeeNo, "贷款", "150", "300", "0"), row(other.employeeNo, "存款", "100", "130")]);
    expect(await checkRoracFile(hr, quarter, good, "条线.csv")).toMatchObject({ ready: 2, lines: 3, written: 0, problems: [], fileErrors: [] });
    expect(await getDb().roracLine.count({ where: { quarter } })).toBe(0);
    const done = await importRoracFile(hr, quarter, good, "条线.csv");
    expect(done).toMatchObject({ written: 2, lines: 3 });
    // am: 0.9 × 100 + 30 + 150 + 30 = 300 → 100 %; 周敏: 120 / 130.
    expect((await getRoracEntry(hr, quarter, am.id))!.figures).toMatchObject({ combined: 300, rate: 100 });
    expect((await getRoracEntry(hr, quarter, other.id))!.figures).toMatchObject({ combined: 120, rate: 92.31 });
    expect(await getDb().auditLog.count({ where: { action: "RORAC_IMPORT", entityId: { startsWith: `${quarter}:` } } })).toBe(2);
  });
});
