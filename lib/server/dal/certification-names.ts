import "server-only";
import { cache } from "react";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { AuthorizationError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { certificationName, DEFAULT_GRADE_RULES } from "@/lib/domain/promotion";
import type { CertificationNameInput } from "@/lib/schemas/certification-names";

// Certification codes are data (HR enters them); their Chinese names live here and HR edits them.

/** Code → Chinese name, read once per request. */
export const getCertificationNames = cache(async (): Promise<Map<string, string>> => {
  const rows = await db.certificationType.findMany({ select: { code: true, name: true } });
  return new Map(rows.map((r) => [r.code, r.name]));
});

/** The name to show for a code: HR's name, else the domain's, else a neutral label (never the code: HR names it on 资格认证). */
export function nameOfCertification(names: Map<string, string>, code: string): string {
  return names.get(code) ?? (certificationName(code) !== code ? certificationName(code) : "未命名的认证");
}

export interface CertificationNameRow {
  code: string;
  name: string | null;
  holders: number;
}

/** Every code in use (records, rules, named ones) with its name and how many records carry it. HR only. */
export async function listCertificationNames(viewer: Viewer): Promise<CertificationNameRow[]> {
  if (viewer.role !== "HR") throw new AuthorizationError();
  const [named, used, ruleSets] = await Promise.all([
    db.certificationType.findMany({ select: { code: true, name: true } }),
    db.certification.groupBy({ by: ["code"], _count: { _all: true } }),
    db.gradeRuleSet.findMany({ select: { rules: true } }),
  ]);
  const codes = new Set<string>([...named.map((n) => n.code), ...used.map((u) => u.code)]);
  for (const rules of [DEFAULT_GRADE_RULES, ...ruleSets.map((r) => r.rules as Record<string, { certifications?: string[] }>)]) {
    for (const rule of Object.values(rules ?? {})) for (const c of rule?.certifications ?? []) codes.add(c);
  }
  const nameOf = new Map(named.map((n) => [n.code, n.name]));
  const count = new Map(used.map((u) => [u.code, u._count._all]));
  return [...codes].sort().map((code) => ({ code, name: nameOf.get(code) ?? null, holders: count.get(code) ?? 0 }));
}

/** HR names (or renames) a code; audited with the name before and after. */
export async function saveCertificationName(viewer: Viewer, input: CertificationNameInput): Promise<void> {
  if (viewer.role !== "HR") throw new AuthorizationError();
  await db.$transaction(async (tx) => {
    const before = await tx.certificationType.findUnique({ where: { code: input.code }, select: { name: true } });
    await tx.certificationType.upsert({
      where: { code: input.code },
      create: { code: input.code, name: input.name, updatedById: viewer.id },
      update: { name: input.name, updatedById: viewer.id },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "CERTIFICATION_NAME_SAVE",
      entity: "CertificationType",
      entityId: input.code,
      before: before ?? null,
      after: { name: input.name },
    });
  });
}
