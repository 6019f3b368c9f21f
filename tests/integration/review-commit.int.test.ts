import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { ALREADY_COMMITTED, commitReview } from "@/lib/server/dal/review/commit";
import { revertReview } from "@/lib/server/dal/review/revert";
import { previewReview } from "@/lib/server/dal/review/preview";
import { excludeFromReview, setReviewQuotas } from "@/lib/server/dal/review/draft";
import { getCommittedReview } from "@/lib/server/dal/review/committed";
import { DEFAULT_GRADE_RULES } from "@/lib/domain/promotion";
import type { Viewer } from "@/lib/server/auth/viewer";
import { createBranch, createUser } from "../factories";
import { certify, hrViewer, quarters, rate } from "../factories/review";

// The tests of this file build on each other (one database per file): a commit of 2030Q2, a
// second attempt, the next quarter, a revert and a fresh commit, then unrelated later quarters.

const db = getDb();
let hr: Viewer;
let branchId: string;
const people: Record<string, string> = {};

async function grade(userId: string) {
  const [row] = await db.$queryRaw<{ grade: string | null }[]>`SELECT grade::text FROM "CurrentGrade" WHERE "userId" = ${userId}`;
  return row?.grade ?? null;
}

const counts = async () => ({
  gradeChanges: await db.gradeChange.count(),
  entries: await db.reviewEntry.count(),
  audit: await db.auditLog.count(),
  committed: await db.promotionReview.count({ where: { status: "COMMITTED" } }),
});

beforeAll(async () => {
  hr = await hrViewer();
  await quarters("LOCKED", "2030Q1", "2030Q2", "2030Q3");
  branchId = (await createBranch("提交支行")).id;
  const make = async (
    key: string,
    grade: "TRAINEE" | "JUNIOR" | "SENIOR",
    ratings: Record<string, "EXCELLENT" | "GOOD" | "BASIC" | "UNQUALIFIED">,
    score?: number,
  ) => {
    const u = await createUser({ branchId, grade, roleStartDate: "2020-01-01", gradedOn: "2025-01-01", name: key });
    await certify(u.id, "PROBATION", "2020-07-01");
    await rate(u.id, ratings, score === undefined ? {} : { "2030Q2": score });
    people[key] = u.id;
  };
  const E = "EXCELLENT" as const;
  await make("promoted", "JUNIOR", { "2030Q1": E, "2030Q2": E, "2030Q3": E }, 90);
  await make("cutByQuota", "JUNIOR", { "2030Q1": E, "2030Q2": E }, 80);
  await make("excluded", "JUNIOR", { "2030Q1": E, "2030Q2": E }, 99);
  await make("demoted", "SENIOR", { "2030Q1": "BASIC", "2030Q2": "BASIC" });
  await make("exited", "TRAINEE", { "2030Q1": "UNQUALIFIED", "2030Q2": "UNQUALIFIED" });
  await make("unchanged", "SENIOR", { "2030Q1": "GOOD", "2030Q2": E });
});

