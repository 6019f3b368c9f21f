import "server-only";
import { assertCan, can, scopeOf } from "@/lib/server/auth/permissions";
import { scopeWhere } from "@/lib/server/dal/scope";
import { db, type Tx } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { MIN_REASON_LENGTH } from "@/lib/domain/appraisal";
import { roracCompletion, roracOfLine, round, type RoracInput } from "@/lib/domain/scoring";
import { checkRoracLines, checkRoracTarget, type RoracLine, type RoracLineTexts } from "@/lib/domain/rorac-lines";
import { checkRoracImport, type RoracImportCheck } from "@/lib/domain/rorac-lines";
import type { FileImportReport } from "@/lib/domain/appraisal-import";
import type { ImportData, Table } from "@/lib/server/import";
import { fileImportReport, findQuarter, quarterStatusForWrite, readQuarterFile, writeQuarterFile, type QuarterStatus } from "./shared";
import { employeeNumbers, lookupPeople } from "./import";

export type RoracLineView = RoracLine & { rorac: number };

/** A person's RORAC in a quarter: the target, the lines and what they come to. */
export interface RoracFigures {
  target: number | null;
  lines: RoracLineView[];
  /** Σ lines, 万元; null without lines. */
  combined: number | null;
  /** combined / target × 100 (%); null without lines or target: the indicator is then typed. */
  rate: number | null;
}

type LineRow = {
  userId: string;
  line: string;
  stockIncome: unknown;
  stockDirectCost: unknown;
  stockMgmtCost: unknown;
  stockFixedCost: unknown;
  stockRiskCost: unknown;
  stockTax: unknown;
  newIncome: unknown;
  newDirectCost: unknown;
  newMgmtCost: unknown;
  newFixedCost: unknown;
  newRiskCost: unknown;
  newTax: unknown;
  stockAgeYears: unknown;
};

const STOCK_COLUMNS = ["stockIncome", "stockDirectCost", "stockMgmtCost", "stockFixedCost", "stockRiskCost", "stockTax"] as const;
const NEW_COLUMNS = ["newIncome", "newDirectCost", "newMgmtCost", "newFixedCost", "newRiskCost", "newTax"] as const;
const PART_KEYS = ["income", "directCost", "managementCost", "fixedCost", "riskCost", "tax"] as const;

function side(row: LineRow, columns: readonly (keyof LineRow)[]): RoracInput {
  return Object.fromEntries(PART_KEYS.map((k, i) => [k, Number(row[columns[i]])])) as RoracInput;
}

function toLine(row: LineRow): RoracLine {
  return { name: row.line, stock: side(row, STOCK_COLUMNS), incremental: side(row, NEW_COLUMNS), stockAgeYears: Number(row.stockAgeYears) };
}

type Columns<C extends readonly string[]> = Record<C[number], number>;

function lineData(line: RoracLine): { line: string; stockAgeYears: number } & Columns<typeof STOCK_COLUMNS> & Columns<typeof NEW_COLUMNS> {
  const cols = <C extends readonly string[]>(columns: C, parts: RoracInput) =>
    Object.fromEntries(columns.map((c, i) => [c, parts[PART_KEYS[i]]])) as Columns<C>;
  return { line: line.name, ...cols(STOCK_COLUMNS, line.stock), ...cols(NEW_COLUMNS, line.incremental), stockAgeYears: line.stockAgeYears };
}

function figures(target: number | null, lines: RoracLine[]): RoracFigures {
  const completion = target === null ? null : roracCompletion(lines, target);
  const views = lines.map((l) => ({ ...l, rorac: round(roracOfLine(l)) }));
  const combined = lines.length === 0 ? null : round(lines.reduce((s, l) => s + roracOfLine(l), 0));
  return { target, lines: views, combined, rate: completion?.rate ?? null };
}

/** The RORAC figures of some people in a quarter: two queries for any number of people. */
export async function roracFigures(client: Pick<Tx, "roracLine" | "roracTarget">, quarter: string, userIds: string[]): Promise<Map<string, RoracFigures>> {
  if (userIds.length === 0) return new Map();
  const [lines, targets] = await Promise.all([
    client.roracLine.findMany({ where: { quarter, userId: { in: userIds } }, orderBy: [{ userId: "asc" }, { position: "asc" }] }),
    client.roracTarget.findMany({ where: { quarter, userId: { in: userIds } } }),
  ]);
  const byUser = new Map<string, RoracLine[]>();
  for (const row of lines) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), toLine(row)]);
  const targetOf = new Map(targets.map((t) => [t.userId, Number(t.target)]));
  const result = new Map<string, RoracFigures>();
  for (const id of new Set([...byUser.keys(), ...targetOf.keys()])) result.set(id, figures(targetOf.get(id) ?? null, byUser.get(id) ?? []));
  return result;
}

