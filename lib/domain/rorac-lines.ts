// RORAC business lines as entered (a form or an import file, DOMAIN §4, source 003): the fields,
// their Chinese labels, and one check of the typed texts so both ways judge a value alike.
// Pure code: no I/O.

import { parseIndicatorNumber } from "./appraisal";
import {
  EMPLOYEE_NO_HEADER,
  findImportPerson,
  NAME_HEADER,
  normaliseHeader,
  type ImportPerson,
  type ImportProblem,
  type ImportTable,
} from "./appraisal-import";
import type { RoracInput, RoracLineParts } from "./scoring";

/** The six parts of RORAC = E − (Cd + Cm + Cf + Cr) − T, in the order the source lists them. */
export const RORAC_PARTS = [
  { key: "income", label: "收入 E" },
  { key: "directCost", label: "直接成本 Cd" },
  { key: "managementCost", label: "分摊管理成本 Cm" },
  { key: "fixedCost", label: "分摊固定成本 Cf" },
  { key: "riskCost", label: "风险成本 Cr" },
  { key: "tax", label: "税收 T" },
] as const satisfies readonly { key: keyof RoracInput; label: string }[];

export type RoracSide = "stock" | "incremental";
export const RORAC_SIDES: readonly { side: RoracSide; label: string }[] = [
  { side: "stock", label: "存量业务" },
  { side: "incremental", label: "新增业务" },
];

/** The text fields of one line: `name`, `stockAgeYears` and `stock.income` … `incremental.tax`. */
export type RoracLineTexts = Record<string, string | undefined>;

export const RORAC_LINE_NAME_MAX = 20;
export const RORAC_MAX_LINES = 12;
/** Largest amount accepted, 万元 (a billion yuan per part is far beyond one account manager). */
export const RORAC_AMOUNT_MAX = 1_000_000;
export const RORAC_AGE_MAX = 50;
export const RORAC_SUGGESTED_LINES = ["存款", "贷款", "中间业务"] as const;

export type RoracLine = RoracLineParts & { name: string };

/** Every numeric field key of a line, in form order, with its Chinese label. */
export function roracFieldLabels(): { key: string; label: string }[] {
  return [
    ...RORAC_SIDES.flatMap(({ side, label }) => RORAC_PARTS.map((p) => ({ key: `${side}.${p.key}`, label: `${label}${p.label}` }))),
    { key: "stockAgeYears", label: "存量业务加权平均年数 n" },
  ];
}

/** An amount in 万元: a number in [0, RORAC_AMOUNT_MAX] with at most 2 decimals, or a Chinese message. */
function amount(text: string | undefined, label: string, max = RORAC_AMOUNT_MAX): number | string {
  const t = (text ?? "").trim();
  if (t === "") return `请填写「${label}」`;
  const v = parseIndicatorNumber(t);
  if (v === null) return `「${label}」必须是数字（当前“${t}”）`;
  if (v < 0 || v > max) return `「${label}」应在 0～${max} 之间`;
  if (Math.round(v * 100) !== Number((v * 100).toPrecision(12))) return `「${label}」最多 2 位小数`;
  return v;
}

/**
 * Checks the texts of one line. Errors are keyed by field (`name`, `stock.income`, …); `line` is
 * set only when there is none. A part left blank counts as 0 (no such cost, or no new business);
 * n may only be left blank when the stock side is blank.
 */
export function checkRoracLine(texts: RoracLineTexts): { line: RoracLine | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const name = (texts.name ?? "").trim();
  if (name === "") errors.name = "请填写业务条线名称";
  else if (name.length > RORAC_LINE_NAME_MAX) errors.name = `业务条线名称不超过 ${RORAC_LINE_NAME_MAX} 个字`;

  const blank = (key: string) => (texts[key] ?? "").trim() === "";
  const sides = {} as Record<RoracSide, RoracInput>;
  for (const { side, label } of RORAC_SIDES) {
    const parts = {} as RoracInput;
    for (const p of RORAC_PARTS) {
      const key = `${side}.${p.key}`;
      const v = blank(key) ? 0 : amount(texts[key], `${label}${p.label}`);
      if (typeof v === "string") errors[key] = v;
      else parts[p.key] = v;
    }
    sides[side] = parts;
  }
  const stockBlank = RORAC_PARTS.every((p) => blank(`stock.${p.key}`));
  const age = stockBlank && blank("stockAgeYears") ? 0 : amount(texts.stockAgeYears, "存量业务加权平均年数 n", RORAC_AGE_MAX);
  if (typeof age === "string") errors.stockAgeYears = age;
  if (Object.keys(errors).length > 0) return { line: null, errors };
  return { line: { name, stock: sides.stock, incremental: sides.incremental, stockAgeYears: age as number }, errors };
}

/** A RORAC target in 万元: positive, at most 2 decimals. */
export function checkRoracTarget(text: string | undefined): number | string {
  const v = amount(text, "RORAC 目标");
  if (typeof v === "number" && v <= 0) return "「RORAC 目标」必须大于 0";
  return v;
}

/**
 * Checks a person's lines: each line's fields (errors keyed `line.<i>.<field>`), at least one line,
 * at most RORAC_MAX_LINES, names unique.
 */
