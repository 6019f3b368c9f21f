// Roster rows (DOMAIN §2, §12): one row of an HR roster file says that a person joins, moves to
// another branch, or leaves. Pure: parsing and checking a row against what the file and the
// bank already hold; the DAL loads the facts and writes.

import { GRADES, GRADE_LABELS, ROLE_LABELS, isGrade, type Grade, type Role } from "./grades";
import { isIsoDate, type IsoDate } from "./dates";
import { tenureMonths } from "./tenure";
import { mergeGradeRules, type GradeRules } from "./promotion";

export const ROSTER_COLUMNS = ["操作", "工号", "姓名", "邮箱", "机构", "岗位", "任职起始日", "等级", "生效日期", "说明"] as const;

export type RosterAction = "NEW" | "TRANSFER" | "EXIT";
export const ROSTER_ACTION_LABELS: Record<RosterAction, string> = { NEW: "新增", TRANSFER: "调动", EXIT: "退出" };

export const ROSTER_ROLES: Role[] = ["ACCOUNT_MANAGER", "ASSISTANT", "BRANCH_HEAD", "HR"];

/** A grade cell: a label (见习 … 资深, or the full title), empty = not graded yet. */
export function parseGradeCell(text: string): Grade | null | undefined {
  const t = text.trim().replace(/对公客户经理$/, "");
  if (t === "" || t === "未定级") return null;
  if (isGrade(t)) return t;
  return GRADES.find((g) => GRADE_LABELS[g] === t); // undefined = unknown
}

export function parseRoleCell(text: string): Role | undefined {
  const t = text.trim();
  if (t === "客户经理") return "ACCOUNT_MANAGER";
  return ROSTER_ROLES.find((r) => ROLE_LABELS[r] === t || r === t);
}

export function parseActionCell(text: string): RosterAction | undefined {
  const t = text.trim();
  return (Object.keys(ROSTER_ACTION_LABELS) as RosterAction[]).find((a) => ROSTER_ACTION_LABELS[a] === t || a === t);
}

/**
 * The highest grade whose minimum tenure is met on `asOf` (certifications aside): an initial grade
 * above it is refused (nobody is graded above what their tenure allows).
 */
export function highestGradeByTenure(roleStartDate: IsoDate, asOf: IsoDate, rules?: GradeRules | null): Grade {
  const merged = mergeGradeRules(rules);
  const months = roleStartDate <= asOf ? tenureMonths(roleStartDate, asOf) : 0;
  let best: Grade = "TRAINEE";
  for (const g of GRADES) if (months >= merged[g].minTenureMonths) best = g;
  return best;
}

export interface PersonFact {
  employeeNo: string;
  email: string;
  status: "ACTIVE" | "EXITED";
  branchCode: string;
  /** First day of the person's current branch period. */
  branchSince: IsoDate | null;
}

export type RosterRowPlan =
  | { action: "NEW"; employeeNo: string; name: string; email: string; branchCode: string; role: Role; roleStartDate: IsoDate | null; grade: Grade | null }
  | { action: "TRANSFER"; employeeNo: string; branchCode: string; date: IsoDate; note: string | null }
  | { action: "EXIT"; employeeNo: string; date: IsoDate; note: string }
  /** Already true in the bank: re-importing the same file changes nothing. */
  | { action: "SAME"; employeeNo: string };

