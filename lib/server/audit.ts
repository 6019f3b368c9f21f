import "server-only";
import type { Tx } from "@/lib/server/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  note?: string | null;
}

function json(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  // Dates, Decimals and BigInts become plain JSON values.
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

/** Above this many rows, audit rows go in with one INSERT … SELECT FROM unnest per chunk. */
const BULK_THRESHOLD = 200;
const BULK_CHUNK = 5000;

/** Append audit rows inside the caller's transaction, so the change and its record land together. */
export async function audit(tx: Tx, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  if (list.length > BULK_THRESHOLD) {
    // Prisma's createMany spends seconds serialising thousands of JSON values (a 10,000-row
    // import); PostgreSQL parses the same JSON from text arrays in a fraction of that.
    const text = (value: unknown) => {
      const v = json(value);
      return v === undefined ? null : JSON.stringify(v);
    };
    for (let i = 0; i < list.length; i += BULK_CHUNK) {
      const chunk = list.slice(i, i + BULK_CHUNK);
      await tx.$executeRaw`
        INSERT INTO "AuditLog" ("actorId", "action", "entity", "entityId", "before", "after", "note")
        SELECT * FROM unnest(
          ${chunk.map((e) => e.actorId)}::text[], ${chunk.map((e) => e.action)}::text[], ${chunk.map((e) => e.entity)}::text[],
          ${chunk.map((e) => e.entityId)}::text[], ${chunk.map((e) => text(e.before))}::jsonb[], ${chunk.map((e) => text(e.after))}::jsonb[],
          ${chunk.map((e) => e.note ?? null)}::text[])`;
    }
    return;
  }
  await tx.auditLog.createMany({
    data: list.map((e) => ({
      actorId: e.actorId,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      before: json(e.before),
      after: json(e.after),
      note: e.note ?? null,
    })),
  });
}
