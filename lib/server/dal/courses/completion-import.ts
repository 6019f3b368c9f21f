import "server-only";
import { assertCan } from "@/lib/server/auth/permissions";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import type { Viewer } from "@/lib/server/auth/viewer";
import type { Table } from "@/lib/server/spreadsheet";
import { isIsoDate, todayInShanghai } from "@/lib/domain/dates";
import { writeCompletions } from "./completion";
import { validateCompletion } from "@/lib/domain/curriculum";

export interface RowProblem {
  line: number;
  problem: string;
}

export const COMPLETION_COLUMNS = ["工号", "课程编号", "完成日期", "学时", "考试成绩"] as const;

/**
 * Completions from CSV/XLSX (DOMAIN §12): every row is checked first and every problem listed with
 * its line; nothing is written unless the whole file is clean, and then in one transaction.
 * A course already completed may be recorded again: the row corrects date, hours and score.
 */
export async function importCompletions(viewer: Viewer, table: Table, { dryRun }: { dryRun: boolean }, today = todayInShanghai()): Promise<{ rows: number; problems: RowProblem[] }> {
  assertCan(viewer, "course.import");
  const missingColumns = COMPLETION_COLUMNS.filter((c) => c !== "考试成绩" && !table.headers.includes(c));
  if (missingColumns.length) return { rows: table.rows.length, problems: [{ line: 1, problem: `缺少列：${missingColumns.join("、")}` }] };
  if (table.rows.length === 0) return { rows: 0, problems: [{ line: 1, problem: "文件中没有数据行" }] };

  const employeeNos = [...new Set(table.rows.map((r) => r.values["工号"]).filter(Boolean))];
  const codes = [...new Set(table.rows.map((r) => r.values["课程编号"]).filter(Boolean))];
  const [people, courses] = await Promise.all([
    db.user.findMany({ where: { employeeNo: { in: employeeNos } }, select: { id: true, employeeNo: true, role: true, status: true } }),
    db.course.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } }),
  ]);
  const personByNo = new Map(people.map((p) => [p.employeeNo, p]));
  const courseByCode = new Map(courses.map((c) => [c.code, c]));
  const enrolments = await db.enrolment.findMany({
    where: { userId: { in: people.map((p) => p.id) }, courseId: { in: courses.map((c) => c.id) } },
    select: { id: true, userId: true, courseId: true, status: true },
  });
  const enrolmentOf = new Map(enrolments.map((e) => [`${e.userId}:${e.courseId}`, e]));

  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const writes: { enrolmentId: string; before: string; completedOn: string; hours: number; examScore: number | null }[] = [];
  for (const { line, values } of table.rows) {
    const say = (problem: string) => problems.push({ line, problem });
    const no = values["工号"] ?? "";
    const code = values["课程编号"] ?? "";
    const person = personByNo.get(no);
    const course = courseByCode.get(code);
    if (!no) say("工号为空");
    else if (!person) say(`工号 ${no} 不存在`);
    else if (person.status !== "ACTIVE" || (person.role !== "ACCOUNT_MANAGER" && person.role !== "ASSISTANT")) say(`工号 ${no} 不是在职的客户经理或业务助理`);
    if (!code) say("课程编号为空");
    else if (!course) say(`课程编号 ${code} 不存在`);
    const key = `${no}:${code}`;
    if (seen.has(key)) say(`与第 ${seen.get(key)} 行重复（同一工号和课程）`);
    else seen.set(key, line);
    const date = values["完成日期"] ?? "";
    if (!isIsoDate(date)) say(`完成日期「${date}」无效，应为 YYYY-MM-DD`);
    else if (date > today) say("完成日期不能晚于今天");
    const hours = Number(values["学时"]);
    const scoreText = values["考试成绩"] ?? "";
    const examScore = scoreText === "" ? null : Number(scoreText);
    if (values["学时"] === undefined || values["学时"] === "" || Number.isNaN(hours)) say("学时必须是数字");
    else for (const error of validateCompletion({ hours, examScore: null })) say(error);
    if (examScore !== null && Number.isNaN(examScore)) say("考试成绩必须是数字");
    else if (examScore !== null) for (const error of validateCompletion({ hours: 1, examScore })) say(error);
    if (person && course) {
      const e = enrolmentOf.get(`${person.id}:${course.id}`);
      if (!e) say(`工号 ${no} 未报名课程 ${code}，不能登记完成`);
      else if (e.status === "WAIVED") say(`工号 ${no} 已免修课程 ${code}`);
      else writes.push({ enrolmentId: e.id, before: e.status, completedOn: date, hours, examScore });
    }
  }
  if (problems.length > 0 || dryRun) return { rows: table.rows.length, problems };

  await db.$transaction(async (tx) => {
    await writeCompletions(tx, viewer.id, writes);
    await audit(
      tx,
      writes.map((w) => ({ actorId: viewer.id, action: "COMPLETION_IMPORT", entity: "Enrolment", entityId: w.enrolmentId, before: { status: w.before }, after: { status: "COMPLETED", completedOn: w.completedOn, hours: w.hours, examScore: w.examScore } })),
    );
  });
  return { rows: table.rows.length, problems: [] };
}
