// Input schema for recording one certification result by form.
import { z } from "zod";
import { text } from "@/lib/schemas/common";
import { normaliseCertificationCode, parseDateText } from "@/lib/domain/certification-import";

const dateField = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .transform((v, ctx) => {
      const iso = parseDateText(v);
      if (!iso) {
        ctx.addIssue({ code: "custom", message: `${label}不是有效日期（格式如 2026-03-05）` });
        return z.NEVER;
      }
      return iso;
    });

export const CertificationInput = z
  .object({
    employeeNo: text(32, { min: 1, label: "工号", minMessage: "请填写工号" }),
    code: z
      .string({ error: "请选择或填写认证代码" })
      .trim()
      .min(1, "请选择或填写认证代码")
      .transform((v, ctx) => {
        const code = normaliseCertificationCode(v);
        if (!code) {
          ctx.addIssue({ code: "custom", message: "认证代码应为字母开头的英文代码，如 PROBATION、CREDIT_L2" });
          return z.NEVER;
        }
        return code;
      }),
    passedOn: dateField("通过日期"),
    validUntil: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        const iso = parseDateText(v);
        if (!iso) {
          ctx.addIssue({ code: "custom", message: "有效期不是有效日期（格式如 2028-03-05）" });
          return z.NEVER;
        }
        return iso;
      }),
    score: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        const n = Number(v);
        if (!/^\d{1,3}(\.\d{1,2})?$/.test(v) || n > 100) {
          ctx.addIssue({ code: "custom", message: "成绩应为 0–100 的数字（最多两位小数）" });
          return z.NEVER;
        }
        return n;
      }),
  })
  .refine((v) => !v.validUntil || v.validUntil >= v.passedOn, { message: "有效期不能早于通过日期", path: ["validUntil"] });
export type CertificationInput = z.infer<typeof CertificationInput>;
