import "server-only";
import { can } from "@/lib/server/auth/permissions";
import { db, type Tx } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { writeTable, type Column } from "@/lib/server/spreadsheet";
import type { ImportData } from "@/lib/server/import";
import {
  checkAppraisalImport,
  importedIndicators,
  importIsClean,
  importTemplateHeaders,
  type FileImportReport,
  type ImportCheck,
  type ImportPerson,
  type ImportTable,
} from "@/lib/domain/appraisal-import";
import { actionPlanScores } from "@/lib/server/dal/programme-forms/plan-scores";
import { RATINGS, type Rating } from "@/lib/domain/grades";
import { fileImportReport, findQuarter, readQuarterFile, writeQuarterFile } from "./shared";
import { roracFigures } from "./rorac";

export interface ImportReport extends FileImportReport {
  byRating: Record<Rating, number>;
}

export async function lookupPeople(client: Pick<Tx, "$queryRaw">, employeeNos: string[]): Promise<Map<string, ImportPerson>> {
  if (employeeNos.length === 0) return new Map();
  const rows = await client.$queryRaw<ImportPerson[]>`
    SELECT id, "employeeNo", name, role::text AS role, status::text AS status FROM "User" WHERE "employeeNo" = ANY(${employeeNos}::text[])`;
  return new Map(rows.map((r) => [r.employeeNo, r]));
}

export function employeeNumbers(table: ImportTable): string[] {
  const header = table.headers.find((h) => h.replace(/\s+/g, "") === "工号");
  if (!header) return [];
  return [...new Set(table.rows.map((r) => (r.values[header] ?? "").trim()).filter(Boolean))];
}

async function check(
  client: Pick<Tx, "$queryRaw" | "appraisalQuarter" | "roracLine" | "roracTarget">,
  quarterCode: string,
  table: ImportTable,
  locked?: boolean,
): Promise<ImportCheck> {
  const quarter = await findQuarter(client, quarterCode);
  if (!quarter) throw new DomainError("考评季度不存在");
  const people = await lookupPeople(client, employeeNumbers(table));
  const actionPlans = await actionPlanScores(
    client,
    quarterCode,
    [...people.values()].map((p) => p.id),
  );
  const rorac = await roracFigures(
    client,
    quarterCode,
    [...people.values()].map((p) => p.id),
  );
  const roracRates = new Map([...rorac].filter(([, f]) => f.rate !== null).map(([id, f]) => [id, f.rate as number]));
  return checkAppraisalImport(table, {
    actionPlanScores: actionPlans,
    roracRates,
    template: quarter.template.template,
    bands: quarter.template.bands,
    people,
    quarterLabel: quarter.label,
    locked: locked ?? quarter.status === "LOCKED",
  });
}

async function existingFor(client: Pick<Tx, "$queryRaw">, quarter: string, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, ExistingRow>();
  const rows = await client.$queryRaw<ExistingRow[]>`
    SELECT id, "userId", rating::text AS rating, score::float8 AS score, source::text AS source, reason, values, version
    FROM "Appraisal" WHERE quarter = ${quarter} AND "userId" = ANY(${userIds}::text[])`;
  return new Map(rows.map((r) => [r.userId, r]));
}

type ExistingRow = {
  id: string;
  userId: string;
  rating: Rating | null;
  score: number | null;
  source: string;
  reason: string | null;
  values: unknown;
  version: number;
};

function sameAppraisal(before: ExistingRow, row: { rating: Rating; score: number | null; reason: string | null; values: unknown }): boolean {
  return (
    before.source === "IMPORT" &&
    before.rating === row.rating &&
    (before.score === null ? null : Number(before.score)) === row.score &&
    (before.reason ?? null) === (row.reason ?? null) &&
    JSON.stringify(before.values ?? null) === JSON.stringify(row.values ?? null)
  );
}

function report(quarter: string, fileName: string, table: ImportTable, result: ImportCheck, replacing: number, written: number): ImportReport {
  const byRating = Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>;
  for (const row of result.rows) byRating[row.rating] += 1;
  return { ...fileImportReport(quarter, fileName, table, result, { ready: result.rows.length, replacing, written }), byRating };
}

/** Dry run: reads the file and reports every problem; writes nothing. */
export async function checkAppraisalFile(viewer: Viewer, quarter: string, data: ImportData, fileName: string): Promise<ImportReport> {
  const table = await readQuarterFile(viewer, data, fileName);
  const result = await check(db, quarter, table);
  const existing = importIsClean(result)
    ? await existingFor(
        db,
        quarter,
        result.rows.map((r) => r.userId),
      )
    : new Map();
  return report(quarter, fileName, table, result, existing.size, 0);
}

/**
 * Imports a clean file in one transaction (source IMPORT, every row audited). The file is checked
 * again inside the transaction; if anything is wrong nothing is written and the report says why.
 */