export function checkRoracLines(list: readonly RoracLineTexts[]): { lines: RoracLine[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const lines: RoracLine[] = [];
  if (list.length === 0) errors.lines = "请至少填写一个业务条线";
  if (list.length > RORAC_MAX_LINES) errors.lines = `业务条线最多 ${RORAC_MAX_LINES} 个`;
  const seen = new Set<string>();
  list.forEach((texts, i) => {
    const check = checkRoracLine(texts);
    for (const [k, m] of Object.entries(check.errors)) errors[`line.${i}.${k}`] = m;
    const name = (texts.name ?? "").trim();
    if (name && seen.has(name)) errors[`line.${i}.name`] = `业务条线「${name}」重复`;
    seen.add(name);
    if (check.line) lines.push(check.line);
  });
  return { lines, errors };
}

// ---------------------------------------------------------------------------------------------
// Import file: one row per business line (工号, 业务条线, the 13 numbers, RORAC 目标)
// ---------------------------------------------------------------------------------------------

export const RORAC_LINE_HEADER = "业务条线";
export const RORAC_TARGET_HEADER = "RORAC 目标（万元）";

/** The import template's header row. */
export function roracImportHeaders(): string[] {
  return [EMPLOYEE_NO_HEADER, NAME_HEADER, RORAC_LINE_HEADER, ...roracFieldLabels().map((f) => f.label), RORAC_TARGET_HEADER];
}

export interface RoracImportPerson {
  userId: string;
  employeeNo: string;
  name: string;
  target: number;
  lines: RoracLine[];
}

export interface RoracImportCheck {
  fileErrors: string[];
  problems: ImportProblem[];
  /** Everyone in the file with all their lines (only when their rows are all good). */
  people: RoracImportPerson[];
  ignoredColumns: string[];
}

/**
 * Checks a business-lines file: every row one line of one person; a person's rows replace all
 * their lines of the quarter, so their RORAC 目标 must be the same on each of their rows. Every bad
 * row is reported with its line number and all its problems.
 */
export function checkRoracImport(
  table: ImportTable,
  ctx: { people: ReadonlyMap<string, ImportPerson>; locked: boolean; quarterLabel: string },
): RoracImportCheck {
  const fileErrors: string[] = [];
  const problems: ImportProblem[] = [];
  const headers = table.headers.map((h) => h.trim()).filter(Boolean);
  const byKey = new Map(headers.map((h) => [normaliseHeader(h), h]));
  const column = (label: string) => byKey.get(normaliseHeader(label));
  if (ctx.locked) fileErrors.push(`${ctx.quarterLabel}已锁定，不能再导入业务条线；锁定后的更正请逐人进行并填写原因`);
  const fields = [
    { key: "employeeNo", label: EMPLOYEE_NO_HEADER },
    { key: "name", label: RORAC_LINE_HEADER },
    ...roracFieldLabels(),
    { key: "target", label: RORAC_TARGET_HEADER },
  ];
  const missing = fields.filter((f) => !column(f.label)).map((f) => `「${f.label}」`);
  if (missing.length > 0) fileErrors.push(`文件缺少列 ${missing.join("、")}：请使用下载的模板填写`);
  if (table.rows.length === 0) fileErrors.push("文件中没有数据行");
  const known = new Set([...fields.map((f) => column(f.label)), column(NAME_HEADER)].filter((h): h is string => !!h));
  const ignoredColumns = headers.filter((h) => !known.has(h));
  if (missing.length > 0) return { fileErrors, problems, people: [], ignoredColumns };

  const people = new Map<string, RoracImportPerson & { bad: boolean; names: Map<string, number> }>();
  for (const { line, values } of table.rows) {
    const cell = (label: string) => (values[column(label)!] ?? "").trim();
    const messages: string[] = [];
    const employeeNo = cell(EMPLOYEE_NO_HEADER);
    const found = employeeNo ? findImportPerson(employeeNo, ctx.people) : { problem: "缺少工号" };
    if (found.problem) messages.push(found.problem);
    const texts: RoracLineTexts = { name: cell(RORAC_LINE_HEADER) };
    for (const f of roracFieldLabels()) texts[f.key] = cell(f.label);
    const check = checkRoracLine(texts);
    messages.push(...Object.values(check.errors));
    const target = checkRoracTarget(cell(RORAC_TARGET_HEADER));
    if (typeof target === "string") messages.push(target);

    const person = found.person && !found.problem ? found.person : null;
    let entry = person ? people.get(person.id) : undefined;
    if (person && !entry) {
      entry = { userId: person.id, employeeNo, name: person.name, target: typeof target === "number" ? target : NaN, lines: [], bad: false, names: new Map() };
      people.set(person.id, entry);
    }
    if (entry) {
      if (typeof target === "number" && !Number.isNaN(entry.target) && target !== entry.target) {
        messages.push(`同一人的「${RORAC_TARGET_HEADER}」应一致（前面的行为 ${entry.target}）`);
      }
      if (Number.isNaN(entry.target) && typeof target === "number") entry.target = target;
      const name = texts.name ?? "";
      const first = entry.names.get(name);
      if (name && first !== undefined) messages.push(`业务条线「${name}」与第 ${first} 行重复`);
      else if (name) entry.names.set(name, line);
      if (entry.names.size > RORAC_MAX_LINES) messages.push(`每人业务条线最多 ${RORAC_MAX_LINES} 个`);
      if (check.line && messages.length === 0) entry.lines.push(check.line);
      else entry.bad = true;
    }
    if (messages.length > 0) problems.push({ line, employeeNo, messages });
  }
  const good = [...people.values()].filter((p) => !p.bad).map(({ userId, employeeNo, name, target, lines }) => ({ userId, employeeNo, name, target, lines }));
  return { fileErrors, problems, people: good, ignoredColumns };
}