export interface RosterCheckContext {
  today: IsoDate;
  /** Branches by code and by name (either may be given). */
  branchCode: (cell: string) => string | undefined;
  person: (employeeNo: string) => PersonFact | undefined;
  /** Another person (by employee number) already holding the e-mail, if any. */
  emailOwner: (email: string) => string | undefined;
  rules?: GradeRules | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks one row; returns either its plan or every problem in Chinese. */
export function checkRosterRow(values: Record<string, string>, ctx: RosterCheckContext): { plan: RosterRowPlan | null; problems: string[] } {
  const problems: string[] = [];
  const v = (k: (typeof ROSTER_COLUMNS)[number]) => (values[k] ?? "").trim();
  const action = parseActionCell(v("操作"));
  const employeeNo = v("工号");
  if (!action) problems.push(v("操作") ? `操作「${v("操作")}」无效，应为 新增、调动 或 退出` : "操作为空（应为 新增、调动 或 退出）");
  if (!employeeNo) problems.push("工号为空");
  else if (!/^[A-Za-z0-9_-]{1,20}$/.test(employeeNo)) problems.push(`工号「${employeeNo}」无效（只能是字母和数字，最多 20 位）`);
  if (!action || problems.length > 0) return { plan: null, problems };
  const person = ctx.person(employeeNo);

  if (action === "NEW") {
    const name = v("姓名");
    const email = v("邮箱").toLowerCase();
    const branchCell = v("机构");
    const branchCode = branchCell ? ctx.branchCode(branchCell) : undefined;
    const role = parseRoleCell(v("岗位"));
    const startText = v("任职起始日");
    const gradeText = v("等级");
    const grade = parseGradeCell(gradeText);
    if (!name) problems.push("姓名为空");
    else if (name.length > 40) problems.push("姓名最多 40 个字");
    if (!email) problems.push("邮箱为空");
    else if (!EMAIL.test(email)) problems.push(`邮箱「${email}」格式不正确`);
    if (!branchCell) problems.push("机构为空");
    else if (!branchCode) problems.push(`机构「${branchCell}」不存在`);
    if (!role) problems.push(v("岗位") ? `岗位「${v("岗位")}」无效，应为 对公客户经理、业务助理、支行长 或 人力资源部` : "岗位为空");
    let roleStartDate: IsoDate | null = null;
    if (startText) {
      if (!isIsoDate(startText)) problems.push(`任职起始日「${startText}」无效，应为 年-月-日（如 2026-03-05）`);
      else if (startText > ctx.today) problems.push("任职起始日不能晚于今天");
      else roleStartDate = startText;
    } else if (role === "ACCOUNT_MANAGER" || role === "ASSISTANT") problems.push("客户经理和业务助理须填写任职起始日");
    if (grade === undefined) problems.push(`等级「${gradeText}」无效，应为 见习、初级、中级、高级、资深 或留空`);
    else if (grade !== null && role && role !== "ACCOUNT_MANAGER") problems.push("只有对公客户经理有等级，其他岗位等级请留空");
    else if (grade && roleStartDate) {
      const cap = highestGradeByTenure(roleStartDate, ctx.today, ctx.rules);
      if (GRADES.indexOf(grade) > GRADES.indexOf(cap)) problems.push(`任职年限只够${GRADE_LABELS[cap]}，不能定为${GRADE_LABELS[grade]}`);
    }
    if (email && EMAIL.test(email)) {
      const owner = ctx.emailOwner(email);
      if (owner && owner !== employeeNo) problems.push(`邮箱 ${email} 已被工号 ${owner} 使用`);
    }
    if (person) {
      // Idempotence: the same person again is fine when nothing would change.
      const same = person.email === email && person.branchCode === branchCode && person.status === "ACTIVE";
      if (!same) problems.push(`工号 ${employeeNo} 已存在（${person.status === "EXITED" ? "已退出" : "在职"}），新增只能用于新工号`);
      if (problems.length > 0) return { plan: null, problems };
      return { plan: { action: "SAME", employeeNo }, problems };
    }
    if (problems.length > 0) return { plan: null, problems };
    return { plan: { action: "NEW", employeeNo, name, email, branchCode: branchCode!, role: role!, roleStartDate, grade: grade ?? null }, problems };
  }

  const dateText = v("生效日期");
  let date: IsoDate | null = null;
  if (!dateText) problems.push("生效日期为空");
  else if (!isIsoDate(dateText)) problems.push(`生效日期「${dateText}」无效，应为 年-月-日（如 2026-03-05）`);
  else if (dateText > ctx.today) problems.push("生效日期不能晚于今天");
  else date = dateText;
  if (!person) {
    problems.push(`工号 ${employeeNo} 不存在`);
    return { plan: null, problems };
  }

  if (action === "TRANSFER") {
    const branchCell = v("机构");
    const branchCode = branchCell ? ctx.branchCode(branchCell) : undefined;
    if (!branchCell) problems.push("调入机构为空");
    else if (!branchCode) problems.push(`机构「${branchCell}」不存在`);
    if (person.status === "EXITED") problems.push(`工号 ${employeeNo} 已退出，不能调动`);
    if (problems.length > 0) return { plan: null, problems };
    if (person.branchCode === branchCode) return { plan: { action: "SAME", employeeNo }, problems };
    if (person.branchSince && date! <= person.branchSince) problems.push(`生效日期须晚于进入现机构的日期（${person.branchSince}）`);
    if (problems.length > 0) return { plan: null, problems };
    return { plan: { action: "TRANSFER", employeeNo, branchCode: branchCode!, date: date!, note: v("说明") || null }, problems };
  }

  // EXIT
  const note = v("说明");
  if (person.status === "EXITED") return problems.length > 0 ? { plan: null, problems } : { plan: { action: "SAME", employeeNo }, problems };
  if (note.length < 2) problems.push("退出须在“说明”中填写原因（至少 2 个字）");
  if (person.branchSince && date && date < person.branchSince) problems.push(`退出日期不能早于进入现机构的日期（${person.branchSince}）`);
  if (problems.length > 0) return { plan: null, problems };
  return { plan: { action: "EXIT", employeeNo, date: date!, note }, problems };
}
