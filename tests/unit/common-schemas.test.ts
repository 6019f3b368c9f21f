import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { z } from "zod";
import { hasControlChars, hoursField, isoDate, recordId, text } from "@/lib/schemas/common";

describe("text(max)", () => {
  const note = text(500, { label: "说明" });
  it.each([
    ["a\u0000b", false],
    ["\u0007", false],
    ["line\nnext\tcol\r\n", true],
    ["  正常的说明  ", true],
    ["长".repeat(500), true],
    ["长".repeat(501), false],
  ])("%j accepted: %s", (value, ok) => {
    expect(note.safeParse(value).success).toBe(ok);
  });
  it("trims and refuses a too-short required text with a Chinese message", () => {
    const reason = text(200, { min: 2, label: "原因" });
    expect(reason.parse("  因病  ")).toBe("因病");
    const failed = reason.safeParse(" a ");
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0].message).toBe("请填写原因（至少 2 个字）");
  });
  it("never lets a control character through (property)", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: 0, max: 31 }).filter((c) => c !== 9 && c !== 10 && c !== 13),
        fc.string(),
        (a, c, b) => {
          expect(note.safeParse(a + String.fromCharCode(c) + b).success).toBe(false);
        },
      ),
    );
  });
  it("accepts any printable text within the limit (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 500 }).filter((s) => !hasControlChars(s)),
        (s) => {
          expect(note.parse(s)).toBe(s.trim());
        },
      ),
    );
  });
});

describe("isoDate", () => {
  const date = isoDate();
  it.each([
    ["2026-02-28", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2026-02-30", false],
    ["2026-13-01", false],
    ["2026-1-01", false],
    ["20260101", false],
    ["２０２６-０１-０１", false],
  ])("%s accepted: %s", (value, ok) => {
    expect(date.safeParse(value).success).toBe(ok);
  });
  it("accepts exactly the days of the calendar (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
        expect(date.safeParse(text).success).toBe(real);
      }),
    );
  });
});

describe("hours", () => {
  it.each([
    ["4", 4],
    ["1.5", 1.5],
    ["0.5", 0.5],
    ["200", 200],
  ])("%s → %d", (value, n) => {
    expect(hoursField.parse(value)).toBe(n);
  });
  it.each(["0x10", "1e1", "0", "0.0000001", "0.05", "-1", "201", "Infinity", "NaN", "", " ", "4,5", "４"])("refuses %j", (value) => {
    expect(hoursField.safeParse(value).success).toBe(false);
  });
  it("never stores a value that rounds to zero (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 300, noNaN: true }), (n) => {
        const parsed = hoursField.safeParse(String(n));
        if (parsed.success) expect(parsed.data).toBeGreaterThan(0);
      }),
    );
  });
});

describe("recordId", () => {
  it.each([
    ["cm0abc123", true],
    ["", false],
    ["a\u0000", false],
    ["x".repeat(65), false],
    ["a b", false],
  ])("%j accepted: %s", (value, ok) => {
    expect(recordId.safeParse(value).success).toBe(ok);
  });
});

describe("zod's own messages", () => {
  // Checks a schema gives no message of its own (a field sent twice, a wrong type) answer in Chinese.
  it.each([
    ["a field sent twice", z.object({ userId: z.string() }), { userId: ["a", "b"] }, "格式不正确，请重新填写"],
    ["a missing field", z.object({ userId: z.string() }), {}, "请填写此项"],
    ["a value not a number", z.number(), Number.NaN, "格式不正确，请重新填写"],
    ["an over-long string", z.string().max(64), "x".repeat(65), "不超过 64 个字"],
    ["too few choices", z.array(z.string()).min(2), ["a"], "至少选择 2 项"],
    ["a value not in the list", z.enum(["A", "B"]), "C", "请从给出的选项中选择"],
  ])("%s", (_what, schema: z.ZodType, input, message) => {
    const result = schema.safeParse(input);
    expect(result.error?.issues[0].message).toBe(message);
  });

  it("never answers in English, whatever the input (property)", () => {
    const schema = z.object({ id: recordId, n: z.coerce.number().int().min(0).max(9), when: isoDate(), tags: z.array(z.string().max(3)).max(2) });
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("id", "n", "when", "tags", "x"), fc.anything()), (input) => {
        const result = schema.safeParse(input);
        for (const issue of result.error?.issues ?? []) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
      }),
    );
  });
});
