import "server-only";
import { db, type Tx } from "@/lib/server/db";
import { AuthorizationError, type Viewer } from "@/lib/server/auth/viewer";
import { audit } from "@/lib/server/audit";
import { lockImport, type Table } from "@/lib/server/import";
import { writeTable } from "@/lib/server/spreadsheet";
import { dateToIso, todayInShanghai, quarterOf } from "@/lib/domain/dates";
import { ROSTER_COLUMNS, checkRosterRow, type PersonFact, type RosterRowPlan } from "@/lib/domain/roster";
import { rulesInForce } from "@/lib/server/dal/review/population";
import { createPerson, exitPerson, transferBranch } from "./changes";

// Roster import (DOMAIN §12): new people, transfers and exits in one CSV/XLSX file. Every row is
// checked first and every problem listed with its line; nothing is written unless the whole file
// is clean, and then in one transaction. A row that is already true (the person exists with that
// branch, has already left, already sits in the target branch) changes nothing, so importing the
// same file twice is harmless. The boundary is `importRoster(viewer, table, …)`: the file has been
// read into a Table already, so the shared import module can take over reading without changes here.

export interface RosterProblem {
  line: number;
  problem: string;
}

export interface RosterReport {
  rows: number;
  problems: RosterProblem[];
  counts: { NEW: number; TRANSFER: number; EXIT: number; SAME: number };
  written: boolean;
}

export async function importRoster(viewer: Viewer, table: Table, { dryRun }: { dryRun: boolean }, today = todayInShanghai()): Promise<RosterReport> {
  if (viewer.role !== "HR") throw new AuthorizationError();
  const counts = { NEW: 0, TRANSFER: 0, EXIT: 0, SAME: 0 };
  const required = ["操作", "工号"] as const;
  const missing = required.filter((c) => !table.headers.includes(c));
  if (missing.length)
    return { rows: table.rows.length, problems: [{ line: 1, problem: `缺少列：${missing.join("、")}（请使用模板）` }], counts, written: false };
  if (table.rows.length === 0) return { rows: 0, problems: [{ line: 1, problem: "文件中没有数据行" }], counts, written: false };
  const refused = (checked: { problems: RosterProblem[]; counts: RosterReport["counts"] }): RosterReport => ({
    rows: table.rows.length,
    ...checked,
    written: false,
  });
  if (dryRun) return refused(await planRoster(db, table, today));

  return db.$transaction(
    async (tx) => {
      // One roster import at a time; its rows are checked against what the previous one wrote, so
      // the same file sent twice at once writes once and the second finds every row already true.
      await lockImport(tx, "people");
      const { problems, plans, counts: planned, facts, branchIdByCode } = await planRoster(tx, table, today);
      if (problems.length > 0) return refused({ problems, counts: planned });
      for (const { plan } of plans) {
        if (plan.action === "NEW") {
          await createPerson(
            viewer,
            {
              employeeNo: plan.employeeNo,
              name: plan.name,
              email: plan.email,
              password: null,
              role: plan.role,
              branchId: branchIdByCode.get(plan.branchCode)!,
              roleStartDate: plan.roleStartDate,
              grade: plan.grade,
            },
            tx,
          );
        } else if (plan.action === "TRANSFER") {
          await transferBranch(
            viewer,
            { userId: facts.get(plan.employeeNo)!.id, branchId: branchIdByCode.get(plan.branchCode)!, date: plan.date, note: plan.note },
            today,
            tx,
          );
        } else if (plan.action === "EXIT") {
          await exitPerson(viewer, { userId: facts.get(plan.employeeNo)!.id, date: plan.date, reason: plan.note }, today, tx);
        }
      }
      await audit(tx, { actorId: viewer.id, action: "ROSTER_IMPORT", entity: "System", entityId: "roster", after: { rows: table.rows.length, ...planned } });
      return { rows: table.rows.length, problems: [], counts: planned, written: true };
    },
    { timeout: 120_000 },
  );
}

