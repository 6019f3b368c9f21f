// The benchmark bank: 10,000 account managers (by default) over 300 branches — the first branch
// has 250 of them (the largest team a branch head sees), the others ~33 — twelve quarters of
// ratings, grade history and certifications, generated as the demo data is.
import { Prisma, type PrismaClient } from "../lib/generated/prisma/client";
import { isoToDate, previousQuarter, quarterOf, type IsoDate } from "../lib/domain/dates";
import { createRandom } from "../prisma/seed/random";
import { chineseName, generateManager, quartersEndingWith } from "../prisma/seed/people";
import { seedReferenceData } from "../prisma/seed/reference";

async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function seedBenchPeople(db: PrismaClient, { managers, today }: { managers: number; today: IsoDate }) {
  const random = createRandom(7);
  const lastQuarter = previousQuarter(quarterOf(today));
  const quarters = quartersEndingWith(lastQuarter, 12);
  await seedReferenceData(db, { quarters, lastOpen: lastQuarter });
  // 10,000 → 300 branches with 250 in the first; 2,000 → 60 branches, again 250 in the first.
  const branchCount = Math.max(2, Math.round(managers * 0.03));
  const bigBranch = Math.min(250, Math.floor(managers / 4));
  const branchOf = (n: number) => (n < bigBranch ? 0 : 1 + ((n - bigBranch) % (branchCount - 1)));
  const headOffice = await db.branch.create({ data: { code: "HO", name: "总行", isHeadOffice: true } });
  await db.branch.createMany({ data: Array.from({ length: branchCount }, (_, i) => ({ id: `bench-b${i}`, code: `B${i}`, name: `第${i + 1}支行` })) });
  const branchIds = Array.from({ length: branchCount }, (_, i) => `bench-b${i}`);

  const users: Prisma.UserCreateManyInput[] = [
    { id: "bench-hr", employeeNo: "100001", name: "基准人力", email: "hr@bench.test", passwordHash: "x", role: "HR", branchId: headOffice.id },
  ];
  branchIds.forEach((branchId, i) =>
    users.push({
      id: `bench-head-${i}`,
      employeeNo: `2${String(i).padStart(5, "0")}`,
      name: chineseName(random),
      email: `head${i}@bench.test`,
      passwordHash: "x",
      role: "BRANCH_HEAD",
      branchId,
    }),
  );
  const changes: Prisma.GradeChangeCreateManyInput[] = [];
  const certs: Prisma.CertificationCreateManyInput[] = [];
  const appraisals: Prisma.AppraisalCreateManyInput[] = [];
  const managerIds: string[] = [];
  for (let n = 0; n < managers; n++) {
    const id = `bench-am-${n}`;
    managerIds.push(id);
    const m = generateManager(random, today, quarters);
    users.push({
      id,
      employeeNo: `3${String(n).padStart(6, "0")}`,
      name: chineseName(random),
      email: `am${n}@bench.test`,
      passwordHash: "x",
      role: "ACCOUNT_MANAGER",
      branchId: branchIds[branchOf(n)],
      roleStartDate: isoToDate(m.roleStartDate),
    });
    changes.push({ userId: id, toGrade: m.grade, effectiveDate: isoToDate(m.gradedOn), quarter: quarterOf(m.gradedOn), reason: "INITIAL" });
    if (m.probationPassedOn) certs.push({ userId: id, code: "PROBATION", passedOn: isoToDate(m.probationPassedOn) });
    for (const [quarter, rating] of Object.entries(m.ratings)) if (rating) appraisals.push({ userId: id, quarter, rating, source: "IMPORT" });
  }
  await insertChunked(users, 5000, (chunk) => db.user.createMany({ data: chunk }));
  await insertChunked(changes, 5000, (chunk) => db.gradeChange.createMany({ data: chunk }));
  await insertChunked(certs, 5000, (chunk) => db.certification.createMany({ data: chunk }));
  await insertChunked(appraisals, 10000, (chunk) => db.appraisal.createMany({ data: chunk }));
  await db.$executeRawUnsafe("ANALYZE");
  return { branchIds, managerIds, quarters, appraisals: appraisals.length };
}