export async function importAppraisalFile(viewer: Viewer, quarter: string, data: ImportData, fileName: string): Promise<ImportReport> {
  return writeQuarterFile(viewer, quarter, data, fileName, async (tx, table, locked) => {
    const result = await check(tx, quarter, table, locked);
    if (!importIsClean(result)) return report(quarter, fileName, table, result, 0, 0);

    const existing = await existingFor(
      tx,
      quarter,
      result.rows.map((r) => r.userId),
    );
    const creates = result.rows.filter((r) => !existing.has(r.userId));
    // A row that says what the database already says is not written again (a repeated import is a no-op).
    const updates = result.rows.filter((r) => existing.has(r.userId) && !sameAppraisal(existing.get(r.userId)!, r));
    if (creates.length === 0 && updates.length === 0) return report(quarter, fileName, table, result, 0, 0);
    if (creates.length > 0) {
      // One INSERT … SELECT FROM unnest: Prisma's createMany spends seconds on 10,000 rows.
      await tx.$executeRaw`
        INSERT INTO "Appraisal" (id, quarter, "userId", values, score, rating, source, reason, "updatedById", "updatedAt")
        SELECT gen_random_uuid()::text, ${quarter}, v."userId", v.values::jsonb, v.score, v.rating::"Rating", 'IMPORT', v.reason, ${viewer.id}, now()
        FROM unnest(
          ${creates.map((r) => r.userId)}::text[],
          ${creates.map((r) => (r.values ? JSON.stringify(r.values) : null))}::text[],
          ${creates.map((r) => r.score)}::numeric[],
          ${creates.map((r) => r.rating)}::text[],
          ${creates.map((r) => r.reason)}::text[]
        ) AS v("userId", values, score, rating, reason)`;
    }
    if (updates.length > 0) {
      await tx.$executeRaw`
        UPDATE "Appraisal" a
        SET values = v.values::jsonb, score = v.score, rating = v.rating::"Rating", source = 'IMPORT', reason = v.reason,
            version = a.version + 1, "updatedById" = ${viewer.id}, "updatedAt" = now()
        FROM unnest(
          ${updates.map((r) => existing.get(r.userId)!.id)}::text[],
          ${updates.map((r) => (r.values ? JSON.stringify(r.values) : null))}::text[],
          ${updates.map((r) => r.score)}::numeric[],
          ${updates.map((r) => r.rating)}::text[],
          ${updates.map((r) => r.reason)}::text[]
        ) AS v(id, values, score, rating, reason)
        WHERE a.id = v.id`;
    }
    await audit(tx, [
      {
        actorId: viewer.id,
        action: "APPRAISAL_IMPORT_FILE",
        entity: "AppraisalQuarter",
        entityId: quarter,
        after: { fileName, rows: result.rows.length, created: creates.length, replaced: updates.length },
      },
      ...[...creates, ...updates].map((r) => {
        const before = existing.get(r.userId);
        return {
          actorId: viewer.id,
          action: "APPRAISAL_IMPORT",
          entity: "Appraisal",
          entityId: `${quarter}:${r.userId}`,
          before: before
            ? { rating: before.rating, score: before.score, source: before.source, reason: before.reason, values: before.values, version: before.version }
            : null,
          after: { rating: r.rating, score: r.score, source: "IMPORT", reason: r.reason, values: r.values, version: before ? before.version + 1 : 1 },
          note: `${fileName} 第 ${r.line} 行`,
        };
      }),
    ]);
    return report(quarter, fileName, table, result, updates.length, creates.length + updates.length);
  });
}

/**
 * The import template for a quarter: 工号, 姓名, 机构, one column per indicator, 评级, 说明, with
 * one row per active account manager (of one branch when given) to fill in.
 */
export async function buildImportTemplate(
  viewer: Viewer,
  quarterCode: string,
  format: "xlsx" | "csv",
  branchId?: string | null,
): Promise<{ file: Buffer; fileName: string } | null> {
  if (!can(viewer.role, "appraisal.import")) return null;
  const quarter = await findQuarter(db, quarterCode);
  if (!quarter) return null;
  const people = await db.$queryRaw<{ employeeNo: string; name: string; branchName: string }[]>`
    SELECT u."employeeNo", u.name, b.name AS "branchName"
    FROM "User" u JOIN "Branch" b ON b.id = u."branchId"
    WHERE u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE' AND (${branchId ?? null}::text IS NULL OR u."branchId" = ${branchId ?? null})
    ORDER BY b.code, u."employeeNo"`;
  const headers = importTemplateHeaders(quarter.template.template);
  const indicators = importedIndicators(quarter.template.template);
  type Person = (typeof people)[number];
  const columns: Column<Person>[] = headers.map((header, i) => {
    if (i === 0) return { header, value: (p) => p.employeeNo, width: 12 };
    if (i === 1) return { header, value: (p) => p.name, width: 10 };
    if (i === 2) return { header, value: (p) => p.branchName, width: 12 };
    const ind = indicators[i - 3];
    return { header, value: () => "", width: ind ? Math.max(12, ind.name.length * 2 + 2) : 24 };
  });
  const file = await writeTable(format, `${quarterCode}考评`, columns, people);
  return { file, fileName: `${quarterCode}-季度考评导入模板.${format}` };
}
