import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { confirmInitialGrades, listGradingCandidates } from "@/lib/server/dal/review/grading";
import { importCertifications, recordCertification } from "@/lib/server/dal/review/certifications";
import { getProfileForViewer } from "@/lib/server/dal/people";
import { readUpload as readTable } from "@/lib/server/import";
import { createBranch, createUser } from "../factories";
import { certify, hrViewer, quarters, rate } from "../factories/review";

const db = getDb();

describe("initial grading (定级)", () => {
  it("proposes a grade from tenure, certifications and the last annual appraisal, and HR confirms in bulk", async () => {
    const hr = await hrViewer();
    await quarters("LOCKED", "2025Q3", "2025Q4", "2026Q1");
    await quarters("OPEN", "2026Q2");
    const b = await createBranch("定级支行");
    // 30 months, probation passed, 良好 in the latest locked Q4 → 中级.
    const good = await createUser({ branchId: b.id, roleStartDate: "2024-05-01", name: "良好者" });
    await certify(good.id, "PROBATION", "2024-11-01");
    await rate(good.id, { "2025Q4": "GOOD", "2026Q1": "BASIC" });
    // Same, but 基本合格 in Q4 caps the proposal at 初级 (the later quarter does not replace the annual result).
    const capped = await createUser({ branchId: b.id, roleStartDate: "2024-05-01", name: "封顶者" });
    await certify(capped.id, "PROBATION", "2024-11-01");
    await rate(capped.id, { "2025Q4": "BASIC", "2026Q1": "EXCELLENT" });
    // No Q4 rating: the most recent locked rating (2026Q1 不合格) is used; the open quarter is not.
    const noQ4 = await createUser({ branchId: b.id, roleStartDate: "2024-05-01", name: "无年度者" });
    await certify(noQ4.id, "PROBATION", "2024-11-01");
    await rate(noQ4.id, { "2026Q1": "UNQUALIFIED", "2026Q2": "EXCELLENT" });
    // Newcomer without a certificate.
    const newcomer = await createUser({ branchId: b.id, roleStartDate: "2026-09-01", name: "新人" });
    // Not candidates: already graded, exited, an assistant.
    await createUser({ branchId: b.id, roleStartDate: "2024-05-01", grade: "JUNIOR", name: "已定级" });
    const gone = await createUser({ branchId: b.id, roleStartDate: "2024-05-01", name: "已退出" });
    await db.user.update({ where: { id: gone.id }, data: { status: "EXITED" } });
    await createUser({ branchId: b.id, role: "ASSISTANT", roleStartDate: "2024-05-01", name: "助理" });

    const list = await listGradingCandidates(hr, "2026-11-25");
    expect(list.map((c) => c.name).sort()).toEqual(["封顶者", "新人", "无年度者", "良好者"].sort());
    const byName = new Map(list.map((c) => [c.name, c]));
    expect(byName.get("良好者")).toMatchObject({
      tenureMonths: 30,
      annualRating: { rating: "GOOD", quarter: "2025Q4" },
      proposal: { grade: "INTERMEDIATE", reason: "任职2年6个月，符合中级条件，因任职年限不足（30/36个月）未达高级，拟定级为中级" },
    });
    expect(byName.get("封顶者")).toMatchObject({
      annualRating: { rating: "BASIC", quarter: "2025Q4" },
      proposal: { grade: "JUNIOR", reason: "任职2年6个月，符合中级条件，但上年度考核基本合格，按考核结果拟定级为初级" },
    });
    expect(byName.get("无年度者")).toMatchObject({ annualRating: { rating: "UNQUALIFIED", quarter: "2026Q1" }, proposal: { grade: "TRAINEE" } });
    expect(byName.get("新人")).toMatchObject({ annualRating: null, proposal: { grade: "TRAINEE" } });

    const result = await confirmInitialGrades(
      hr,
      [
        { userId: good.id, grade: "INTERMEDIATE" },
        { userId: capped.id, grade: "INTERMEDIATE" },
        { userId: newcomer.id, grade: "TRAINEE" },
      ],
      "2026-11-25",
    );
    expect(result).toEqual({ graded: 3 });
    const changes = await db.gradeChange.findMany({ where: { userId: { in: [good.id, capped.id, newcomer.id] } } });
    expect(changes).toHaveLength(3);
    for (const c of changes) {
      expect(c).toMatchObject({ reason: "INITIAL", fromGrade: null, quarter: "2026Q4", actorId: hr.id });
      expect(c.effectiveDate.toISOString().slice(0, 10)).toBe("2026-11-25");
    }
    expect(changes.find((c) => c.userId === capped.id)?.note).toBe(
      "定级为中级（人力资源部调整，系统建议初级：任职2年6个月，符合中级条件，但上年度考核基本合格，按考核结果拟定级为初级）",
    );
    expect(changes.find((c) => c.userId === good.id)?.note).toMatch(/^定级：任职2年6个月/);
    expect((await getProfileForViewer(hr, capped.id))?.grade).toBe("INTERMEDIATE");
    const audit = await db.auditLog.findMany({ where: { action: { in: ["GRADE_CHANGE", "INITIAL_GRADING"] } } });
    expect(
      audit
        .filter((a) => a.action === "GRADE_CHANGE")
        .map((a) => a.entityId)
        .sort(),
    ).toEqual([good.id, capped.id, newcomer.id].sort());
    expect(audit.find((a) => a.action === "INITIAL_GRADING")?.after).toEqual({ graded: 3, asOf: "2026-11-25" });

    expect((await listGradingCandidates(hr, "2026-11-25")).map((c) => c.name)).toEqual(["无年度者"]);
    // Somebody graded meanwhile: the whole batch is refused and nothing is written.
    await expect(
      confirmInitialGrades(
        hr,
        [
          { userId: noQ4.id, grade: "TRAINEE" },
          { userId: good.id, grade: "JUNIOR" },
        ],
        "2026-11-25",
      ),
    ).rejects.toThrow("良好者已有等级或已不是在职客户经理，请刷新页面后重新确认");
    expect(await db.gradeChange.count({ where: { userId: noQ4.id } })).toBe(0);
    await expect(confirmInitialGrades({ ...hr, role: "BRANCH_HEAD" }, [{ userId: noQ4.id, grade: "TRAINEE" }])).rejects.toThrow("没有权限");
  });
});

