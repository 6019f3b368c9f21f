import "server-only";
import { assertCan } from "@/lib/server/auth/permissions";
import { db } from "@/lib/server/db";
import { audit, type AuditEntry } from "@/lib/server/audit";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { capProblems, IMPORT_LIMITS, lockImport, type Table } from "@/lib/server/import";
import { dateToIso, isoToDate, todayInShanghai, type IsoDate } from "@/lib/domain/dates";
import { normaliseCertificationRow, type CertificationRecord } from "@/lib/domain/certification-import";
import { inChunks } from "./commit";
import type { Client } from "./population";
import { getCertificationNames, nameOfCertification } from "../certification-names";

// Certification results (岗位资格认证, DOMAIN §3), recorded by HR one at a time or imported.

export interface CertificationView {
  id: string;
  userId: string;
  name: string;
  employeeNo: string;
  branchName: string;
  code: string;
  codeName: string;
  passedOn: IsoDate;
  validUntil: IsoDate | null;
  score: number | null;
  createdAt: Date;
}

export async function listRecentCertifications(viewer: Viewer, limit = 50): Promise<CertificationView[]> {
  assertCan(viewer, "certification.record");
  const rows = await db.certification.findMany({
    orderBy: [{ createdAt: "desc" }, { passedOn: "desc" }],
    take: limit,
    select: {
      id: true,
      userId: true,
      code: true,
      passedOn: true,
      validUntil: true,
      score: true,
      createdAt: true,
      user: { select: { name: true, employeeNo: true, branch: { select: { name: true } } } },
    },
  });
  const names = await getCertificationNames();
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    name: r.user.name,
    employeeNo: r.user.employeeNo,
    branchName: r.user.branch.name,
    code: r.code,
    codeName: nameOfCertification(names, r.code),
    passedOn: dateToIso(r.passedOn),
    validUntil: r.validUntil ? dateToIso(r.validUntil) : null,
    score: r.score === null ? null : Number(r.score),
    createdAt: r.createdAt,
  }));
}

export interface ImportLine extends CertificationRecord {
  line: number;
  name: string | null;
  /** The certification's Chinese name (HR's, else the domain's) — screens show it, not the code. */
  codeName?: string;
}

export interface ImportProblem {
  line: number;
  messages: string[];
}

export interface ImportReport {
  /** The first 200 rows, to show. */
  rows: ImportLine[];
  rowCount: number;
  /** The first 200 problems (IMPORT_LIMITS.maxProblems). */
  problems: ImportProblem[];
  totalProblems: number;
  /** Rows written; 0 on a dry run or when any row has a problem. */
  written: number;
}

/** Checks records against the database: known people (account managers or assistants) and no duplicates. */
async function check(client: Client, records: { line: number; record: CertificationRecord | null; errors: string[] }[]) {
  const employeeNos = [...new Set(records.map((r) => r.record?.employeeNo).filter((x): x is string => !!x))];
  const people = await client.user.findMany({
    where: { employeeNo: { in: employeeNos } },
    select: { id: true, employeeNo: true, name: true, role: true, roleStartDate: true },
  });
  const byNo = new Map(people.map((p) => [p.employeeNo, p]));
  const ids = people.map((p) => p.id);
  const existing = ids.length
    ? await client.certification.findMany({ where: { userId: { in: ids } }, select: { userId: true, code: true, passedOn: true } })
    : [];
  const key = (userId: string, code: string, passedOn: string) => `${userId}|${code}|${passedOn}`;
  const taken = new Set(existing.map((e) => key(e.userId, e.code, dateToIso(e.passedOn))));
  const inFile = new Map<string, number>();

  const rows: (ImportLine & { userId: string | null })[] = [];
  const problems: ImportProblem[] = [];
  for (const { line, record, errors } of records) {
    const messages = [...errors];
    const person = record ? byNo.get(record.employeeNo) : undefined;
    if (record && !person) messages.push(`工号 ${record.employeeNo} 不存在`);
    if (person && person.role !== "ACCOUNT_MANAGER" && person.role !== "ASSISTANT") {
      messages.push(`工号 ${record!.employeeNo} 不是客户经理或业务助理`);
    }
    if (record && person && record.code === "PROBATION") {
      // 见习期考核 belongs to the account-manager role: never before it started (DOMAIN §3).
      const start = person.roleStartDate ? dateToIso(person.roleStartDate) : null;
      if (person.role === "ASSISTANT") messages.push(`工号 ${record.employeeNo} 是业务助理，尚未担任客户经理，不能登记见习期考核`);
      else if (start && record.passedOn < start) messages.push(`见习期考核通过日期早于任职起始日（${start}），不能登记`);
    }
    if (record && person) {
      const k = key(person.id, record.code, record.passedOn);
      if (taken.has(k)) messages.push("该人员同一日期的该项认证已登记，请勿重复导入");
      const first = inFile.get(k);
      if (first !== undefined) messages.push(`与第 ${first} 行重复`);
      else inFile.set(k, line);
    }
    if (messages.length > 0) problems.push({ line, messages });
    if (record) rows.push({ ...record, line, name: person?.name ?? null, userId: person?.id ?? null });
  }
  return { rows, problems };
}

