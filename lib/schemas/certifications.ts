// Input schema for recording one certification result by form.
import { z } from "zod";
import { optionalReadable, readWith, text } from "@/lib/schemas/common";
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

/** A score of 0–100 with at most two decimals, or null. */
const examScore = (v: string) => (/^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) <= 100 ? Number(v) : null);

export const CertificationInput = z
  .object({
    employeeNo: text(32, { min: 1, label: "工号", minMessage: "请填写工号" }),
    code: z
      .string({ error: "请选择或填写认证代码" })
      .trim()
      .min(1, "请选择或填写认证代码")
      .transform(readWith(normaliseCertificationCode, "认证代码应为字母开头的英文代码，如 PROBATION、CREDIT_L2")),
    passedOn: dateField("通过日期"),
    validUntil: optionalReadable(parseDateText, "有效期不是有效日期（格式如 2028-03-05）"),
    score: optionalReadable(examScore, "成绩应为 0–100 的数字（最多两位小数）"),
  })
  .refine((v) => !v.validUntil || v.validUntil >= v.passedOn, { message: "有效期不能早于通过日期", path: ["validUntil"] });
export type CertificationInput = z.infer<typeof CertificationInput>;