/** One person's computed RORAC completion rate (%), or null when it cannot be computed. */
export async function roracRateFor(client: Pick<Tx, "roracLine" | "roracTarget">, quarter: string, userId: string): Promise<number | null> {
  return (await roracFigures(client, quarter, [userId])).get(userId)?.rate ?? null;
}

export interface RoracEntry {
  person: { id: string; name: string; employeeNo: string; branchName: string };
  quarter: { quarter: string; label: string; status: QuarterStatus };
  figures: RoracFigures;
  /** "edit" while open; "correct" for HR after the lock (reason required); "readonly" otherwise. */
  mode: "edit" | "correct" | "readonly";
}

/** The RORAC page of one account manager in a quarter, or null when out of scope (404). */
export async function getRoracEntry(viewer: Viewer, quarterCode: string, userId: string): Promise<RoracEntry | null> {
  if (!can(viewer.role, "appraisal.rate")) return null;
  const quarter = await findQuarter(db, quarterCode);
  if (!quarter) return null;
  const person = await db.user.findFirst({
    where: { id: userId, role: "ACCOUNT_MANAGER", status: "ACTIVE", ...scopeWhere(scopeOf(viewer)) },
    select: { id: true, name: true, employeeNo: true, branch: { select: { name: true } } },
  });
  if (!person) return null;
  const all = await roracFigures(db, quarterCode, [person.id]);
  const locked = quarter.status === "LOCKED";
  return {
    person: { id: person.id, name: person.name, employeeNo: person.employeeNo, branchName: person.branch.name },
    quarter: { quarter: quarter.quarter, label: quarter.label, status: quarter.status },
    figures: all.get(person.id) ?? { target: null, lines: [], combined: null, rate: null },
    mode: !locked ? "edit" : viewer.role === "HR" ? "correct" : "readonly",
  };
}

export interface SaveRoracInput {
  quarter: string;
  userId: string;
  target: string;
  lines: RoracLineTexts[];
  reason?: string | null;
}

const snapshot = (f: RoracFigures) => ({ target: f.target, lines: f.lines, combined: f.combined, rate: f.rate });

/** Replaces the lines and the target of one person inside the caller's transaction, with its audit row. */
async function replaceRorac(
  tx: Tx,
  viewer: Viewer,
  quarter: string,
  userId: string,
  target: number,
  lines: RoracLine[],
  log: { action: "RORAC_SAVE" | "RORAC_CORRECT" | "RORAC_IMPORT"; note: string | null },
) {
  const before = (await roracFigures(tx, quarter, [userId])).get(userId) ?? null;
  await tx.roracLine.deleteMany({ where: { quarter, userId } });
  await tx.roracLine.createMany({ data: lines.map((l, position) => ({ quarter, userId, position, ...lineData(l) })) });
  await tx.roracTarget.upsert({
    where: { userId_quarter: { userId, quarter } },
    create: { userId, quarter, target, updatedById: viewer.id },
    update: { target, updatedById: viewer.id },
  });
  const after = snapshot(figures(target, lines));
  await audit(tx, {
    actorId: viewer.id,
    action: log.action,
    entity: "RoracLine",
    entityId: `${quarter}:${userId}`,
    before: before ? snapshot(before) : null,
    after,
    note: log.note,
  });
  return after;
}

/**
 * A branch head (own branch, OPEN quarter) or HR (anyone; after the lock only with a reason)
 * enters a person's business lines and RORAC target for a quarter. The rate feeds RORAC 目标完成率
 * the next time the person's scorecard is saved.
 */
