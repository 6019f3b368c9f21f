import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { createPerson } from "@/lib/server/dal/people-admin";
import { getProfileForViewer, headcountsByGrade } from "@/lib/server/dal/people";
import { authenticate } from "@/lib/server/auth/options";
import { hashPassword } from "@/lib/server/auth/password";
import { isoToDate } from "@/lib/domain/dates";
import { createBranch, createUser, viewerOf } from "../factories";

describe("people on a real database", () => {
  it("HR creates an account manager with an initial grade; the grade and audit rows are there", async () => {
    const branch = await createBranch();
    const hr = viewerOf(await createUser({ role: "HR", branchId: branch.id }));
    const { id } = await createPerson(hr, {
      employeeNo: "900001",
      name: "林晓",
      email: "Lin.Xiao@eagle.test",
      password: "Secret@123",
      role: "ACCOUNT_MANAGER",
      branchId: branch.id,
      roleStartDate: "2024-07-01",
      grade: "JUNIOR",
    });
    const profile = await getProfileForViewer(hr, id, "2026-07-01");
    expect(profile).toMatchObject({ name: "林晓", grade: "JUNIOR", gradeSince: "2024-07-01", tenureMonths: 24, email: "lin.xiao@eagle.test" });
    const auditRows = await getDb().auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" } });
    expect(auditRows.map((r) => r.action)).toEqual(["CREATE_PERSON", "GRADE_CHANGE"]);
    expect(auditRows[0].actorId).toBe(hr.id);
  });

  it("refuses a duplicate employee number and writes nothing", async () => {
    const branch = await createBranch();
    const hr = viewerOf(await createUser({ role: "HR", branchId: branch.id }));
    const input = { employeeNo: "900002", name: "甲", email: "a@eagle.test", password: "x1234567", role: "ACCOUNT_MANAGER" as const, branchId: branch.id };
    await createPerson(hr, input);
    await expect(createPerson(hr, { ...input, email: "b@eagle.test" })).rejects.toThrow("工号已存在");
    expect(await getDb().user.count({ where: { email: "b@eagle.test" } })).toBe(0);
  });

  it("only HR may create people", async () => {
    const branch = await createBranch();
    const head = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: branch.id }));
    await expect(
      createPerson(head, { employeeNo: "900003", name: "乙", email: "c@eagle.test", password: "x1234567", role: "ACCOUNT_MANAGER", branchId: branch.id }),
    ).rejects.toThrow("没有权限");
  });

  it("derives the current grade from the latest live change; a voided change no longer counts", async () => {
    const branch = await createBranch();
    const am = await createUser({ branchId: branch.id, roleStartDate: "2022-01-10", grade: "JUNIOR", gradedOn: "2023-01-01" });
    const db = getDb();
    await db.gradeChange.create({
      data: { userId: am.id, fromGrade: "JUNIOR", toGrade: "INTERMEDIATE", effectiveDate: isoToDate("2024-04-01"), quarter: "2024Q1", reason: "PROMOTION" },
    });
    const promotion = await db.gradeChange.create({
      data: { userId: am.id, fromGrade: "INTERMEDIATE", toGrade: "SENIOR", effectiveDate: isoToDate("2025-07-01"), quarter: "2025Q2", reason: "PROMOTION" },
    });
    const me = viewerOf(am);
    expect((await getProfileForViewer(me, am.id))?.grade).toBe("SENIOR");
    const [{ grade }] = await db.$queryRaw<{ grade: string }[]>`SELECT grade FROM "CurrentGrade" WHERE "userId" = ${am.id}`;
    expect(grade).toBe("SENIOR");

    await db.gradeChange.update({ where: { id: promotion.id }, data: { voidedAt: new Date(), voidNote: "复核撤销" } });
    expect((await getProfileForViewer(me, am.id))?.grade).toBe("INTERMEDIATE");
    const [after] = await db.$queryRaw<{ grade: string }[]>`SELECT grade FROM "CurrentGrade" WHERE "userId" = ${am.id}`;
    expect(after.grade).toBe("INTERMEDIATE");
  });

  it("scopes profiles: self, own branch for a head, anyone for HR, nobody else", async () => {
    const [b1, b2] = [await createBranch(), await createBranch()];
    const am1 = await createUser({ branchId: b1.id, grade: "TRAINEE" });
    const am2 = await createUser({ branchId: b1.id, grade: "JUNIOR" });
    const am3 = await createUser({ branchId: b2.id, grade: "SENIOR" });
    const head1 = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: b1.id }));
    const hr = viewerOf(await createUser({ role: "HR", branchId: b2.id }));
    expect(await getProfileForViewer(viewerOf(am1), am1.id)).not.toBeNull();
    expect(await getProfileForViewer(viewerOf(am1), am2.id)).toBeNull();
    expect(await getProfileForViewer(head1, am2.id)).not.toBeNull();
    expect(await getProfileForViewer(head1, am3.id)).toBeNull();
    expect(await getProfileForViewer(hr, am3.id)).not.toBeNull();

    const counts = await headcountsByGrade(head1);
    expect(counts.every((r) => r.branchId === b1.id)).toBe(true);
    expect(counts.reduce((sum, r) => sum + r.count, 0)).toBe(2);
  });

  it("signs in by employee number or e-mail; an exited user cannot", async () => {
    const branch = await createBranch();
    const user = await createUser({ branchId: branch.id, passwordHash: await hashPassword("Right@2026") });
    expect(await authenticate(user.employeeNo, "Right@2026")).toMatchObject({ id: user.id });
    expect(await authenticate(user.email.toUpperCase(), "Right@2026")).toMatchObject({ id: user.id });
    expect(await authenticate(user.email, "wrong")).toBeNull();
    expect(await authenticate("no-such-person", "Right@2026")).toBeNull();
    await getDb().user.update({ where: { id: user.id }, data: { status: "EXITED", exitedAt: new Date() } });
    expect(await authenticate(user.employeeNo, "Right@2026")).toBeNull();
  });

  it("keeps the audit log append-only in the database itself", async () => {
    const db = getDb();
    const row = await db.auditLog.create({ data: { action: "TEST", entity: "X", entityId: "1" } });
    await expect(db.auditLog.update({ where: { id: row.id }, data: { note: "改写" } })).rejects.toThrow();
    await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow();
    expect(await db.auditLog.count({ where: { id: row.id } })).toBe(1);
  });
});
