// Finding 5: two adjacent quarters' reviews fired together must not both commit from the same
// starting grades — the later one would miss the earlier one's demotion. Commits and reverts
// serialise on one PostgreSQL advisory lock and re-check the order inside it.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { commitReview } from "@/lib/server/dal/review/commit";
import { revertReview } from "@/lib/server/dal/review/revert";
import type { Viewer } from "@/lib/server/auth/viewer";
import { createBranch, createUser } from "../factories";
import { certify, hrViewer, quarters, rate } from "../factories/review";

const db = getDb();
let hr: Viewer;

beforeAll(async () => {
  hr = await hrViewer();
});

async function entryFrom(quarter: string, userId: string) {
  const review = await db.promotionReview.findFirst({ where: { quarter, status: "COMMITTED" }, select: { id: true } });
  if (!review) return null;
  return db.reviewEntry.findFirstOrThrow({ where: { reviewId: review.id, userId }, select: { fromGrade: true, outcome: true } });
}

describe("review order under concurrency", () => {
  it.each([1, 2, 3, 4, 5])("trial %i: adjacent quarters fired together never both start from the same grade", async (trial) => {
    const year = 2050 + trial;
    const [q0, q1, q2] = [`${year}Q1`, `${year}Q2`, `${year}Q3`];
    await quarters("LOCKED", q0, q1, q2);
    const branch = await createBranch(`并发支行${trial}`);
    const senior = await createUser({ branchId: branch.id, grade: "SENIOR", roleStartDate: "2015-01-01", gradedOn: "2025-01-01" });
    await certify(senior.id, "PROBATION", "2015-07-01");
    // Two 基本称职 in a row: the q1 review demotes 高级 → 中级.
    await rate(senior.id, { [q0]: "BASIC", [q1]: "BASIC", [q2]: "GOOD" });

    const [first, second] = await Promise.allSettled([commitReview(hr, q1), commitReview(hr, q2)]);
    const e1 = await entryFrom(q1, senior.id);
    const e2 = await entryFrom(q2, senior.id);
    if (first.status === "fulfilled" && second.status === "fulfilled") {
      // Both committed: then one after the other, the later one seeing the demotion.
      expect(e1).toMatchObject({ fromGrade: "SENIOR", outcome: "DEMOTE" });
      expect(e2?.fromGrade).toBe("INTERMEDIATE");
    } else {
      // Otherwise the later quarter went first and the earlier one was refused in Chinese.
      expect(first.status).toBe("rejected");
      expect(String((first as PromiseRejectedResult).reason)).toContain("的晋级评审已提交，不能再提交");
      expect(e1).toBeNull();
      expect(second.status).toBe("fulfilled");
    }
    // Clean up in order so the next trial starts from a bank with no committed later quarter.
    if (e2) await revertReview(hr, q2, "并发测试复原");
    if (e1) await revertReview(hr, q1, "并发测试复原");
  });

  it("a commit and a revert of adjacent quarters fired together keep the order too", async () => {
    const [q0, q1, q2] = ["2060Q1", "2060Q2", "2060Q3"];
    await quarters("LOCKED", q0, q1, q2);
    await commitReview(hr, q1);
    const [revert, commit] = await Promise.allSettled([revertReview(hr, q1, "并发撤销"), commitReview(hr, q2)]);
    const committed = await db.promotionReview.findMany({ where: { quarter: { in: [q1, q2] }, status: "COMMITTED" }, select: { quarter: true } });
    // Never a revert of q1 underneath a committed q2 that was computed on q1's changes.
    expect(commit.status).toBe("fulfilled");
    if (revert.status === "fulfilled") expect(committed.map((c) => c.quarter)).toEqual([q2]);
    else {
      expect(String(revert.reason)).toContain("不能再撤销");
      expect(committed.map((c) => c.quarter).sort()).toEqual([q1, q2]);
    }
  });
});