describe("certifications", () => {
  it("records one result by employee number, refuses unknown people and duplicates, and shows it on the profile", async () => {
    const hr = await hrViewer();
    const b = await createBranch();
    const am = await createUser({ branchId: b.id, roleStartDate: "2025-01-01", grade: "TRAINEE" });
    const record = { employeeNo: am.employeeNo, code: "PROBATION", passedOn: "2025-07-10", validUntil: null, score: 91.5 };
    await recordCertification(hr, record);
    await expect(recordCertification(hr, record)).rejects.toThrow("该人员同一日期的该项认证已登记");
    await expect(recordCertification(hr, { ...record, employeeNo: "NOPE" })).rejects.toThrow("工号 NOPE 不存在");
    const profile = await getProfileForViewer(hr, am.id);
    expect(profile?.certifications).toEqual([{ code: "PROBATION", name: "见习期考核", passedOn: "2025-07-10", validUntil: null }]);
    expect(await db.auditLog.count({ where: { action: "CERTIFICATION_RECORD", entityId: am.id } })).toBe(1);
  });

  it("imports a spreadsheet only when every row is clean; a dry run lists every bad row and writes nothing", async () => {
    const hr = await hrViewer();
    const b = await createBranch();
    const a1 = await createUser({ branchId: b.id });
    const a2 = await createUser({ branchId: b.id });
    const head = await createUser({ branchId: b.id, role: "BRANCH_HEAD" });
    const csv = (lines: string[]) => Buffer.from(`\uFEFF工号,认证代码,通过日期,有效期至,成绩\n${lines.join("\n")}\n`);
    const bad = await readTable(
      csv([
        `${a1.employeeNo},PROBATION,2026-03-05,,88`,
        `NOBODY,PROBATION,2026-03-05,,`,
        `${a2.employeeNo},信贷,2026-02-30,,`,
        `${a1.employeeNo},probation,2026/3/5,,`,
        `${head.employeeNo},CREDIT_L2,2026-03-05,2025-01-01,`,
      ]),
      "认证.csv",
    );
    const before = await db.certification.count();
    const dry = await importCertifications(hr, bad, { dryRun: true });
    expect(dry.written).toBe(0);
    expect(dry.problems).toEqual([
      { line: 3, messages: ["工号 NOBODY 不存在"] },
      { line: 4, messages: ["认证代码“信贷”不正确（应为字母开头的英文代码，如 PROBATION）", "通过日期“2026-02-30”不是有效日期（格式如 2026-03-05）"] },
      { line: 5, messages: ["与第 2 行重复"] },
      { line: 6, messages: ["有效期至早于通过日期"] },
    ]);
    // A real run with problems writes nothing either.
    expect((await importCertifications(hr, bad, { dryRun: false })).written).toBe(0);
    expect(await db.certification.count()).toBe(before);

    const good = await readTable(csv([`${a1.employeeNo},PROBATION,2026-03-05,,88`, `${a2.employeeNo},credit_l2,2026/3/6,2028-03-05,`]), "认证.csv");
    const check = await importCertifications(hr, good, { dryRun: true });
    expect(check).toMatchObject({ problems: [], written: 0 });
    expect(check.rows.map((r) => [r.line, r.code, r.passedOn])).toEqual([
      [2, "PROBATION", "2026-03-05"],
      [3, "CREDIT_L2", "2026-03-06"],
    ]);
    expect(await db.certification.count()).toBe(before);
    const done = await importCertifications(hr, good, { dryRun: false });
    expect(done.written).toBe(2);
    expect(await db.certification.count()).toBe(before + 2);
    expect(await db.auditLog.count({ where: { action: "CERTIFICATION_IMPORT" } })).toBe(1);
    // The same file again is now all duplicates.
    expect((await importCertifications(hr, good, { dryRun: true })).problems).toHaveLength(2);

    await expect(importCertifications(hr, await readTable(Buffer.from("姓名,日期\n张三,2026-01-01\n"), "x.csv"), { dryRun: true })).rejects.toThrow(
      "文件缺少必填列：工号、认证代码、通过日期",
    );
  });
});
