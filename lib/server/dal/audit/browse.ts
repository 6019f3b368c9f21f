import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { assertCan } from "@/lib/server/auth/permissions";
import type { Viewer } from "@/lib/server/auth/viewer";
import { isIsoDate } from "@/lib/domain/dates";
import type { AuditEntryView, AuditFilters, AuditPage } from "./views";

export const AUDIT_PAGE_SIZE = 50;
/** At most this many rows go into one export. */
export const AUDIT_EXPORT_MAX = 50_000;

type Row = Omit<AuditEntryView, "id" | "at"> & { id: bigint; at: Date };

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** People whose 工号 is the text, or whose name contains it. */
function peopleMatching(text: string): Prisma.Sql {
  const t = text.trim().slice(0, 40);
  return Prisma.sql`SELECT id FROM "User" WHERE "employeeNo" = ${t} OR name LIKE ${`%${likeEscape(t)}%`}`;
}

/**
 * The person an entry is about: a User row, an appraisal ("quarter:userId"), a learning record or
 * an assessment (their person). One expression, so filtering and showing agree.
 */
const PERSON_ID = Prisma.sql`CASE
    WHEN l.entity = 'User' THEN l."entityId"
    WHEN l.entity = 'Appraisal' THEN split_part(l."entityId", ':', 2)
    WHEN l.entity = 'Enrolment' THEN (SELECT e."userId" FROM "Enrolment" e WHERE e.id = l."entityId")
    WHEN l.entity = 'Assessment' THEN (SELECT a."assesseeId" FROM "Assessment" a WHERE a.id = l."entityId")
  END`;

function where(filters: AuditFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.person?.trim()) parts.push(Prisma.sql`(${PERSON_ID}) IN (${peopleMatching(filters.person)})`);
  if (filters.actor?.trim()) parts.push(Prisma.sql`l."actorId" IN (${peopleMatching(filters.actor)})`);
  if (filters.kind) parts.push(Prisma.sql`l.action = ${filters.kind.slice(0, 60)}`);
  // Dates are days in Asia/Shanghai, both ends included.
  if (filters.from && isIsoDate(filters.from)) parts.push(Prisma.sql`l.at >= (${filters.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  if (filters.to && isIsoDate(filters.to)) parts.push(Prisma.sql`l.at < ((${filters.to}::date + 1))::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  return Prisma.join(parts, " AND ");
}

async function select(filters: AuditFilters, limit: number, offset: number): Promise<AuditEntryView[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT l.id, l.at, actor.name AS "actorName", actor."employeeNo" AS "actorEmployeeNo", l.action, l.entity,
           person.name AS "personName", person."employeeNo" AS "personEmployeeNo", l.before, l.after, l.note
    FROM "AuditLog" l
    LEFT JOIN "User" actor ON actor.id = l."actorId"
    LEFT JOIN "User" person ON person.id = (${PERSON_ID})
    WHERE ${where(filters)}
    ORDER BY l.id DESC
    LIMIT ${limit} OFFSET ${offset}`;
  return rows.map((r) => ({ ...r, id: r.id.toString(), at: r.at.toISOString() }));
}

/** HR's view of the append-only audit log: filtered, newest first, 50 a page. */
export async function listAuditEntries(viewer: Viewer, filters: AuditFilters): Promise<AuditPage> {
  assertCan(viewer, "audit.view");
  const [[{ n }], kinds] = await Promise.all([
    db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "AuditLog" l WHERE ${where(filters)}`,
    db.$queryRaw<{ action: string }[]>`SELECT DISTINCT action FROM "AuditLog" ORDER BY action`,
  ]);
  const total = Number(n);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filters.page ?? 1)), pageCount);
  const entries = await select(filters, AUDIT_PAGE_SIZE, (page - 1) * AUDIT_PAGE_SIZE);
  return { entries, total, page, pageCount, kinds: kinds.map((k) => k.action) };
}

/** Every matching entry (up to AUDIT_EXPORT_MAX) for the XLSX export. */
export async function exportAuditEntries(viewer: Viewer, filters: AuditFilters): Promise<AuditEntryView[]> {
  assertCan(viewer, "audit.view");
  return select(filters, AUDIT_EXPORT_MAX, 0);
}
