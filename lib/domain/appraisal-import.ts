// Checking a quarterly appraisal import file (DOMAIN §4, §12) before anything is written: every
// bad row is reported with its line number and all of its problems. Pure code: the caller reads
// the file and looks the employee numbers up.

import { RATING_LABELS, RATINGS, type Rating } from "./grades";
import { checkPersonIndicatorInputs, MAX_REASON_LENGTH, MIN_REASON_LENGTH, parseRating, scoreAndRate, templateIndicators, withRoracValue } from "./appraisal";
import { ACTION_PLAN_INDICATOR, type RatingBands, type ScorecardTemplate } from "./scoring";

export const EMPLOYEE_NO_HEADER = "工号";
export const NAME_HEADER = "姓名";
export const BRANCH_HEADER = "机构";
export const RATING_HEADER = "评级";
export const REASON_HEADER = "说明";
const REASON_ALIASES = [REASON_HEADER, "原因", "评级说明"];

export interface ImportTable {
  headers: string[];
  rows: { line: number; values: Record<string, string> }[];
}

export interface ImportPerson {
  id: string;
  employeeNo: string;
  name: string;
  role: string;
  status: string;
}

export interface ImportRow {
  line: number;
  userId: string;
  employeeNo: string;
  name: string;
  /** Indicator values when the row was scored, else null (a direct rating). */
  values: Record<string, number> | null;
  score: number | null;
  rating: Rating;
  reason: string | null;
}

export interface ImportProblem {
  line: number;
  employeeNo: string;
  messages: string[];
}

/** What a quarter's file import reports, dry run or write (ratings, RORAC lines). */
export interface FileImportReport {
  quarter: string;
  fileName: string;
  /** Data rows in the file. */
  rowCount: number;
  fileErrors: string[];
  /** Bad rows with their line numbers and problems: the first 200 (IMPORT_LIMITS.maxProblems). */
  problems: ImportProblem[];
  /** How many bad rows there were in all. */
  totalProblems: number;
  ignoredColumns: string[];
  /** Good rows or people (all of them when the file is clean). */
  ready: number;
  /** Good rows or people that replace what the quarter already holds. */
  replacing: number;
  /** Rows or people written (0 for a dry run or a refused file). */
  written: number;
}

export interface ImportCheck {
  /** Problems with the file as a whole (missing columns, locked quarter). */
  fileErrors: string[];
  /** Every bad row, in file order. */
  problems: ImportProblem[];
  /** The good rows, ready to write (only meaningful when there are no problems at all). */
  rows: ImportRow[];
  /** Columns that were not recognised and are ignored. */
  ignoredColumns: string[];
}

/** Header text normalised for matching: no spaces, half-width, and no trailing unit like "（%）". */
export function normaliseHeader(h: string): string {
  return h
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/\([^)]*\)$/, "")
    .toUpperCase();
}

/**
 * The indicators a file gives values for: all of the template's but 行动计划跟进评分, which always
 * comes from the action plans linked to the quarter (a column for it is ignored).
 */
export function importedIndicators(template: ScorecardTemplate) {
  return templateIndicators(template).filter((i) => i.code !== ACTION_PLAN_INDICATOR);
}

/** Which file column holds each indicator (matched by Chinese name or code). */
function matchIndicatorColumns(headers: string[], template: ScorecardTemplate): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const h of headers) byKey.set(normaliseHeader(h), h);
  const found = new Map<string, string>();
  for (const ind of importedIndicators(template)) {
    const header = byKey.get(normaliseHeader(ind.name)) ?? byKey.get(normaliseHeader(ind.code));
    if (header) found.set(ind.code, header);
  }
  return found;
}

/** The active account manager a row's 工号 names, or the Chinese problem with it. */
export function findImportPerson(employeeNo: string, people: ReadonlyMap<string, ImportPerson>): { person?: ImportPerson; problem?: string } {
  const person = people.get(employeeNo);
  if (!person) return { problem: `工号 ${employeeNo} 不存在` };
  if (person.role !== "ACCOUNT_MANAGER" || person.status !== "ACTIVE") return { person, problem: `${person.name}（${employeeNo}）不是在职的对公客户经理` };
  return { person };
}

export interface ImportContext {
  template: ScorecardTemplate;
  bands: RatingBands;
  /** People by employee number (the caller looks up every number in the file). */
  people: ReadonlyMap<string, ImportPerson>;
  /** e.g. "2026年第三季度" */
  quarterLabel: string;
  locked: boolean;
  /** Action-plan scores linked to the quarter by user id (people without one are absent). */
  actionPlanScores?: ReadonlyMap<string, number>;
  /** RORAC completion rates computed from the business lines by user id (they replace the file's value). */
  roracRates?: ReadonlyMap<string, number>;
}

/**
 * Checks an appraisal file: column 工号 and either every indicator column (by Chinese name or
 * code) or 评级 + 说明, per row. A row fills the indicators or gives a rating, not both.
 */
