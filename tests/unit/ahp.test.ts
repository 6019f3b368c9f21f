import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  AHP_MAX_ORDER,
  DEFAULT_BSC_AHP_MATRIX,
  RANDOM_INDEX,
  completeReciprocal,
  computeAhp,
  formatSaatyValue,
  parseSaatyValue,
  validateAhpMatrix,
} from "@/lib/domain/ahp";

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe("computeAhp — source 003 example", () => {
  it("reproduces the published weights 0.483 / 0.272 / 0.157 / 0.088", () => {
    const r = computeAhp(DEFAULT_BSC_AHP_MATRIX);
    expect(r.weights.map((w) => w.toFixed(3))).toEqual(["0.483", "0.272", "0.157", "0.088"]);
    // The article prints four decimals too.
    expect(r.weights.map((w) => w.toFixed(4))).toEqual(["0.4832", "0.2717", "0.1569", "0.0882"]);
  });

  it("passes the consistency check (CI ≈ 0.005, CR < 0.1)", () => {
    const r = computeAhp(DEFAULT_BSC_AHP_MATRIX);
    expect(r.lambdaMax).toBeCloseTo(4.0145, 3);
    expect(r.ci).toBeCloseTo(0.005, 3);
    expect(r.cr).toBeCloseTo(0.005 / 0.9, 3);
    expect(r.cr).toBeLessThan(0.1);
    expect(r.consistent).toBe(true);
    expect(r.message).toBe("一致性比率 CR = 0.005 < 0.1，判断矩阵通过一致性检验");
  });

  it("gives the same result when reciprocals are typed as rounded decimals", () => {
    const typed = [
      [1, 2, 3, 5],
      [0.5, 1, 2, 3],
      [0.333, 0.5, 1, 2],
      [0.2, 0.333, 0.5, 1],
    ];
    expect(validateAhpMatrix(typed)).toEqual([]);
    const a = computeAhp(typed);
    const b = computeAhp(DEFAULT_BSC_AHP_MATRIX);
    a.weights.forEach((w, i) => expect(w).toBeCloseTo(b.weights[i], 12));
    expect(a.cr).toBeCloseTo(b.cr, 12);
  });
});

describe("computeAhp — inconsistency and small orders", () => {
  it("rejects a cyclic (A>B>C>A) matrix with CR ≥ 0.1", () => {
    const r = computeAhp([
      [1, 9, 1 / 9],
      [1 / 9, 1, 9],
      [9, 1 / 9, 1],
    ]);
    expect(r.cr).toBeGreaterThanOrEqual(0.1);
    expect(r.consistent).toBe(false);
    expect(r.message).toMatch(/^一致性比率 CR = \d+\.\d{3} ≥ 0\.1，判断矩阵不一致，请调整两两比较的数值/);
    expect(r.message).toContain("A 是否也比 C 重要");
    // Symmetric cycle: equal weights.
    r.weights.forEach((w) => expect(w).toBeCloseTo(1 / 3, 12));
  });

  it("flags a mildly inconsistent 3×3 matrix", () => {
    // A slightly more important than B, B much more than C, but C more important than A.
    const r = computeAhp([
      [1, 3, 1 / 3],
      [1 / 3, 1, 5],
      [3, 1 / 5, 1],
    ]);
    expect(r.consistent).toBe(false);
    expect(r.cr).toBeGreaterThanOrEqual(0.1);
  });

  it("n = 1 and n = 2 are always consistent with CR 0", () => {
    const one = computeAhp([[1]]);
    expect(one.weights).toEqual([1]);
    expect(one.cr).toBe(0);
    expect(one.consistent).toBe(true);
    const two = computeAhp([
      [1, 3],
      [1 / 3, 1],
    ]);
    expect(two.weights[0]).toBeCloseTo(0.75, 12);
    expect(two.weights[1]).toBeCloseTo(0.25, 12);
    expect(two.cr).toBe(0);
    expect(two.consistent).toBe(true);
    expect(two.lambdaMax).toBeCloseTo(2, 12);
    expect(two.message).toBe("一致性比率 CR = 0.000 < 0.1，判断矩阵通过一致性检验（2 阶判断矩阵总是一致）");
  });

  it("uses Saaty's RI table", () => {
    expect([3, 4, 5, 6, 7, 8, 9].map((n) => RANDOM_INDEX[n])).toEqual([0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45]);
  });

  it("throws on an invalid matrix", () => {
    expect(() =>
      computeAhp([
        [1, 2],
        [2, 1],
      ]),
    ).toThrow(/互为倒数/);
    expect(() => computeAhp([])).toThrow(/不能为空/);
  });
});

