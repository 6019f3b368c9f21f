// Input schemas for the promotion review, grade rules and initial grading (shared by forms and actions).
import { z } from "zod";
import { recordId, text } from "@/lib/schemas/common";
import { GRADES, type Grade } from "@/lib/domain/grades";
import { normaliseCertificationCode } from "@/lib/domain/certification-import";

export const QuarterField = z
  .string({ error: "请选择季度" })
  .trim()
  .toUpperCase()
  .regex(/^\d{4}Q[1-4]$/, "季度格式应为 年份Q季度，例如 2026Q2");

export const ReviewQuarterInput = z.object({ quarter: QuarterField });
export type ReviewQuarterInput = z.infer<typeof ReviewQuarterInput>;

export const ExcludeInput = z.object({
  quarter: QuarterField,
  userId: recordId,
  reason: text(200, { min: 2, label: "排除原因" }),
});
export type ExcludeInput = z.infer<typeof ExcludeInput>;

export const IncludeInput = z.object({ quarter: QuarterField, userId: recordId });
export type IncludeInput = z.infer<typeof IncludeInput>;

export const RevertInput = z.object({
  quarter: QuarterField,
  reason: text(500, { min: 2, label: "撤销原因" }),
});
export type RevertInput = z.infer<typeof RevertInput>;

/** Grades a promotion can lead into: everything above 见习. */
export const PROMOTION_TARGETS = GRADES.slice(1) as Exclude<Grade, "TRAINEE">[];

/** A whole number typed into a field: blank → undefined, else an integer within [min, max]. */
function integerText(min: number, max: number, messages: { invalid: string; range: string }) {
  return (v: string | undefined, ctx: z.RefinementCtx): number | undefined => {
    if (v === undefined || v.trim() === "") return undefined;
    const t = v.trim();
    if (!/^-?\d+$/.test(t)) {
      ctx.addIssue({ code: "custom", message: messages.invalid });
      return z.NEVER;
    }
    const n = Number(t);
    if (n < min || n > max) {
      ctx.addIssue({ code: "custom", message: messages.range });
      return z.NEVER;
    }
    return n;
  };
}

const optionalCount = z
  .string()
  .optional()
  .transform(integerText(0, 100000, { invalid: "请输入整数", range: "名额应为 0–100000 的整数" }));

/** Form fields quota_JUNIOR … quota_PRINCIPAL; an empty field means no limit. */
export const QuotasInput = z.object({
  quarter: QuarterField,
  quota_JUNIOR: optionalCount,
  quota_INTERMEDIATE: optionalCount,
  quota_SENIOR: optionalCount,
  quota_PRINCIPAL: optionalCount,
});
export type QuotasInput = z.infer<typeof QuotasInput>;

const tenureField = z
  .string({ error: "请填写任职年限" })
  .trim()
  .min(1, "请填写任职年限")
  .transform(integerText(0, 600, { invalid: "请输入整数（月）", range: "应为 0–600 个月" }))
  .transform((n) => n as number);

const certificationsField = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const parts = (v ?? "").split(/[\s,，、;；]+/).filter(Boolean);
    const codes: string[] = [];
    for (const part of parts) {
      const code = normaliseCertificationCode(part);
      if (!code) {
        ctx.addIssue({ code: "custom", message: `认证代码“${part}”不正确（应为字母开头的英文代码，如 PROBATION）` });
        return z.NEVER;
      }
      codes.push(code);
    }
    return [...new Set(codes)];
  });

/** A checkbox: present ("on") when ticked, absent otherwise. */
const checkboxField = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

/**
 * Form fields: effectiveFromQuarter, note, tenure_<GRADE>, certs_<GRADE> and byCert_<GRADE> (the
 * probation path: promoted on passing the named certifications) for each grade above 见习.
 */
export const GradeRulesInput = z.object({
  effectiveFromQuarter: QuarterField,
  note: text(200, { label: "说明" }).optional(),
  tenure_JUNIOR: tenureField,
  certs_JUNIOR: certificationsField,
  byCert_JUNIOR: checkboxField,
  tenure_INTERMEDIATE: tenureField,
  certs_INTERMEDIATE: certificationsField,
  byCert_INTERMEDIATE: checkboxField,
  tenure_SENIOR: tenureField,
  certs_SENIOR: certificationsField,
  byCert_SENIOR: checkboxField,
  tenure_PRINCIPAL: tenureField,
  certs_PRINCIPAL: certificationsField,
  byCert_PRINCIPAL: checkboxField,
});
export type GradeRulesInput = z.infer<typeof GradeRulesInput>;

export const InitialGradesInput = z.object({
  decisions: z
    .array(z.object({ userId: recordId, grade: z.enum(GRADES, { error: "请选择等级" }) }))
    .min(1, "请至少勾选一名人员")
    .max(5000, "一次最多确认 5,000 人"),
});
export type InitialGradesInput = z.infer<typeof InitialGradesInput>;