describe("commitReview", () => {
  it("writes the review, an entry per person, the grade changes, exits, the rules snapshot and audit rows together", async () => {
    await setReviewQuotas(hr, "2030Q2", { INTERMEDIATE: 1 });
    await excludeFromReview(hr, "2030Q2", people.excluded, "借调总行期间不参评");
    const before = await counts();

    const result = await commitReview(hr, "2030Q2");
    expect(result.counts).toEqual({ PROMOTE: 1, DEMOTE: 1, EXIT: 1, BLOCKED: 1, NONE: 1, EXCLUDED: 1 });
    expect(result.gradeChanges).toBe(3);

    const review = await db.promotionReview.findUniqueOrThrow({ where: { id: result.reviewId } });
    expect(review).toMatchObject({ quarter: "2030Q2", status: "COMMITTED", committedById: hr.id, ruleSetId: null, rulesSnapshot: DEFAULT_GRADE_RULES });

    const changes = await db.gradeChange.findMany({ where: { reviewId: review.id }, orderBy: { reason: "asc" } });
    expect(changes.map((c) => [c.userId, c.reason, c.fromGrade, c.toGrade])).toEqual(
      expect.arrayContaining([
        [people.promoted, "PROMOTION", "JUNIOR", "INTERMEDIATE"],
        [people.demoted, "DEMOTION", "SENIOR", "INTERMEDIATE"],
        [people.exited, "EXIT", "TRAINEE", null],
      ]),
    );
    expect(changes).toHaveLength(3);
    for (const c of changes) {
      expect(c.effectiveDate.toISOString().slice(0, 10)).toBe("2030-07-01");
      expect(c.quarter).toBe("2030Q2");
      expect(c.actorId).toBe(hr.id);
    }
    expect(await grade(people.promoted)).toBe("INTERMEDIATE");
    expect(await grade(people.cutByQuota)).toBe("JUNIOR");
    expect(await grade(people.excluded)).toBe("JUNIOR");
    expect(await db.user.findUniqueOrThrow({ where: { id: people.exited } })).toMatchObject({ status: "EXITED", exitedAt: expect.any(Date) });

    const entries = await db.reviewEntry.findMany({ where: { reviewId: review.id } });
    expect(entries).toHaveLength(6);
    const entry = (key: string) => entries.find((e) => e.userId === people[key])!;
    expect(entry("excluded")).toMatchObject({ outcome: "PROMOTE", applied: false, blockedBy: ["EXCLUDED"] });
    expect(entry("excluded").reason).toContain("借调总行期间不参评");
    expect(entry("cutByQuota")).toMatchObject({ outcome: "NONE", applied: false, blockedBy: ["QUOTA"] });
    expect(entry("promoted")).toMatchObject({ outcome: "PROMOTE", applied: true, toGrade: "INTERMEDIATE" });
    expect(entry("unchanged")).toMatchObject({ outcome: "NONE", applied: false, blockedBy: [] });

    const audit = await db.auditLog.findMany({ where: { id: { gt: 0 } }, orderBy: { id: "asc" }, skip: before.audit });
    expect(audit.map((a) => a.action).sort()).toEqual(["GRADE_CHANGE", "GRADE_CHANGE", "GRADE_CHANGE", "REVIEW_COMMIT"]);
    expect(audit.every((a) => a.actorId === hr.id)).toBe(true);
    const exitAudit = audit.find((a) => a.entityId === people.exited)!;
    expect(exitAudit.before).toEqual({ grade: "TRAINEE", status: "ACTIVE" });
    expect(exitAudit.after).toMatchObject({ grade: null, status: "EXITED", reason: "EXIT", reviewId: review.id });

    const view = await getCommittedReview(hr, "2030Q2");
    expect(view?.counts).toEqual(result.counts);
    expect(view?.quotas).toEqual({ INTERMEDIATE: 1 });
  });

  it("refuses a second commit of the same quarter — the database's partial unique index does", async () => {
    const before = await counts();
    await expect(commitReview(hr, "2030Q2")).rejects.toThrow(ALREADY_COMMITTED);
    expect(await counts()).toEqual(before);

    // Bypassing the application entirely: the index itself refuses a second live review.
    await expect(db.promotionReview.create({ data: { quarter: "2030Q2", status: "COMMITTED" } })).rejects.toMatchObject({
      code: "P2002",
      message: expect.stringContaining("PromotionReview_one_live_per_quarter"),
    });
    await expect(db.promotionReview.create({ data: { quarter: "2030Q2", status: "DRAFT" } })).rejects.toMatchObject({ code: "P2002" });
    // …while reverted reviews, being history, are not limited.
    const reverted = await db.promotionReview.create({ data: { quarter: "2030Q2", status: "REVERTED" } });
    await db.promotionReview.delete({ where: { id: reverted.id } });
  });

  it("after a promotion the next quarter does not promote again: the streak restarts", async () => {
    const next = await previewReview(hr, "2030Q3", { branchId });
    const row = next.rows.find((r) => r.userId === people.promoted)!;
    expect(row).toMatchObject({ grade: "INTERMEDIATE", category: "NONE", reason: "等级已于2030年第二季度调整，需重新累计连续两个季度考核结果，等级不变" });
  });

  it("reverts the whole review with a reason: changes voided, exits undone, and the quarter can be reviewed again", async () => {
    await expect(revertReview(hr, "2030Q2", " ")).rejects.toThrow("请填写撤销原因");
    const review = await db.promotionReview.findFirstOrThrow({ where: { quarter: "2030Q2", status: "COMMITTED" } });

    expect(await revertReview(hr, "2030Q2", "二季度考评数据导入有误")).toEqual({ voided: 3, restored: 1 });
    expect(await db.promotionReview.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({
      status: "REVERTED",
      revertedById: hr.id,
      revertReason: "二季度考评数据导入有误",
    });
    const changes = await db.gradeChange.findMany({ where: { reviewId: review.id } });
    expect(changes).toHaveLength(3);
    expect(changes.every((c) => c.voidedAt !== null && c.voidNote === "撤销2030年第二季度晋级评审：二季度考评数据导入有误")).toBe(true);
    expect(await grade(people.promoted)).toBe("JUNIOR");
    expect(await grade(people.demoted)).toBe("SENIOR");
    expect(await db.user.findUniqueOrThrow({ where: { id: people.exited } })).toMatchObject({ status: "ACTIVE", exitedAt: null });
    const audit = await db.auditLog.findMany({ where: { action: { in: ["REVIEW_REVERT", "GRADE_CHANGE_VOID"] } } });
    expect(audit.filter((a) => a.action === "REVIEW_REVERT")).toHaveLength(1);
    expect(audit.filter((a) => a.action === "GRADE_CHANGE_VOID")).toHaveLength(3);

    await expect(revertReview(hr, "2030Q2", "再撤销一次")).rejects.toThrow("没有已提交的晋级评审");

    // Reviewed again from scratch: the reverted review's draft settings are history.
    const again = await previewReview(hr, "2030Q2", { branchId });
    expect(again.review).toBeNull();
    expect(again.rows.find((r) => r.userId === people.promoted)?.category).toBe("PROMOTE");
    const second = await commitReview(hr, "2030Q2");
    expect(second.reviewId).not.toBe(review.id);
    expect(second.counts).toMatchObject({ PROMOTE: 3, DEMOTE: 1, EXIT: 1, EXCLUDED: 0 });
    expect(await grade(people.excluded)).toBe("INTERMEDIATE");
  });

  it("keeps quarters in order: no commit or revert of a quarter before a committed later one", async () => {
    await commitReview(hr, "2030Q3");
    await expect(commitReview(hr, "2030Q1")).rejects.toThrow("2030年第三季度的晋级评审已提交，不能再提交2030年第一季度的评审");
    await expect(revertReview(hr, "2030Q2", "想撤销二季度")).rejects.toThrow("2030年第三季度的晋级评审已提交，不能再撤销2030年第二季度的评审");
    await revertReview(hr, "2030Q3", "顺序撤销");
    await revertReview(hr, "2030Q2", "顺序撤销");
  });

  it("an open quarter cannot be committed, and only HR commits or reverts", async () => {
    await quarters("OPEN", "2035Q1");
    await expect(commitReview(hr, "2035Q1")).rejects.toThrow("考评尚未锁定");
    const head = { ...hr, role: "BRANCH_HEAD" as const };
    await expect(commitReview(head, "2030Q2")).rejects.toThrow("没有权限");
    await expect(revertReview(head, "2030Q2", "理由")).rejects.toThrow("没有权限");
  });

  it("leaves nothing half-written when the commit fails in the middle", async () => {
    await quarters("LOCKED", "2036Q1", "2036Q2");
    const b = await createBranch("故障支行");
    const promoted = await createUser({ branchId: b.id, grade: "SENIOR", roleStartDate: "2020-01-01", gradedOn: "2025-01-01" });
    await rate(promoted.id, { "2036Q1": "EXCELLENT", "2036Q2": "EXCELLENT" });
    const leaving = await createUser({ branchId: b.id, grade: "TRAINEE", roleStartDate: "2020-01-01", gradedOn: "2025-01-01" });
    await rate(leaving.id, { "2036Q1": "BASIC", "2036Q2": "BASIC" });
    const aside = await createUser({ branchId: b.id, grade: "SENIOR", roleStartDate: "2020-01-01", gradedOn: "2025-01-01" });
    await excludeFromReview(hr, "2036Q2", aside.id, "休产假");

    // The summary audit row is the commit's last write; the database refuses it.
    await db.$executeRawUnsafe(`CREATE FUNCTION fail_review_commit() RETURNS trigger AS $$
      BEGIN IF NEW.action = 'REVIEW_COMMIT' THEN RAISE EXCEPTION 'simulated failure'; END IF; RETURN NEW; END; $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER fail_review_commit BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION fail_review_commit()`);
    const before = await counts();
    try {
      await expect(commitReview(hr, "2036Q2")).rejects.toThrow("simulated failure");
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER fail_review_commit ON "AuditLog"`);
      await db.$executeRawUnsafe(`DROP FUNCTION fail_review_commit()`);
    }
    expect(await counts()).toEqual(before);
    expect(await db.gradeChange.count({ where: { quarter: "2036Q2" } })).toBe(0);
    expect(await db.user.findUniqueOrThrow({ where: { id: leaving.id } })).toMatchObject({ status: "ACTIVE" });
    const draft = await db.promotionReview.findFirstOrThrow({ where: { quarter: "2036Q2" }, include: { exclusions: true } });
    expect(draft).toMatchObject({ status: "DRAFT", committedAt: null, rulesSnapshot: null });
    expect(draft.exclusions.map((e) => e.userId)).toEqual([aside.id]);

    // With the fault gone the same draft commits normally.
    const result = await commitReview(hr, "2036Q2");
    expect(result.reviewId).toBe(draft.id);
    expect(await grade(promoted.id)).toBe("PRINCIPAL");
  });

  it("two HR users committing at once: exactly one succeeds", async () => {
    await quarters("LOCKED", "2037Q1", "2037Q2");
    const b = await createBranch("并发支行");
    const u = await createUser({ branchId: b.id, grade: "JUNIOR", roleStartDate: "2020-01-01", gradedOn: "2025-01-01" });
    await certify(u.id, "PROBATION", "2020-07-01");
    await rate(u.id, { "2037Q1": "EXCELLENT", "2037Q2": "EXCELLENT" });
    const other = await hrViewer();
    const results = await Promise.allSettled([commitReview(hr, "2037Q2"), commitReview(other, "2037Q2")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(refused.reason.message).toBe(ALREADY_COMMITTED);
    expect(await db.gradeChange.count({ where: { quarter: "2037Q2", userId: u.id } })).toBe(1);
  });
});
