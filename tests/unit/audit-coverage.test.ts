// Every change to people, grades, ratings, rules, models, reviews, programme, contest scores and
// awards writes an audit row. This reads the data access layer and fails when a function writes to
// the database (create/update/upsert/delete, or INSERT/UPDATE/DELETE in raw SQL) without calling
// audit() — unless it is on the allow-list below with the reason it needs none.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DAL = path.resolve(import.meta.dirname, "../../lib/server/dal");

/** Writers that need no audit row of their own, and why. Key: "<file>#<function>". */
const ALLOWED: Record<string, string> = {
  "courses/completion.ts#writeCompletions": "helper; its callers (recordCompletions, importCompletions) write the audit rows in the same transaction",
  "courses/assignment.ts#syncRequiredEnrolments": "helper; runs inside audited transactions (review commit/revert, grading, course changes)",
  "people-admin/changes.ts#openMembership": "helper; its callers (createPerson, transferBranch, convertAssistant) audit the change in the same transaction",
  "people-admin/changes.ts#recordGradeChange":
    "helper; its callers (convertAssistant, exitPerson, changeGradeManually) audit the grade change in the same transaction",
  "people-admin/changes.ts#closeMembership": "helper; its callers (transferBranch, exitPerson) audit the change in the same transaction",
  "programme/participants.ts#releaseSeats": "helper; the caller audits the removal and promoteWaiting audits each 候补递补",
  "programme/shared.ts#addSeats": "helper; its callers (enrolling participants, saving a session) audit the change in the same transaction",
  "review/draft.ts#draftFor": "creates the empty DRAFT review inside inDraft, whose callers (exclude, include, quotas) audit the change",
};

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") && e.name !== "views.ts" ? [path.join(dir, e.name)] : []));
}

/** Top-level functions of a file: name and body (up to the next top-level declaration). */
function functions(source: string): { name: string; body: string }[] {
  const starts = [...source.matchAll(/^(?:export )?(?:async )?function (\w+)|^export const (\w+) = (?:async )?\(/gm)];
  return starts.map((m, i) => ({ name: m[1] ?? m[2], body: source.slice(m.index, starts[i + 1]?.index ?? source.length) }));
}

const WRITE =
  /\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\(|\$executeRaw(?:Unsafe)?`\s*(INSERT|UPDATE|DELETE)|\$executeRaw(?:Unsafe)?`[\s\S]{0,40}?\b(INSERT|UPDATE|DELETE)\b/;

describe("every DAL write is audited", () => {
  const found: string[] = [];
  const writers: string[] = [];
  for (const file of files(DAL)) {
    const rel = path.relative(DAL, file).split(path.sep).join("/");
    for (const fn of functions(fs.readFileSync(file, "utf8"))) {
      if (!WRITE.test(fn.body)) continue;
      const key = `${rel}#${fn.name}`;
      writers.push(key);
      if (!/\baudit\(/.test(fn.body) && !(key in ALLOWED)) found.push(key);
    }
  }

  it("finds the writers it checks", () => {
    expect(writers.length).toBeGreaterThan(20);
  });

  it("has an audit row for each of them, or a reason on the allow-list", () => {
    expect(found).toEqual([]);
  });

  it("keeps the allow-list honest: every entry is a writer that exists", () => {
    expect(Object.keys(ALLOWED).filter((k) => !writers.includes(k))).toEqual([]);
  });
});