/**
 * Imports certification results from a spreadsheet (columns 工号, 认证代码, 通过日期, 有效期至, 成绩).
 * A dry run lists every row's problems; a real run writes nothing unless every row is clean, and
 * then writes all rows and their audit rows in one transaction.
 */
export async function importCertifications(viewer: Viewer, table: Table, { dryRun }: { dryRun: boolean }): Promise<ImportReport> {
  assertCan(viewer, "certification.record");
  const missing = ["工号", "认证代码", "通过日期"].filter((h) => !table.headers.includes(h));
  if (missing.length > 0) throw new DomainError(`文件缺少必填列：${missing.join("、")}。请使用模板中的列名（工号、认证代码、通过日期、有效期至、成绩）`);
  if (table.rows.length === 0) throw new DomainError("文件中没有数据行");
  if (table.rows.length > 20000) throw new DomainError("一次最多导入 20,000 行，请拆分文件");
  const parsed = table.rows.map((r) => ({ line: r.line, ...normaliseCertificationRow(r.values, todayInShanghai()) }));

  const names = await getCertificationNames();
  const summary = (rows: (ImportLine & { userId: string | null })[], problems: ImportProblem[], written: number): ImportReport => ({
    rows: rows.slice(0, IMPORT_LIMITS.maxProblems).map(({ userId: _userId, ...rest }) => ({ ...rest, codeName: nameOfCertification(names, rest.code) })),
    rowCount: table.rows.length,
    ...capProblems(problems),
    written,
  });
  if (dryRun) {
    const { rows, problems } = await check(db, parsed);
    return summary(rows, problems, 0);
  }
  return db.$transaction(
    async (tx) => {
      // One certification import at a time; checked again once the previous one is visible.
      await lockImport(tx, "certification");
      const { rows, problems } = await check(tx, parsed);
      if (problems.length > 0) return summary(rows, problems, 0);
      await inChunks(rows, 5000, (chunk) =>
        tx.certification.createMany({
          data: chunk.map((r) => ({
            userId: r.userId!,
            code: r.code,
            passedOn: isoToDate(r.passedOn),
            validUntil: r.validUntil ? isoToDate(r.validUntil) : null,
            score: r.score,
            recordedById: viewer.id,
          })),
        }),
      );
      const entries: AuditEntry[] = rows.map((r) => ({
        actorId: viewer.id,
        action: "CERTIFICATION_RECORD",
        entity: "User",
        entityId: r.userId!,
        after: { code: r.code, passedOn: r.passedOn, validUntil: r.validUntil, score: r.score, source: "IMPORT" },
      }));
      entries.push({ actorId: viewer.id, action: "CERTIFICATION_IMPORT", entity: "System", entityId: "certifications", after: { rows: rows.length } });
      await inChunks(entries, 5000, (chunk) => audit(tx, chunk));
      return summary(rows, [], rows.length);
    },
    { timeout: 60_000 },
  );
}

/** Records one result entered in the form. */
export async function recordCertification(viewer: Viewer, input: CertificationRecord): Promise<{ id: string; name: string }> {
  assertCan(viewer, "certification.record");
  if (input.passedOn > todayInShanghai()) throw new DomainError("通过日期不能晚于今天", { passedOn: ["通过日期不能晚于今天"] });
  return db.$transaction(async (tx) => {
    const { rows, problems } = await check(tx, [{ line: 1, record: input, errors: [] }]);
    if (problems.length > 0) {
      const message = problems[0].messages.join("；");
      throw new DomainError(message, message.includes("工号") ? { employeeNo: [message] } : {});
    }
    const row = rows[0];
    const created = await tx.certification.create({
      data: {
        userId: row.userId!,
        code: row.code,
        passedOn: isoToDate(row.passedOn),
        validUntil: row.validUntil ? isoToDate(row.validUntil) : null,
        score: row.score,
        recordedById: viewer.id,
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "CERTIFICATION_RECORD",
      entity: "User",
      entityId: row.userId!,
      after: { code: row.code, passedOn: row.passedOn, validUntil: row.validUntil, score: row.score, source: "FORM" },
    });
    return { id: created.id, name: row.name ?? "" };
  });
}