/** Every row checked against the database as `client` sees it: the problems, and the plan for a clean file. */
async function planRoster(client: Tx, table: Table, today: string) {
  // Everything the checks need, set-based: the branches, the people named, the e-mails named.
  const employeeNos = [...new Set(table.rows.map((r) => (r.values["工号"] ?? "").trim()).filter(Boolean))];
  const emails = [...new Set(table.rows.map((r) => (r.values["邮箱"] ?? "").trim().toLowerCase()).filter(Boolean))];
  const [branches, people, emailOwners, rules] = await Promise.all([
    client.branch.findMany({ select: { id: true, code: true, name: true } }),
    client.$queryRaw<{ id: string; employeeNo: string; email: string; status: "ACTIVE" | "EXITED"; branchCode: string; branchSince: Date | null }[]>`
      SELECT u.id, u."employeeNo", u.email, u.status::text AS status, b.code AS "branchCode",
             (SELECT max(m."startDate") FROM "BranchMembership" m WHERE m."userId" = u.id AND m."endDate" IS NULL) AS "branchSince"
      FROM "User" u JOIN "Branch" b ON b.id = u."branchId"
      WHERE u."employeeNo" = ANY(${employeeNos}::text[])`,
    client.user.findMany({ where: { email: { in: emails, mode: "insensitive" } }, select: { email: true, employeeNo: true } }),
    rulesInForce(client, quarterOf(today)),
  ]);
  const branchByKey = new Map<string, { id: string; code: string }>();
  for (const b of branches) {
    branchByKey.set(b.code, b);
    branchByKey.set(b.name, b);
  }
  const branchIdByCode = new Map(branches.map((b) => [b.code, b.id]));
  const facts = new Map<string, PersonFact & { id: string }>(
    people.map((p) => [
      p.employeeNo,
      {
        id: p.id,
        employeeNo: p.employeeNo,
        email: p.email,
        status: p.status,
        branchCode: p.branchCode,
        branchSince: p.branchSince ? dateToIso(p.branchSince) : null,
      },
    ]),
  );
  const ownerOf = new Map(emailOwners.map((o) => [o.email.toLowerCase(), o.employeeNo]));

  const problems: RosterProblem[] = [];
  const plans: { line: number; plan: RosterRowPlan }[] = [];
  const seenNo = new Map<string, number>();
  const seenEmail = new Map<string, number>();
  for (const { line, values } of table.rows) {
    const no = (values["工号"] ?? "").trim();
    const email = (values["邮箱"] ?? "").trim().toLowerCase();
    if (no && seenNo.has(no)) problems.push({ line, problem: `工号 ${no} 与第 ${seenNo.get(no)} 行重复（每人一行）` });
    else if (no) seenNo.set(no, line);
    if (email && seenEmail.has(email)) problems.push({ line, problem: `邮箱 ${email} 与第 ${seenEmail.get(email)} 行重复` });
    else if (email) seenEmail.set(email, line);
    const result = checkRosterRow(values, {
      today,
      branchCode: (cell) => branchByKey.get(cell.trim())?.code,
      person: (n) => facts.get(n),
      emailOwner: (e) => ownerOf.get(e),
      rules: rules.rules,
    });
    for (const problem of result.problems) problems.push({ line, problem });
    if (result.plan) plans.push({ line, plan: result.plan });
  }
  problems.sort((a, b) => a.line - b.line);
  const counts = { NEW: 0, TRANSFER: 0, EXIT: 0, SAME: 0 };
  for (const { plan } of plans) counts[plan.action] += 1;
  return { problems, plans, counts, facts, branchIdByCode };
}

/** The template: the columns with one example row per kind of change. */
export async function rosterTemplate(format: "xlsx" | "csv"): Promise<Buffer> {
  type Row = Record<(typeof ROSTER_COLUMNS)[number], string>;
  const examples: Row[] = [
    {
      操作: "新增",
      工号: "310001",
      姓名: "张三",
      邮箱: "zhangsan@bank.example",
      机构: "城东支行",
      岗位: "对公客户经理",
      任职起始日: "2026-09-01",
      等级: "见习",
      生效日期: "",
      说明: "",
    },
    {
      操作: "新增",
      工号: "310002",
      姓名: "李四",
      邮箱: "lisi@bank.example",
      机构: "城东支行",
      岗位: "业务助理",
      任职起始日: "2026-09-01",
      等级: "",
      生效日期: "",
      说明: "",
    },
    { 操作: "调动", 工号: "300002", 姓名: "", 邮箱: "", 机构: "城西支行", 岗位: "", 任职起始日: "", 等级: "", 生效日期: "2026-10-08", 说明: "工作需要" },
    { 操作: "退出", 工号: "300003", 姓名: "", 邮箱: "", 机构: "", 岗位: "", 任职起始日: "", 等级: "", 生效日期: "2026-10-31", 说明: "个人原因离职" },
  ];
  return writeTable(
    format,
    "人员名单导入",
    ROSTER_COLUMNS.map((c) => ({ header: c, value: (r: Row) => r[c], width: c === "邮箱" ? 24 : 12 })),
    examples,
  );
}
