// `npm test`: ESLint and Prettier first, then unit and integration tests (vitest, real throwaway
// PostgreSQL), then end-to-end tests (Playwright in Chromium against `next start`). Ends with one
// line "N passed, N failed" (a lint or format failure counts as one failure each).
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { buildIsStale, root, runBuild } from "./lib/app-env.mjs";
import { runE2e } from "./e2e.mjs";

const results = path.join(root, "test-reports");
fs.rmSync(results, { recursive: true, force: true });
fs.mkdirSync(results, { recursive: true });

// The code's shape is part of the suite: lint (layers, Next.js rules) and formatting.
const lintChecks = [
  ["eslint", [path.join(root, "node_modules/eslint/bin/eslint.js"), "."]],
  ["prettier", [path.join(root, "node_modules/prettier/bin/prettier.cjs"), "--check", "."]],
].map(([name, args]) => {
  console.log(`\n[${name}]`);
  const run = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  return { name, ok: run.status === 0 };
});
const lintFailed = lintChecks.filter((c) => !c.ok).length;
// The production build first: integration tests that run the app (supervisor, two instances,
// database down) and the end-to-end tests all use it.
if (buildIsStale()) runBuild();

const vitest = spawnSync(
  process.execPath,
  [path.join(root, "node_modules/vitest/vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(results, "vitest.json")}`],
  { cwd: root, stdio: "inherit" },
);

let e2eStatus = 1;
try {
  e2eStatus = await runE2e();
} catch (error) {
  console.error(`[e2e] ${error instanceof Error ? error.message : error}`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(path.join(results, file), "utf8"));
  } catch {
    return null;
  }
}

const v = readJson("vitest.json");
const e = readJson("e2e.json");
const unitPassed = v?.numPassedTests ?? 0;
// A run that errored outside a test, or found no tests, counts as a failure.
const unitFailed = (v?.numFailedTests ?? 0) + (v && v.success !== false && v.numTotalTests > 0 ? 0 : 1);
const e2ePassed = e?.stats?.expected ?? 0;
const e2eFailed = (e?.stats?.unexpected ?? 0) + (e?.stats?.flaky ?? 0) + (e && (e.errors ?? []).length === 0 && e2ePassed > 0 ? 0 : 1);
const skipped = (v?.numPendingTests ?? 0) + (v?.numTodoTests ?? 0) + (e?.stats?.skipped ?? 0);
console.log(
  `\n${lintChecks.map((c) => `${c.name}: ${c.ok ? "ok" : "failed"}`).join("; ")}; vitest: ${unitPassed} passed, ${unitFailed} failed; playwright: ${e2ePassed} passed, ${e2eFailed} failed`,
);
const failed = lintFailed + unitFailed + e2eFailed + (vitest.status === 0 ? 0 : unitFailed ? 0 : 1) + (e2eStatus === 0 ? 0 : e2eFailed ? 0 : 1);
console.log(`${unitPassed + e2ePassed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(lintFailed === 0 && vitest.status === 0 && e2eStatus === 0 && failed === 0 ? 0 : 1);
