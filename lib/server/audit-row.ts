import type { AuditEntry } from "@/lib/server/audit";

/** Who did what to which row: the head of an audit entry, so a write reads `audit(tx, { ...auditRow(…), before, after })`. */
export function auditRow(
  actorId: string | null,
  action: string,
  entity: string,
  entityId: string,
): Pick<AuditEntry, "actorId" | "action" | "entity" | "entityId"> {
  return { actorId, action, entity, entityId };
}
