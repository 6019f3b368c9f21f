import "server-only";
import { assertCan } from "@/lib/server/auth/permissions";
import { db, type Tx } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { auditRow } from "@/lib/server/audit-row";
import type { Viewer } from "@/lib/server/auth/viewer";
import { capProblems, lockImport, type Table } from "@/lib/server/import";
import { hoursField } from "@/lib/schemas/common";
import { dateToIso, isIsoDate, todayInShanghai } from "@/lib/domain/dates";
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
export interface CompletionImportReport {
  rows: number;
  /** The first 200 problems (IMPORT_LIMITS.maxProblems). */
  problems: RowProblem[];
  totalProblems: number;
  /** Rows written (0 for a check, a refused file, or a file the database already agrees with). */
  written: number;
}

export async function importCompletions(
  viewer: Viewer,
  table: Table,
  { dryRun }: { dryRun: boolean },
  today = todayInShanghai(),
): Promise<CompletionImportReport> {
  assertCan(viewer, "course.import");
  const report = (problems: RowProblem[], written = 0): CompletionImportReport => ({ rows: table.rows.length, ...capProblems(problems), written });
  const missingColumns = COMPLETION_COLUMNS.filter((c) => c !== "考试成绩" && !table.headers.includes(c));
  if (missingColumns.length) return report([{ line: 1, problem: `缺少列：${missingColumns.join("、")}` }]);
  if (table.rows.length === 0) return { ...report([{ line: 1, problem: "文件中没有数据行" }]), rows: 0 };
  if (dryRun) return report((await checkRows(db, table, today)).problems);
  return db.$transaction(
    async (tx) => {
      // One completion import at a time; the rows are checked against what the previous one wrote.
      await lockImport(tx, "completion");
      const { problems, writes } = await checkRows(tx, table, today);
      if (problems.length > 0) return report(problems);
      const changed = writes.filter((w) => !w.unchanged);
      await writeCompletions(tx, viewer.id, changed);
      await audit(
        tx,
        changed.map((w) => ({
          ...auditRow(viewer.id, "COMPLETION_IMPORT", "Enrolment", w.enrolmentId),
          before: { status: w.before },
          after: { status: "COMPLETED", completedOn: w.completedOn, hours: w.hours, examScore: w.examScore },
        })),
      );
      return report([], changed.length);
    },
    { timeout: 60_000 },
  );
}

type Client = Pick<Tx, "user" | "course" | "enrolment">;
interface Write {
  enrolmentId: string;
  before: string;
  completedOn: string;
  hours: number;
  examScore: number | null;
  /** Already recorded exactly so: writing it again would change nothing. */
  unchanged: boolean;
}

async function checkRows(client: Client, table: Table, today: string): Promise<{ problems: RowProblem[]; writes: Write[] }> {
  const employeeNos = [...new Set(table.rows.map((r) => r.values["工号"]).filter(Boolean))];
  const codes = [...new Set(table.rows.map((r) => r.values["课程编号"]).filter(Boolean))];
  const [people, courses] = await Promise.all([
    client.user.findMany({ where: { employeeNo: { in: employeeNos } }, select: { id: true, employeeNo: true, role: true, status: true } }),
    client.course.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } }),
  ]);
  const personByNo = new Map(people.map((p) => [p.employeeNo, p]));
  const courseByCode = new Map(courses.map((c) => [c.code, c]));
  const enrolments = await client.enrolment.findMany({
    where: { userId: { in: people.map((p) => p.id) }, courseId: { in: courses.map((c) => c.id) } },
    select: { id: true, userId: true, courseId: true, status: true, completedOn: true, hours: true, examScore: true },
  });
  const enrolmentOf = new Map(enrolments.map((e) => [`${e.userId}:${e.courseId}`, e]));

  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const writes: Write[] = [];
  for (const { line, values } of table.rows) {
    const say = (problem: string) => problems.push({ line, problem });
    const no = values["工号"] ?? "";
    const code = values["课程编号"] ?? "";
    const person = personByNo.get(no);
    const course = courseByCode.get(code);
    if (!no) say("工号为空");
    else if (!person) say(`工号 ${clip(no)} 不存在`);
    else if (person.status !== "ACTIVE" || (person.role !== "ACCOUNT_MANAGER" && person.role !== "ASSISTANT")) say(`工号 ${no} 不是在职的客户经理或业务助理`);
    if (!code) say("课程编号为空");
    else if (!course) say(`课程编号 ${clip(code)} 不存在`);
    const key = `${no}:${code}`;
    if (seen.has(key)) say(`与第 ${seen.get(key)} 行重复（同一工号和课程）`);
    else seen.set(key, line);
    const date = values["完成日期"] ?? "";
    if (!isIsoDate(date)) say(`完成日期「${clip(date)}」无效，应为 年-月-日（如 2026-03-05）`);
    else if (date > today) say("完成日期不能晚于今天");
    // The same field rules as the roster form: plain decimals, nothing that rounds to 0 hours.
    const hoursParsed = hoursField.safeParse(values["学时"] ?? "");
    if (!hoursParsed.success) say(hoursParsed.error.issues[0]?.message ?? "学时必须是数字");
    const hours = hoursParsed.success ? hoursParsed.data : 0;
    const scoreText = values["考试成绩"] ?? "";
    const examScore = scoreText === "" ? null : /^\d{1,3}(\.\d{1,2})?$/.test(scoreText) ? Number(scoreText) : NaN;
    if (examScore !== null && Number.isNaN(examScore)) say("考试成绩必须是 0–100 的数字（最多两位小数）");
    else if (examScore !== null) for (const error of validateCompletion({ hours: 1, examScore })) say(error);
    if (person && course) {
      const e = enrolmentOf.get(`${person.id}:${course.id}`);
      if (!e) say(`工号 ${no} 未报名课程 ${code}，不能登记完成`);
      else if (e.status === "WAIVED") say(`工号 ${no} 已免修课程 ${code}`);
      else {
        const unchanged =
          e.status === "COMPLETED" &&
          e.completedOn !== null &&
          dateToIso(e.completedOn) === date &&
          Number(e.hours) === hours &&
          (e.examScore === null ? null : Number(e.examScore)) === examScore;
        writes.push({ enrolmentId: e.id, before: e.status, completedOn: date, hours, examScore, unchanged });
      }
    }
  }
  return { problems, writes };
}

/** A cell value echoed in a message, cut short. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
