// The audit browser: HR filters the append-only log by person, actor, kind and date, pages through
// it, and exports it; before/after read in Chinese, never as codes.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { exportAuditEntries, listAuditEntries } from "@/lib/server/dal/audit/browse";
import { describeAuditValues, auditActionLabel } from "@/lib/domain/audit-labels";
import { parseAuditFilters } from "@/lib/schemas/audit";
import { audit } from "@/lib/server/audit";
import { auditRow } from "@/lib/server/audit-row";
import type { Viewer } from "@/lib/server/auth/viewer";
import { createBranch, createUser, viewerOf } from "../factories";

const db = getDb();
let hr: Viewer;
let head: Viewer;
let am: Awaited<ReturnType<typeof createUser>>;
let other: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  const branch = await createBranch("审计支行");
  hr = viewerOf(await createUser({ role: "HR", branchId: branch.id, name: "审计员甲" }));
  head = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: branch.id, name: "行长乙" }));
  am = await createUser({ branchId: branch.id, name: "经理丙" });
  other = await createUser({ branchId: branch.id, name: "经理丁" });
  await db.$transaction(async (tx) => {
    await audit(tx, {
      ...auditRow(hr.id, "GRADE_CHANGE", "User", am.id),
      before: { grade: "JUNIOR" },
      after: { grade: "INTERMEDIATE", reason: "PROMOTION" },
    });
    await audit(tx, {
      ...auditRow(head.id, "APPRAISAL_SAVE", "Appraisal", `2031Q1:${am.id}`),
      before: null,
      after: { rating: "EXCELLENT", score: 92.5, version: 1 },
    });
    await audit(tx, {
      ...auditRow(head.id, "APPRAISAL_SAVE", "Appraisal", `2031Q1:${other.id}`),
      before: null,
      after: { rating: "GOOD" },
    });
  });
  for (let i = 0; i < 60; i++)
    await db.auditLog.create({ data: { actorId: hr.id, action: "COURSE_UPDATE", entity: "Course", entityId: `c${i}`, after: { title: `课程${i}` } } });
});

describe("audit browser", () => {
  it("filters by the person an entry is about, by actor and by kind", async () => {
    const mine = await listAuditEntries(hr, { person: am.employeeNo });
    expect(mine.entries.map((e) => e.action).sort()).toEqual(["APPRAISAL_SAVE", "GRADE_CHANGE"]);
    expect(mine.entries.every((e) => e.personName === "经理丙")).toBe(true);
    const byHead = await listAuditEntries(hr, { actor: "行长乙" });
    expect(byHead.total).toBe(2);
    const saves = await listAuditEntries(hr, { kind: "APPRAISAL_SAVE", person: "经理" });
    expect(saves.total).toBe(2);
  });

  it("filters by date in Shanghai time, both ends included", async () => {
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    expect((await listAuditEntries(hr, { from: today, to: today, actor: "审计员甲" })).total).toBe(61);
    expect((await listAuditEntries(hr, { to: "2020-01-01" })).total).toBe(0);
  });

  it("pages 50 at a time, newest first", async () => {
    const first = await listAuditEntries(hr, { kind: "COURSE_UPDATE" });
    expect(first).toMatchObject({ total: 60, pageCount: 2, page: 1 });
    expect(first.entries).toHaveLength(50);
    const second = await listAuditEntries(hr, { kind: "COURSE_UPDATE", page: 2 });
    expect(second.entries).toHaveLength(10);
    expect(BigInt(first.entries[0].id) > BigInt(second.entries[0].id)).toBe(true);
  });

  it("describes before and after in Chinese", async () => {
    const [change] = (await listAuditEntries(hr, { kind: "GRADE_CHANGE", person: am.employeeNo })).entries;
    expect(auditActionLabel(change.action)).toBe("等级变动");
    expect(describeAuditValues(change.before)).toEqual(["等级：初级"]);
    expect(describeAuditValues(change.after)).toEqual(["等级：中级", "原因：晋级"]);
    expect(describeAuditValues({ rating: "EXCELLENT", score: 92.5, userId: "x", values: { a: 1 } })).toEqual(["评级：优秀", "得分：92.5"]);
  });

  it("exports every matching entry; only HR browses", async () => {
    expect(await exportAuditEntries(hr, { kind: "COURSE_UPDATE" })).toHaveLength(60);
    await expect(listAuditEntries(head, {})).rejects.toThrow("没有权限");
  });

  it("drops malformed filters from the URL", () => {
    expect(parseAuditFilters({ from: "2026-02-30", kind: "x'; --", page: "-3", person: "a\u0000b" })).toEqual({
      person: "ab",
      actor: undefined,
      kind: undefined,
      from: undefined,
      to: undefined,
      page: 1,
    });
  });
});
