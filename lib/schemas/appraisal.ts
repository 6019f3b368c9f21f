// Input schemas of the quarterly appraisal forms (DOMAIN §4), shared by forms and actions.
import { z } from "zod";
import { CONTROL_CHAR_MESSAGE, hasControlChars, recordId, text } from "@/lib/schemas/common";
import { RATINGS } from "@/lib/domain/grades";
import { isQuarter } from "@/lib/domain/dates";
import { MAX_REASON_LENGTH, MIN_REASON_LENGTH } from "@/lib/domain/appraisal";

const QuarterField = z.string().refine(isQuarter, "季度格式无效");
const Reason = text(MAX_REASON_LENGTH, { label: "说明" })
  .optional()
  .transform((v) => v || undefined);

export const SaveAppraisalInput = z
  .object({
    quarter: QuarterField,
    userId: recordId,
    version: z.coerce.number().int().min(0),
    mode: z.enum(["score", "rating"], { error: "请选择评分方式" }),
    rating: z.enum(RATINGS, { error: "请选择评级" }).optional(),
    reason: Reason,
    roracTyped: z.boolean().default(false),
    /** Raw indicator texts by code; checked against the quarter's template on the server. */
    values: z
      .record(
        z.string().max(40),
        z
          .string()
          .max(30)
          .refine((v) => !hasControlChars(v), CONTROL_CHAR_MESSAGE),
      )
      .default({}),
  })
  .superRefine((v, ctx) => {
    if (v.mode !== "rating") return;
    if (!v.rating) ctx.addIssue({ code: "custom", path: ["rating"], message: "请选择评级" });
    if (!v.reason || v.reason.length < MIN_REASON_LENGTH) ctx.addIssue({ code: "custom", path: ["reason"], message: "直接评级必须写明原因" });
  });
export type SaveAppraisalInput = z.infer<typeof SaveAppraisalInput>;

export const QuarterInput = z.object({ quarter: QuarterField });
export type QuarterInput = z.infer<typeof QuarterInput>;

const Weight = z.coerce.number({ error: "请输入数字" }).min(0, "权重不能为负数").max(1, "权重不能大于 1");
const Bound = z.coerce.number({ error: "请输入数字" }).min(0, "分数线不能为负数").max(1000, "分数线过大");

export const TemplateVersionInput = z.object({
  baseVersion: z.coerce.number().int().min(1),
  name: text(60, { label: "名称" }),
  weights: z.array(Weight).min(1),
  useAhp: z.boolean(),
  ahpMatrix: z.array(z.array(z.string().max(10))).optional(),
  /** Per dimension: typed indicator weights (null = keep) and a second-level pairwise matrix (null = none). */
  indicatorWeights: z.array(z.array(Weight).nullable()).max(20).optional(),
  indicatorAhp: z
    .array(z.array(z.array(z.string().max(10))).nullable())
    .max(20)
    .optional(),
  bands: z.object({ EXCELLENT: Bound, GOOD: Bound, QUALIFIED: Bound, BASIC: Bound }),
  maxExcellentPct: z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === "") return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 100) {
        ctx.addIssue({ code: "custom", message: "应为 1～100 的整数，不限制请留空" });
        return z.NEVER;
      }
      return n;
    }),
  applyToOpenQuarters: z.boolean(),
});
export type TemplateVersionInput = z.infer<typeof TemplateVersionInput>;

export const ImportInput = z.object({
  quarter: QuarterField,
  commit: z.boolean(),
});

const SheetStatus = z.enum(["ALL", "UNRATED", "RATED", ...RATINGS]);

/** The sheet's filters from the page's search params; anything unexpected falls back to the default. */
export function parseSheetSearchParams(sp: Record<string, string | string[] | undefined>) {
  const one = (k: string) => (Array.isArray(sp[k]) ? sp[k][0] : sp[k]);
  const status = SheetStatus.safeParse(one("status"));
  const page = Number(one("page"));
  return {
    branchId: one("branch") || null,
    q: (one("q") ?? "").slice(0, 50),
    status: status.success ? status.data : ("ALL" as const),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

const FieldText = z
  .string()
  .max(40, "内容过长")
  .refine((v) => !hasControlChars(v), CONTROL_CHAR_MESSAGE)
  .optional();

/** A person's RORAC business lines and target; the numbers are checked by lib/domain/rorac-lines on the server. */
export const SaveRoracInput = z.object({
  quarter: QuarterField,
  userId: recordId,
  target: z.string().max(30, "内容过长").default(""),
  reason: Reason,
  lines: z.array(z.record(z.string().max(40), FieldText)).max(50, "业务条线过多"),
});
export type SaveRoracInput = z.infer<typeof SaveRoracInput>;
