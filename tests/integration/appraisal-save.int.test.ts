import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { saveAppraisal } from "@/lib/server/dal/appraisal/save";
import { lockQuarter } from "@/lib/server/dal/appraisal/quarters";
import { getAppraisalSheet } from "@/lib/server/dal/appraisal/sheet";
import { createUser } from "../factories";
import { appraisalTeam, createAppraisal, excellentValues, uniformValues } from "../factories/appraisal";

const team = appraisalTeam;

const stored = (quarter: string, userId: string) => getDb().appraisal.findUnique({ where: { userId_quarter: { userId, quarter } } });

describe("saving a quarterly rating", () => {
  it("computes the score and the rating from indicator values on the server", async () => {
    const { head, am, quarter } = await team();
    const saved = await saveAppraisal(head, {
      quarter,
      userId: am.id,
      version: 0,
      mode: "score",
      values: uniformValues(100),
      reason: "RORAC 按财务报表手工填写",
    });
    expect(saved).toMatchObject({ rating: "GOOD", score: 100, version: 1 });
    const row = await stored(quarter, am.id);
    expect(row).toMatchObject({ rating: "GOOD", source: "SCORE", version: 1, updatedById: head.id });
    expect(Number(row!.score)).toBe(100);
    expect((row!.values as Record<string, number>).RORAC_COMPLETION).toBe(100);

    const again = await saveAppraisal(head, {
      quarter,
      userId: am.id,
      version: 1,
      mode: "score",
      values: excellentValues(),
      reason: "RORAC 按财务报表手工填写",
    });
    expect(again).toMatchObject({ rating: "EXCELLENT", score: 140.68, version: 2 });
    const log = await getDb().auditLog.findMany({ where: { entityId: `${quarter}:${am.id}` }, orderBy: { id: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["APPRAISAL_SAVE", "APPRAISAL_SAVE"]);
    expect(log[1].before).toMatchObject({ rating: "GOOD", score: 100 });
    expect(log[1].after).toMatchObject({ rating: "EXCELLENT", score: 140.68 });
  });

  it("names every missing or out-of-range indicator and saves nothing", async () => {
    const { head, am, quarter } = await team();
    const values = { ...uniformValues(90), CLIENT_SATISFACTION: "120", LOAN_PLAN: "", DEPOSIT_PLAN: "很多" };
    const error = await saveAppraisal(head, { quarter, userId: am.id, version: 0, mode: "score", values }).catch((e) => e);
    expect(error.fieldErrors).toEqual({
      "v.CLIENT_SATISFACTION": ["指标「客户满意度」不能大于 100分（当前 120分）"],
      "v.LOAN_PLAN": ["请填写「贷款计划完成率」"],
      "v.DEPOSIT_PLAN": ["「存款计划完成率」必须是数字（当前“很多”）"],
    });
    expect(await stored(quarter, am.id)).toBeNull();
  });

  it("requires a reason for a direct rating and keeps it", async () => {
    const { head, am, quarter } = await team();
    await expect(saveAppraisal(head, { quarter, userId: am.id, version: 0, mode: "rating", rating: "BASIC", reason: "  " })).rejects.toThrow(
      "直接评级必须填写原因",
    );
    expect(await stored(quarter, am.id)).toBeNull();
    await saveAppraisal(head, { quarter, userId: am.id, version: 0, mode: "rating", rating: "BASIC", reason: "本季度长期病假，仅完成部分指标" });
    expect(await stored(quarter, am.id)).toMatchObject({ rating: "BASIC", source: "MANUAL", score: null, reason: "本季度长期病假，仅完成部分指标" });
  });

  it("refuses a branch head rating someone of another branch, and hides them from the sheet", async () => {
    const { otherHead, head, am, quarter } = await team();
    await expect(saveAppraisal(otherHead, { quarter, userId: am.id, version: 0, mode: "rating", rating: "EXCELLENT", reason: "越权测试" })).rejects.toThrow(
      "不在您的管理范围内",
    );
    expect(await stored(quarter, am.id)).toBeNull();
    const otherSheet = await getAppraisalSheet(otherHead, quarter, { branchId: am.branchId });
    expect(otherSheet!.rows.map((r) => r.userId)).not.toContain(am.id);
    const ownSheet = await getAppraisalSheet(head, quarter);
    expect(ownSheet!.rows.map((r) => r.userId)).toEqual([am.id]);
  });

  it("refuses a save made against an older version (optimistic concurrency)", async () => {
    const { head, hr, am, quarter } = await team();
    await saveAppraisal(head, { quarter, userId: am.id, version: 0, mode: "score", values: uniformValues(90), reason: "RORAC 按财务报表手工填写" });
    // HR and the head both opened version 1; HR saves first.
    await saveAppraisal(hr, { quarter, userId: am.id, version: 1, mode: "rating", rating: "QUALIFIED", reason: "复核调整" });
    await expect(
      saveAppraisal(head, { quarter, userId: am.id, version: 1, mode: "score", values: uniformValues(100), reason: "RORAC 按财务报表手工填写" }),
    ).rejects.toThrow("该考评结果已被他人修改，请刷新后再试");
    // A second "first rating" of the same person is a conflict too.
    await expect(
      saveAppraisal(head, { quarter, userId: am.id, version: 0, mode: "score", values: uniformValues(100), reason: "RORAC 按财务报表手工填写" }),
    ).rejects.toThrow("已被他人修改");
    expect(await stored(quarter, am.id)).toMatchObject({ rating: "QUALIFIED", version: 2, source: "MANUAL" });
  });

  it("after the lock refuses branch heads; HR corrects only with a reason, audited with before and after", async () => {
    const { head, hr, am, quarter } = await team();
    await saveAppraisal(head, { quarter, userId: am.id, version: 0, mode: "score", values: uniformValues(90), reason: "RORAC 按财务报表手工填写" });
    await lockQuarter(hr, quarter);
    await expect(
      saveAppraisal(head, { quarter, userId: am.id, version: 1, mode: "score", values: uniformValues(100), reason: "RORAC 按财务报表手工填写" }),
    ).rejects.toThrow("已由人力资源部锁定");
    await expect(saveAppraisal(hr, { quarter, userId: am.id, version: 1, mode: "rating", rating: "GOOD" })).rejects.toThrow(/必须填写更正原因|必须填写原因/);
    await expect(saveAppraisal(hr, { quarter, userId: am.id, version: 1, mode: "score", values: uniformValues(100) })).rejects.toThrow("必须填写更正原因");
    expect(await stored(quarter, am.id)).toMatchObject({ rating: "QUALIFIED", version: 1 });

    await saveAppraisal(hr, { quarter, userId: am.id, version: 1, mode: "score", values: uniformValues(100), reason: "贷款数据更正：系统漏计一笔投放" });
    expect(await stored(quarter, am.id)).toMatchObject({ rating: "GOOD", version: 2, reason: "贷款数据更正：系统漏计一笔投放" });
    const [correction] = await getDb().auditLog.findMany({ where: { entityId: `${quarter}:${am.id}`, action: "APPRAISAL_CORRECT" } });
    expect(correction.actorId).toBe(hr.id);
    expect(correction.before).toMatchObject({ rating: "QUALIFIED", score: 90, version: 1 });
    expect(correction.after).toMatchObject({ rating: "GOOD", score: 100, version: 2 });
    expect(correction.note).toContain("贷款数据更正");
  });

  it("only rates active account managers", async () => {
    const { head, branch, quarter } = await team();
    const assistant = await createUser({ role: "ASSISTANT", branchId: branch.id });
    const exited = await createUser({ branchId: branch.id });
    await getDb().user.update({ where: { id: exited.id }, data: { status: "EXITED" } });
    for (const person of [assistant, exited]) {
      await expect(saveAppraisal(head, { quarter, userId: person.id, version: 0, mode: "rating", rating: "GOOD", reason: "测试说明" })).rejects.toThrow(
        "找不到这位客户经理",
      );
    }
  });

  it("the sheet filters by status and search and counts ratings in SQL", async () => {
    const { head, hr, branch, am, quarter } = await team();
    const am2 = await createUser({ branchId: branch.id, name: "周%明" });
    const am3 = await createUser({ branchId: branch.id, name: "王强" });
    await createAppraisal({ quarter, userId: am.id, rating: "EXCELLENT", score: 120 });
    await createAppraisal({ quarter, userId: am2.id, rating: "GOOD", source: "MANUAL", reason: "说明" });
    const sheet = await getAppraisalSheet(head, quarter);
    expect(sheet!.counts).toMatchObject({ total: 3, rated: 2, byRating: { EXCELLENT: 1, GOOD: 1, QUALIFIED: 0 } });
    expect((await getAppraisalSheet(head, quarter, { status: "UNRATED" }))!.rows.map((r) => r.userId)).toEqual([am3.id]);
    expect((await getAppraisalSheet(head, quarter, { status: "EXCELLENT" }))!.rows.map((r) => r.userId)).toEqual([am.id]);
    expect((await getAppraisalSheet(head, quarter, { q: "%" }))!.rows.map((r) => r.userId)).toEqual([am2.id]);
    expect((await getAppraisalSheet(head, quarter, { q: am3.employeeNo }))!.rows.map((r) => r.name)).toEqual(["王强"]);
    const hrSheet = await getAppraisalSheet(hr, quarter, { branchId: branch.id });
    expect(hrSheet!.branches.find((b) => b.branchId === branch.id)).toMatchObject({ total: 3, rated: 2, excellent: 1, cap: null });
    expect(hrSheet!.rows[0].appraisal).toMatchObject({ rating: "EXCELLENT", score: 120, version: 1 });
  });
});
