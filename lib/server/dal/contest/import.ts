import "server-only";
import { db } from "@/lib/server/db";
import type { Viewer } from "@/lib/server/auth/viewer";
import { lockImport, type Table } from "@/lib/server/import";
import { CONTEST_EVENT_LABELS, isJudgedEvent, scoreProblem } from "@/lib/domain/contest";
import { assertHr, eventOrThrow } from "./shared";
import { saveDirectScores } from "./scores";

export interface RowProblem {
  line: number;
  problem: string;
}

export const SCORE_COLUMNS = ["工号", "分数"] as const;

/**
 * Written-test or practical scores from CSV/XLSX: every row checked first, every problem listed
 * with its line; nothing is written unless the whole file is clean, then in one transaction.
 * A locked event takes no imports (corrections after the lock are made one by one with a reason).
 */
export async function importScores(
  viewer: Viewer,
  eventId: string,
  table: Table,
  { dryRun }: { dryRun: boolean },
): Promise<{ rows: number; problems: RowProblem[]; written: number }> {
  assertHr(viewer);
  const event = await eventOrThrow(db, eventId);
  const refused = (problems: RowProblem[]) => ({ rows: table.rows.length, problems, written: 0 });
  if (isJudgedEvent(event.kind)) return refused([{ line: 1, problem: `${CONTEST_EVENT_LABELS[event.kind]}由评委评分，不能导入` }]);
  if (event.lockedAt) return refused([{ line: 1, problem: "该项目已锁定，不能导入；如需更正，请逐条填写原因更正" }]);
  const missing = SCORE_COLUMNS.filter((c) => !table.headers.includes(c));
  if (missing.length) return refused([{ line: 1, problem: `缺少列：${missing.join("、")}` }]);
  if (table.rows.length === 0) return refused([{ line: 1, problem: "文件中没有数据行" }]);

  const nos = [...new Set(table.rows.map((r) => r.values["工号"]).filter(Boolean))];
  const entrants = await db.contestEntrant.findMany({
    where: { phaseId: event.phaseId, user: { employeeNo: { in: nos } } },
    select: { id: true, withdrawnAt: true, user: { select: { employeeNo: true } } },
  });
  const byNo = new Map(entrants.map((e) => [e.user.employeeNo, e]));
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const rows: { entrantId: string; score: number }[] = [];
  for (const { line, values } of table.rows) {
    const say = (problem: string) => problems.push({ line, problem });
    const no = values["工号"] ?? "";
    const text = (values["分数"] ?? "").trim();
    const entrant = byNo.get(no);
    if (!no) say("工号为空");
    else if (!entrant) say(`工号 ${no} 不是本次比赛的参赛人员`);
    else if (entrant.withdrawnAt) say(`工号 ${no} 已退赛`);
    if (no && seen.has(no)) say(`与第 ${seen.get(no)} 行重复（同一工号）`);
    else if (no) seen.set(no, line);
    const score = text === "" ? Number.NaN : Number(text);
    const problem = text === "" ? "分数为空" : scoreProblem(score, event.maxScore);
    if (problem) say(problem);
    if (entrant && !entrant.withdrawnAt && !problem) rows.push({ entrantId: entrant.id, score });
  }
  if (problems.length > 0 || dryRun) return refused(problems);
  // One score import at a time: the scores are saved against what the previous one wrote, so the
  // same file sent twice at once writes once and the second finds every score already there.
  const written = await db.$transaction(async (tx) => {
    await lockImport(tx, "contest");
    return saveDirectScores(viewer, { eventId: event.id, rows }, tx);
  });
  return { rows: table.rows.length, problems: [], written };
}