describe("validateAhpMatrix", () => {
  it("accepts the source matrix", () => {
    expect(validateAhpMatrix(DEFAULT_BSC_AHP_MATRIX)).toEqual([]);
  });

  it("requires a non-empty square matrix of order ≤ 9", () => {
    expect(validateAhpMatrix([])).toEqual(["判断矩阵不能为空"]);
    expect(validateAhpMatrix("x")).toEqual(["判断矩阵不能为空"]);
    expect(validateAhpMatrix([[1, 2], [0.5]])[0]).toMatch(/2×2 的方阵/);
    const ten = Array.from({ length: 10 }, () => new Array(10).fill(1));
    expect(validateAhpMatrix(ten)[0]).toMatch(/最多 9 阶/);
    const nine = Array.from({ length: AHP_MAX_ORDER }, () => new Array(AHP_MAX_ORDER).fill(1));
    expect(validateAhpMatrix(nine)).toEqual([]);
  });

  it("requires ones on the diagonal", () => {
    const errs = validateAhpMatrix([
      [2, 3],
      [1 / 3, 1],
    ]);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/对角线元素必须为 1/);
  });

  it("requires positive finite numbers", () => {
    expect(
      validateAhpMatrix([
        [1, 0],
        [1, 1],
      ]).join(),
    ).toMatch(/必须为正数/);
    expect(
      validateAhpMatrix([
        [1, -3],
        [-1 / 3, 1],
      ]).join(),
    ).toMatch(/必须为正数/);
    expect(
      validateAhpMatrix([
        [1, Number.NaN],
        [1, 1],
      ]).join(),
    ).toMatch(/不是有效数字/);
    expect(
      validateAhpMatrix([
        [1, "3"],
        [1 / 3, 1],
      ]).join(),
    ).toMatch(/不是有效数字/);
  });

  it("requires entries within [1/9, 9] on the 1–9 scale", () => {
    expect(
      validateAhpMatrix([
        [1, 10],
        [0.1, 1],
      ]).join(),
    ).toMatch(/超出 1\/9～9 的范围/);
    expect(
      validateAhpMatrix([
        [1, 2.5],
        [0.4, 1],
      ]).join(),
    ).toMatch(/1～9 标度或其倒数/);
    expect(
      validateAhpMatrix([
        [1, 9],
        [0.111, 1],
      ]),
    ).toEqual([]);
  });

  it("requires reciprocity a_ji = 1/a_ij", () => {
    const errs = validateAhpMatrix([
      [1, 3, 5],
      [1 / 3, 1, 2],
      [1 / 5, 1 / 3, 1],
    ]);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toContain("第 2 行第 3 列为 2");
    expect(errs[0]).toContain("第 3 行第 2 列应为 1/2");
  });

  it("without the Saaty option accepts any positive reciprocal matrix", () => {
    const m = [
      [1, 2.5, 12],
      [1 / 2.5, 1, 4.8],
      [1 / 12, 1 / 4.8, 1],
    ];
    expect(validateAhpMatrix(m).length).toBeGreaterThan(0);
    expect(validateAhpMatrix(m, { saatyScale: false })).toEqual([]);
  });
});

describe("parseSaatyValue / formatSaatyValue / completeReciprocal", () => {
  it("parses integers, fractions and rounded decimals", () => {
    expect(parseSaatyValue("3")).toBe(3);
    expect(parseSaatyValue("1/3")).toBe(1 / 3);
    expect(parseSaatyValue("0.333")).toBe(1 / 3);
    expect(parseSaatyValue(" 1 / 7 ")).toBe(1 / 7);
    expect(parseSaatyValue("１／５")).toBe(1 / 5);
    expect(parseSaatyValue("0.5")).toBe(1 / 2);
    expect(parseSaatyValue("1")).toBe(1);
    expect(parseSaatyValue("9")).toBe(9);
    expect(parseSaatyValue("0.111")).toBe(1 / 9);
    expect(parseSaatyValue("2/6")).toBe(1 / 3);
  });

  it("rejects values off the scale and garbage", () => {
    for (const s of ["", "abc", "0", "10", "2.5", "1/0", "-3", "1/10", "3a", "1//3", "0.3"]) {
      expect(parseSaatyValue(s), s).toBeNull();
    }
  });

  it("formats values back", () => {
    expect(formatSaatyValue(1 / 3)).toBe("1/3");
    expect(formatSaatyValue(0.333)).toBe("1/3");
    expect(formatSaatyValue(5)).toBe("5");
    expect(formatSaatyValue(1)).toBe("1");
    expect(formatSaatyValue(2.5)).toBe("2.5");
  });

  it("round-trips every Saaty value through format and parse", () => {
    for (let k = 1; k <= 9; k++) {
      expect(parseSaatyValue(formatSaatyValue(k))).toBe(k);
      expect(parseSaatyValue(formatSaatyValue(1 / k))).toBe(1 / k);
    }
  });

  it("completes a matrix from its upper triangle", () => {
    const m = completeReciprocal([
      [1, 2, 3, 5],
      [0, 1, 2, 3],
      [0, 0, 1, 2],
      [0, 0, 0, 1],
    ]);
    expect(validateAhpMatrix(m)).toEqual([]);
    m.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(DEFAULT_BSC_AHP_MATRIX[i][j], 12)));
  });
});