export function checkAppraisalImport(table: ImportTable, ctx: ImportContext): ImportCheck {
  const fileErrors: string[] = [];
  const problems: ImportProblem[] = [];
  const rows: ImportRow[] = [];
  const indicators = importedIndicators(ctx.template);
  const headers = table.headers.map((h) => h.trim()).filter(Boolean);

  if (ctx.locked) fileErrors.push(`${ctx.quarterLabel}已锁定，不能再导入考评结果；锁定后的更正请在名单中逐条进行并填写原因`);
  const employeeHeader = headers.find((h) => normaliseHeader(h) === EMPLOYEE_NO_HEADER);
  if (!employeeHeader) fileErrors.push(`文件缺少「${EMPLOYEE_NO_HEADER}」列`);
  const ratingHeader = headers.find((h) => normaliseHeader(h) === RATING_HEADER);
  const reasonHeader = headers.find((h) => REASON_ALIASES.includes(normaliseHeader(h)));
  const indicatorColumns = matchIndicatorColumns(headers, ctx.template);
  const hasIndicators = indicatorColumns.size === indicators.length;
  if (indicatorColumns.size > 0 && !hasIndicators) {
    const missing = indicators.filter((i) => !indicatorColumns.has(i.code)).map((i) => `「${i.name}」`);
    fileErrors.push(`文件缺少指标列 ${missing.join("、")}：按指标导入需要模板中的全部 ${indicators.length} 个指标列`);
  }
  if (indicatorColumns.size === 0 && !ratingHeader) {
    fileErrors.push(`文件既没有指标列，也没有「${RATING_HEADER}」列：请使用下载的模板填写`);
  }
  if (table.rows.length === 0) fileErrors.push("文件中没有数据行");

  const known = new Set<string>(
    [...indicatorColumns.values(), employeeHeader, ratingHeader, reasonHeader, NAME_HEADER, BRANCH_HEADER].filter((h): h is string => !!h),
  );
  const ignoredColumns = headers.filter((h) => !known.has(h));
  if (!employeeHeader || (indicatorColumns.size > 0 && !hasIndicators) || (indicatorColumns.size === 0 && !ratingHeader)) {
    return { fileErrors, problems, rows, ignoredColumns };
  }

  const firstLine = new Map<string, number>();
  for (const { line, values } of table.rows) {
    const messages: string[] = [];
    const employeeNo = (values[employeeHeader] ?? "").trim();
    let person: ImportPerson | undefined;
    if (!employeeNo) {
      messages.push("缺少工号");
    } else {
      const first = firstLine.get(employeeNo);
      if (first !== undefined) messages.push(`工号 ${employeeNo} 与第 ${first} 行重复`);
      else firstLine.set(employeeNo, line);
      const found = findImportPerson(employeeNo, ctx.people);
      person = found.person;
      if (found.problem) messages.push(found.problem);
    }

    const ratingText = ratingHeader ? (values[ratingHeader] ?? "").trim() : "";
    const reason = reasonHeader ? (values[reasonHeader] ?? "").trim() : "";
    const raw: Record<string, string> = {};
    for (const [code, header] of indicatorColumns) raw[code] = values[header] ?? "";
    const anyValue = Object.values(raw).some((v) => v.trim() !== "");

    let parsed: Pick<ImportRow, "values" | "score" | "rating" | "reason"> | null = null;
    if (reason.length > MAX_REASON_LENGTH) messages.push(`「${REASON_HEADER}」不超过 ${MAX_REASON_LENGTH} 字（与表单相同）`);
    if (ratingText.length > 20) messages.push("评级无法识别");
    else if (anyValue && ratingText) {
      messages.push("同一行不能既填指标数值又填评级，请只保留一种");
    } else if (!anyValue && !ratingText) {
      messages.push(hasIndicators ? "没有填写指标数值或评级" : "没有填写评级");
    } else if (ratingText) {
      const rating = parseRating(ratingText);
      if (!rating) messages.push(`评级“${ratingText}”无法识别，应为 ${RATINGS.map((r) => RATING_LABELS[r]).join("/")}`);
      if (reason.length < MIN_REASON_LENGTH) messages.push(`直接评级必须在「${REASON_HEADER}」列写明原因`);
      if (rating && reason.length <= MAX_REASON_LENGTH) parsed = { values: null, score: null, rating, reason: reason || null };
    } else {
      const plan = person ? (ctx.actionPlanScores?.get(person.id) ?? null) : null;
      const rorac = withRoracValue(ctx.template, raw, { computed: person ? (ctx.roracRates?.get(person.id) ?? null) : null, typed: false, reason });
      const check = checkPersonIndicatorInputs(ctx.template, rorac.raw, plan);
      const errors = Object.values(check.errors);
      if (rorac.error) errors.push(`「RORAC 目标完成率」为手工填写（本人没有录入业务条线），请在「${REASON_HEADER}」列写明原因`);
      if (errors.length > 0) messages.push(...errors);
      else if (reason.length <= MAX_REASON_LENGTH)
        parsed = { values: check.values, ...scoreAndRate(check.scorecard, ctx.bands, check.values), reason: reason || null };
    }

    if (messages.length > 0) problems.push({ line, employeeNo, messages });
    else if (person && parsed) rows.push({ line, userId: person.id, employeeNo, name: person.name, ...parsed });
  }
  return { fileErrors, problems, rows, ignoredColumns };
}

/** True when the file can be written: no file errors and no bad rows. */
export function importIsClean(check: ImportCheck): boolean {
  return check.fileErrors.length === 0 && check.problems.length === 0 && check.rows.length > 0;
}

/** The header row of the import template for a scorecard: 工号, 姓名, 机构, the indicators, 评级, 说明. */
export function importTemplateHeaders(template: ScorecardTemplate): string[] {
  return [EMPLOYEE_NO_HEADER, NAME_HEADER, BRANCH_HEADER, ...importedIndicators(template).map((i) => i.name), RATING_HEADER, REASON_HEADER];
}