export async function saveRoracEntry(viewer: Viewer, input: SaveRoracInput): Promise<{ name: string; rate: number | null }> {
  assertCan(viewer, "appraisal.rate");
  const reason = input.reason?.trim() || null;
  const check = checkRoracLines(input.lines);
  const target = checkRoracTarget(input.target);
  const fieldErrors: Record<string, string[]> = Object.fromEntries(Object.entries(check.errors).map(([k, m]) => [k, [m]]));
  if (typeof target === "string") fieldErrors.target = [target];
  return db.$transaction(async (tx) => {
    const status = await quarterStatusForWrite(tx, input.quarter);
    const person = await tx.user.findFirst({
      where: { id: input.userId, role: "ACCOUNT_MANAGER", status: "ACTIVE", ...scopeWhere(scopeOf(viewer)) },
      select: { id: true, name: true },
    });
    if (!person) throw new DomainError("找不到这位客户经理，或其不在您的管理范围内");
    const locked = status === "LOCKED";
    if (locked && viewer.role !== "HR") throw new DomainError("本季度考评已由人力资源部锁定，不能再修改；如需更正，请联系人力资源部");
    if (locked && (!reason || reason.length < MIN_REASON_LENGTH)) {
      throw new DomainError("季度已锁定，更正 RORAC 必须填写更正原因", { reason: ["请填写更正原因"] });
    }
    if (Object.keys(fieldErrors).length > 0) throw new DomainError(fieldErrors.lines?.[0] ?? "请检查标红的数值", fieldErrors);

    const after = await replaceRorac(tx, viewer, input.quarter, person.id, target as number, check.lines, {
      action: locked ? "RORAC_CORRECT" : "RORAC_SAVE",
      note: locked ? `锁定后更正：${reason}` : reason,
    });
    return { name: person.name, rate: after.rate };
  });
}

// ---------------------------------------------------------------------------------------------
// Import (through the one import module): dry run, then one transaction for a clean file
// ---------------------------------------------------------------------------------------------

export interface RoracImportReport extends FileImportReport {
  /** Business lines of the good people. */
  lines: number;
}

async function checkRoracTable(client: Pick<Tx, "$queryRaw" | "appraisalQuarter">, quarterCode: string, table: Table, locked?: boolean) {
  const quarter = await findQuarter(client, quarterCode);
  if (!quarter) throw new DomainError("考评季度不存在");
  return checkRoracImport(table, {
    people: await lookupPeople(client, employeeNumbers(table)),
    locked: locked ?? quarter.status === "LOCKED",
    quarterLabel: quarter.label,
  });
}

function roracReport(quarter: string, fileName: string, table: Table, result: RoracImportCheck, replacing: number, written: number): RoracImportReport {
  const lines = result.people.reduce((s, p) => s + p.lines.length, 0);
  return { ...fileImportReport(quarter, fileName, table, result, { ready: result.people.length, replacing, written }), lines };
}

const roracIsClean = (r: RoracImportCheck) => r.fileErrors.length === 0 && r.problems.length === 0 && r.people.length > 0;

async function peopleWithRorac(client: Pick<Tx, "roracTarget">, quarter: string, userIds: string[]): Promise<number> {
  return client.roracTarget.count({ where: { quarter, userId: { in: userIds } } });
}

/** Dry run of a business-lines file (HR): every problem, nothing written. */
export async function checkRoracFile(viewer: Viewer, quarter: string, data: ImportData, fileName: string): Promise<RoracImportReport> {
  const table = await readQuarterFile(viewer, data, fileName);
  const result = await checkRoracTable(db, quarter, table);
  // Only a clean file says how many people it would replace.
  if (!roracIsClean(result)) return roracReport(quarter, fileName, table, result, 0, 0);
  const people = result.people.map((p) => p.userId);
  return roracReport(quarter, fileName, table, result, await peopleWithRorac(db, quarter, people), 0);
}

/** Imports a clean business-lines file in one transaction: each named person's lines and target are replaced, audited. */
export async function importRoracFile(viewer: Viewer, quarter: string, data: ImportData, fileName: string): Promise<RoracImportReport> {
  return writeQuarterFile(viewer, quarter, data, fileName, async (tx, table, locked) => {
    const result = await checkRoracTable(tx, quarter, table, locked);
    if (!roracIsClean(result)) return roracReport(quarter, fileName, table, result, 0, 0);
    const userIds = result.people.map((p) => p.userId);
    const replacing = await peopleWithRorac(tx, quarter, userIds);
    for (const p of result.people) await replaceRorac(tx, viewer, quarter, p.userId, p.target, p.lines, { action: "RORAC_IMPORT", note: fileName });
    return roracReport(quarter, fileName, table, result, replacing, userIds.length);
  });
}
