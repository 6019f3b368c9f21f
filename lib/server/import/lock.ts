import "server-only";
import type { Tx } from "@/lib/server/db";

export type ImportKind = "appraisal" | "certification" | "completion" | "contest" | "people";

/**
 * One writer at a time per import kind: the writing transaction takes this advisory lock first and
 * then checks the file against the database as it is once the previous writer has committed — so
 * five identical imports fired together give one write and four clean refusals or no-ops.
 */
export async function lockImport(tx: Pick<Tx, "$executeRaw">, kind: ImportKind): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`import:${kind}`}))`;
}
