// Field schemas shared by every form and every import, so a value is judged the same way however
// it arrives: NUL and other control characters refused, real calendar dates only, hours written
// as plain decimals that do not round away to nothing.
import { z } from "zod";
import { isIsoDate } from "@/lib/domain/dates";

// Chinese for the checks a schema leaves without a message of its own — a field sent twice (an
// array where one value was expected), a value of the wrong type, an over-long id — so a user
// never sees zod's English. A schema's own message always wins over these.
z.config({
  customError: (issue) => {
    const limit = (issue as { maximum?: number | bigint; minimum?: number | bigint }).maximum ?? (issue as { minimum?: number | bigint }).minimum;
    const origin = (issue as { origin?: string }).origin;
    switch (issue.code) {
      case "invalid_type":
        return issue.input === undefined ? "请填写此项" : "格式不正确，请重新填写";
      case "too_big":
        return origin === "string" ? `不超过 ${limit} 个字` : origin === "array" || origin === "set" ? `最多 ${limit} 项` : `不能大于 ${limit}`;
      case "too_small":
        return origin === "string" ? `至少 ${limit} 个字` : origin === "array" || origin === "set" ? `至少选择 ${limit} 项` : `不能小于 ${limit}`;
      case "invalid_value":
        return "请从给出的选项中选择";
      case "unrecognized_keys":
        return "含有无法识别的字段";
      default:
        return "填写的内容无效，请检查后重试";
    }
  },
});

/** C0 control characters and DEL except tab, line feed and carriage return. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const CONTROL_CHAR_MESSAGE = "含有不可见的控制字符，请删除后重试";

export function hasControlChars(value: string): boolean {
  return CONTROL_CHARS.test(value);
}

/** Free text of at most `max` characters (trimmed), no control characters; `min` makes it required. */
export function text(max: number, options: { min?: number; label?: string; minMessage?: string } = {}) {
  const label = options.label ?? "内容";
  const min = options.min ?? 0;
  return z
    .string({ error: `请填写${label}` })
    .refine((v) => !hasControlChars(v), CONTROL_CHAR_MESSAGE)
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .min(min, options.minMessage ?? `请填写${label}（至少 ${min} 个字）`)
        .max(max, `${label}不超过 ${max} 个字`),
    );
}

/** A transform that reads a text with `read`; what it cannot read (null) is refused with `message`. */
export function readWith<T>(read: (v: string) => T | null, message: string) {
  return (v: string, ctx: z.RefinementCtx): T => {
    const value = read(v);
    if (value === null) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return value;
  };
}

/** An optional text field read with `read` (empty: null; unreadable: `message`). */
export const optionalReadable = <T>(read: (v: string) => T | null, message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => (v ? readWith(read, message)(v, ctx) : null));

/** Optional free text of at most `max` characters (trimmed); empty becomes null. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不超过 ${max} 字`)
    .transform((v) => (v === "" ? null : v));

/** Employee numbers typed into one box (separated by spaces, commas or 、；), 1 to 500 of them. */
export const employeeNoList = (tooMany: string) =>
  z
    .string()
    .transform((s) => s.split(/[\s,，、;；]+/).filter(Boolean))
    .pipe(
      z
        .array(
          z
            .string()
            .max(32)
            .refine((v) => !hasControlChars(v), CONTROL_CHAR_MESSAGE),
        )
        .min(1, "请填写至少一个工号")
        .max(500, tooMany),
    );

/** An id sent back by a form (a cuid); never user-typed, so short and plain. */
export const recordId = z
  .string({ error: "缺少记录编号" })
  .trim()
  .min(1, "缺少记录编号")
  .max(64, "记录编号无效")
  .regex(/^[A-Za-z0-9_-]+$/, "记录编号无效");

/** A calendar date written 年-月-日（如 2026-03-05）, checked against the real calendar. */
export function isoDate(message = "日期格式应为 年-月-日（如 2026-03-05）") {
  return z
    .string({ error: message })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine(isIsoDate, "日期不存在，请检查年月日");
}

/**
 * A decimal number as people type it (digits, one point): refuses 0x10, 1e3, "Infinity", blanks.
 * `places` caps the decimals; a value that would round to 0 is refused when `min` is above 0.
 */
export function decimalText(options: { label: string; min: number; max: number; places: number; exclusiveMin?: boolean }) {
  const { label, min, max, places } = options;
  const pattern = new RegExp(`^\\d{1,6}(\\.\\d{1,${places}})?$`);
  return z.union([z.string(), z.number()], { error: `${label}必须是数字` }).transform((v, ctx) => {
    const t = typeof v === "number" ? String(v) : v.trim();
    if (!pattern.test(t)) {
      ctx.addIssue({ code: "custom", message: places > 0 ? `${label}必须是数字，最多 ${places} 位小数` : `${label}必须是整数` });
      return z.NEVER;
    }
    const n = Number(t);
    const tooSmall = options.exclusiveMin ? n <= min : n < min;
    if (tooSmall || n > max) {
      ctx.addIssue({ code: "custom", message: options.exclusiveMin ? `${label}必须大于 ${min} 且不超过 ${max}` : `${label}应在 ${min}–${max} 之间` });
      return z.NEVER;
    }
    return n;
  });
}

/** Course hours: more than 0, at most 200, one decimal place (0.5 h steps are common). */
export const hoursField = decimalText({ label: "学时", min: 0, max: 200, places: 1, exclusiveMin: true });

/** An uploaded file, present and not empty (the size limit is the import module's). */
export const uploadedFile = z.custom<File>((v) => typeof File !== "undefined" && v instanceof File && v.size > 0, {
  message: "请选择要导入的 .xlsx 或 .csv 文件",
});

/** A form with no fields (the button is the whole input). */
export const NoInput = z.object({});

/** An import form: the file, and whether to write (otherwise only check). */
export const ImportFileInput = z.object({ file: uploadedFile, write: z.boolean() });
