import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { seedDemo } from "@/prisma/seed/demo";
import { listMentorships, getMyMentoring } from "@/lib/server/dal/programme-forms/mentoring";
import type { Viewer } from "@/lib/server/auth/viewer";
import { viewerOf } from "../factories";

const today = "2026-11-25";

async function viewer(id: string): Promise<Viewer> {
  return viewerOf(await getDb().user.findUniqueOrThrow({ where: { id } }));
}

beforeAll(async () => {
  await seedDemo(getDb(), { passwordHash: "x", today });
});

describe("the demo's mentoring and after-phase data", () => {
  it("has mentoring pairs of 见习 account managers, some with overdue months, most months answered", async () => {
    const pairs = (await listMentorships(await viewer("demo-hr-1"), today))!;
    expect(pairs.length).toBeGreaterThanOrEqual(3);
    expect(pairs.some((p) => p.overdueMonths.length > 0)).toBe(true);
    expect(pairs.some((p) => p.overdueMonths.length === 0)).toBe(true);
    const replies = pairs.flatMap((p) => p.reflections).filter((r) => r.reply).length;
    expect(replies).toBeGreaterThan(5);
    const grades = await getDb().$queryRaw<{ grade: string }[]>`SELECT grade::text AS grade FROM "CurrentGrade" WHERE "userId" = ANY(${pairs.map((p) => p.mentee.id)}::text[])`;
    expect(new Set(grades.map((g) => g.grade))).toEqual(new Set(["TRAINEE"]));
    // Both sides see the same thread.
    const first = pairs.find((p) => p.overdueMonths.length > 0)!;
    expect((await getMyMentoring(await viewer(first.mentee.id), today)).asMentee[0].overdueMonths).toEqual(first.overdueMonths);
    expect((await getMyMentoring(await viewer(first.mentor.id), today)).asMentor.map((p) => p.id)).toContain(first.id);
  });
});
