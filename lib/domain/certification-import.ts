// Reading certification results (岗位资格认证, DOMAIN §3) typed by HR or found in a spreadsheet.
// Pure: every problem of a row is reported at once, in Chinese.

import { formatIsoDate, isIsoDate, type IsoDate } from "./dates";

export interface CertificationRecord {
  employeeNo: string;
  code: string;
  passedOn: IsoDate;
  validUntil: IsoDate | null;
  score: number | null;
}

/** Names HR may type instead of a code. */
const CODE_ALIASES: Record<string, string> = { 见习期考核: "PROBATION", 见习考核: "PROBATION" };

const CODE_RE = /^[A-Z][A-Z0-9_-]{1,31}$/;

/** An upper-case code (PROBATION, CREDIT_L2 …) or null when the text cannot be one. */
export function normaliseCertificationCode(text: string): string | null {
  const trimmed = text.trim();
  if (CODE_ALIASES[trimmed]) return CODE_ALIASES[trimmed];
  const upper = trimmed.toUpperCase();
  return CODE_RE.test(upper) ? upper : null;
}

/** "2026-03-05", "2026/3/5", "2026.3.5" or "20260305" to an ISO date; null when it is not a real date. */
export function parseDateText(text: string): IsoDate | null {
  const t = text.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const iso = formatIsoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  // formatIsoDate rolls 2026-02-30 over to March; a real date survives the round trip.
  return isIsoDate(iso) && iso === `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}` ? iso : null;
}

export const CERTIFICATION_COLUMNS = ["工号", "认证代码", "通过日期", "有效期至", "成绩"] as const;

/**
 * One spreadsheet row (keyed by the column names above) to a record, or every reason it is not one.
 * `today` (when given) refuses results dated in the future.
 */
export function normaliseCertificationRow(
  values: Record<string, string | undefined>,
  today?: IsoDate,
): { record: CertificationRecord | null; errors: string[] } {
  const errors: string[] = [];
  const employeeNo = (values["工号"] ?? "").trim();
  if (!employeeNo) errors.push("工号为空");
  else if (!/^[A-Za-z0-9_-]{1,32}$/.test(employeeNo)) errors.push(`工号“${employeeNo}”格式不正确`);

  const codeText = (values["认证代码"] ?? "").trim();
  const code = codeText ? normaliseCertificationCode(codeText) : null;
  if (!codeText) errors.push("认证代码为空");
  else if (!code) errors.push(`认证代码“${codeText}”不正确（应为字母开头的英文代码，如 PROBATION）`);

  const passedText = (values["通过日期"] ?? "").trim();
  const passedOn = passedText ? parseDateText(passedText) : null;
  if (!passedText) errors.push("通过日期为空");
  else if (!passedOn) errors.push(`通过日期“${passedText}”不是有效日期（格式如 2026-03-05）`);
  else if (today && passedOn > today) errors.push(`通过日期 ${passedOn} 晚于今天`);

  const untilText = (values["有效期至"] ?? "").trim();
  const validUntil = untilText ? parseDateText(untilText) : null;
  if (untilText && !validUntil) errors.push(`有效期至“${untilText}”不是有效日期（格式如 2028-03-05）`);
  else if (validUntil && passedOn && validUntil < passedOn) errors.push("有效期至早于通过日期");

  const scoreText = (values["成绩"] ?? "").trim();
  let score: number | null = null;
  if (scoreText) {
    const n = Number(scoreText);
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(scoreText) || n > 100) {
      errors.push(`成绩“${scoreText}”应为 0–100 的数字（最多两位小数）`);
    } else score = n;
  }

  if (errors.length > 0 || !code || !passedOn) return { record: null, errors };
  return { record: { employeeNo, code, passedOn, validUntil, score }, errors };
}