describe("computeAhp — properties", () => {
  const saatyValue = fc.constantFrom(...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((k) => (k === 1 ? [1] : [k, 1 / k])));
  /** A random valid Saaty-scale reciprocal matrix of order 1..9. */
  const saatyMatrix = fc.integer({ min: 1, max: 9 }).chain((n) =>
    fc.array(saatyValue, { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }).map((upper) => {
      const m = Array.from({ length: n }, () => new Array<number>(n).fill(1));
      let k = 0;
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          m[i][j] = upper[k++];
          m[j][i] = 1 / m[i][j];
        }
      return m;
    }),
  );

  it("weights are positive and sum to 1; λmax ≥ n; CR ≥ 0; consistent ⇔ CR < 0.1", () => {
    fc.assert(
      fc.property(saatyMatrix, (m) => {
        const n = m.length;
        const r = computeAhp(m);
        expect(r.weights).toHaveLength(n);
        expect(sum(r.weights)).toBeCloseTo(1, 12);
        for (const w of r.weights) expect(w).toBeGreaterThan(0);
        expect(r.lambdaMax).toBeGreaterThanOrEqual(n - 1e-9);
        expect(r.cr).toBeGreaterThanOrEqual(0);
        expect(r.consistent).toBe(r.cr < 0.1);
        expect(r.message).toContain(r.consistent ? "通过一致性检验" : "判断矩阵不一致");
      }),
    );
  });

  it("a perfectly consistent matrix a_ij = w_i / w_j recovers w with CR ≈ 0", () => {
    const weightsArb = fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(weightsArb, (raw) => {
        const total = sum(raw);
        const w = raw.map((x) => x / total);
        const m = w.map((wi) => w.map((wj) => wi / wj));
        const r = computeAhp(m, { saatyScale: false });
        r.weights.forEach((x, i) => expect(x).toBeCloseTo(w[i], 9));
        expect(r.lambdaMax).toBeCloseTo(w.length, 9);
        expect(r.ci).toBeCloseTo(0, 9);
        expect(r.cr).toBeCloseTo(0, 9);
        expect(r.consistent).toBe(true);
      }),
    );
  });

  it("consistent matrices on the Saaty scale (weights from powers of 2 or of 3) pass with CR ≈ 0", () => {
    const exps = fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 9 });
    fc.assert(
      fc.property(exps, fc.constantFrom(2, 3), (e, base) => {
        // base 2: ratios up to 2^2 = 4; base 3: up to 3^2 = 9 — all on the scale.
        const raw = e.map((x) => base ** x);
        const m = raw.map((a) => raw.map((b) => a / b));
        expect(validateAhpMatrix(m)).toEqual([]);
        const r = computeAhp(m);
        const total = sum(raw);
        r.weights.forEach((x, i) => expect(x).toBeCloseTo(raw[i] / total, 9));
        expect(r.cr).toBeCloseTo(0, 9);
        expect(r.consistent).toBe(true);
      }),
    );
  });

  it("permuting the criteria permutes the weights and keeps CR", () => {
    fc.assert(
      fc.property(
        saatyMatrix.chain((m) =>
          fc
            .shuffledSubarray(
              m.map((_, i) => i),
              { minLength: m.length, maxLength: m.length },
            )
            .map((p) => ({ m, p })),
        ),
        ({ m, p }) => {
          const pm = p.map((i) => p.map((j) => m[i][j]));
          const a = computeAhp(m);
          const b = computeAhp(pm);
          p.forEach((i, k) => expect(b.weights[k]).toBeCloseTo(a.weights[i], 9));
          expect(b.cr).toBeCloseTo(a.cr, 9);
        },
      ),
    );
  });
});
