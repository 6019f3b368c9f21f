// The audit browser's filters, read from the URL (the page and the export share them).
import { isIsoDate } from "@/lib/domain/dates";
import type { AuditFilters } from "@/lib/server/dal/audit/views";

/** The audit filters from the URL; anything malformed is dropped. */
export function parseAuditFilters(sp: Record<string, string | string[] | undefined>): AuditFilters {
  const one = (k: string) => {
    const v = sp[k];
    return (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
  };
  const page = Number(one("page"));
  const date = (k: string) => {
    const v = one(k);
    return v && isIsoDate(v) ? v : undefined;
  };
  const text = (k: string) =>
    one(k)
      ?.slice(0, 40)
      .replace(/[\u0000-\u001f]/g, "");
  return {
    person: text("person"),
    actor: text("actor"),
    kind: one("kind") && /^[A-Z_]{1,60}$/.test(one("kind")!) ? one("kind") : undefined,
    from: date("from"),
    to: date("to"),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The filters as URL parameters (without the page). */
export function auditQuery(filters: AuditFilters): Record<string, string | undefined> {
  return { person: filters.person, actor: filters.actor, kind: filters.kind, from: filters.from, to: filters.to };
}
