// Analytic hierarchy process (层次分析法, AHP) for scorecard weights (DOMAIN §4, source 003).
//
// HR enters a pairwise comparison matrix (判断矩阵) on Saaty's 1–9 scale: a_ij > 1 means
// criterion i is more important than criterion j, and a_ji = 1/a_ij. Weights are the
// normalised geometric means of the rows; λmax = mean over i of (A·w)_i / w_i;
// CI = (λmax − n)/(n − 1); CR = CI/RI. A matrix with CR ≥ 0.1 is inconsistent.
// Pure code: no I/O.

/** Saaty's random consistency index RI by matrix order n (n = 1, 2 → 0: always consistent). */
export const RANDOM_INDEX: Readonly<Record<number, number>> = {
  1: 0,
  2: 0,
  3: 0.58,
  4: 0.9,
  5: 1.12,
  6: 1.24,
  7: 1.32,
  8: 1.41,
  9: 1.45,
};

/** CR below this value passes the consistency check. */
export const CR_THRESHOLD = 0.1;
export const AHP_MAX_ORDER = 9;

/** Relative tolerance when comparing entries, so that 0.333 is accepted for 1/3 (and 0.111 for 1/9). */
const REL_TOL = 0.01;

/** The 17 values of the Saaty scale: 1/9 … 1/2, 1, 2 … 9 (ascending). */
export const SAATY_VALUES: readonly number[] = [...[9, 8, 7, 6, 5, 4, 3, 2].map((k) => 1 / k), 1, 2, 3, 4, 5, 6, 7, 8, 9];

/**
 * The source example (003, 「三、确定指标权重」): financial, customer, internal process, learning &
 * growth. The article prints only the results (W = 0.4832, 0.2717, 0.1569, 0.0882; CI = 0.005;
 * CR = 0.01 < 0.1 — its "λmax = 0.4015" is a misprint of 4.015); the matrix itself was a figure.
 * An exhaustive search over all 17^6 Saaty-scale 4×4 reciprocal matrices finds exactly one that
 * gives these weights with CI ≈ 0.005, namely this one (λmax = 4.0145, CI = 0.0048, CR = 0.0054).
 */
export const DEFAULT_BSC_AHP_MATRIX: readonly (readonly number[])[] = [
  [1, 2, 3, 5],
  [1 / 2, 1, 2, 3],
  [1 / 3, 1 / 2, 1, 2],
  [1 / 5, 1 / 3, 1 / 2, 1],
];

export type AhpOptions = {
  /**
   * true (default): every entry must lie in [1/9, 9] and be a Saaty value (1…9 or a reciprocal,
   * 3-decimal roundings such as 0.333 accepted); computation then uses the exact Saaty values.
   * false: any positive reciprocal matrix (for analysis and tests); values are used as given.
   */
  saatyScale?: boolean;
};

export type AhpResult = {
  weights: number[];
  lambdaMax: number;
  ci: number;
  /** Consistency ratio; 0 for n = 1 or 2 (such matrices are always consistent). */
  cr: number;
  consistent: boolean;
  message: string;
};

function close(a: number, b: number, rel = REL_TOL): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));
}

/** The exact Saaty value (k or 1/k, k = 1…9) that `v` stands for, or null. */
export function snapToSaaty(v: number): number | null {
  if (!Number.isFinite(v) || v <= 0) return null;
  for (const s of SAATY_VALUES) if (close(v, s)) return s;
  return null;
}

/**
 * Parses one matrix entry as typed by a user: "3", "1/3", "0.333", " 1 / 3 ", "１／３".
 * Returns the exact Saaty value (so "0.333" → 1/3) or null when the text is not a number on
 * the 1–9 scale or its reciprocal.
 */
export function parseSaatyValue(s: string): number | null {
  if (typeof s !== "string") return null;
  const t = s
    .normalize("NFKC") // full-width digits and slash → ASCII
    .replace(/\s+/g, "")
    .replace(/÷/g, "/");
  if (t === "") return null;
  let v: number;
  const frac = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(t);
  if (frac) {
    const num = Number(frac[1]);
    const den = Number(frac[2]);
    if (den === 0) return null;
    v = num / den;
  } else if (/^(\d+(?:\.\d*)?|\.\d+)$/.test(t)) {
    v = Number(t);
  } else {
    return null;
  }
  return snapToSaaty(v);
}

/** Display form of a matrix entry: 3 → "3", 1/3 → "1/3", 1 → "1"; other values with 3 decimals. */
export function formatSaatyValue(v: number): string {
  const s = snapToSaaty(v);
  if (s === null) return Number.isFinite(v) ? String(Number(v.toFixed(3))) : String(v);
  return s >= 1 ? String(Math.round(s)) : `1/${Math.round(1 / s)}`;
}

/**
 * Completes a matrix from its upper triangle: diagonal set to 1, a_ji = 1/a_ij for i < j.
 * Entries below the diagonal are ignored. Convenient for a form where HR fills the upper half.
 */
export function completeReciprocal(upper: readonly (readonly number[])[]): number[][] {
  const n = upper.length;
  const m: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = upper[i]?.[j];
      m[i][j] = v;
      m[j][i] = 1 / v;
    }
  }
  return m;
}

const cell = (i: number, j: number) => `第 ${i + 1} 行第 ${j + 1} 列`;

/** Chinese error messages; an empty array means the matrix is acceptable. */
export function validateAhpMatrix(matrix: unknown, options: AhpOptions = {}): string[] {
  const saaty = options.saatyScale ?? true;
  if (!Array.isArray(matrix) || matrix.length === 0) {
    return ["判断矩阵不能为空"];
  }
  const n = matrix.length;
  if (n > AHP_MAX_ORDER) {
    return [`判断矩阵最多 ${AHP_MAX_ORDER} 阶（当前 ${n} 阶）`];
  }
  for (let i = 0; i < n; i++) {
    const row = matrix[i];
    if (!Array.isArray(row) || row.length !== n) {
      return [`判断矩阵必须是 ${n}×${n} 的方阵：第 ${i + 1} 行应有 ${n} 个数值`];
    }
  }
  const m = matrix as unknown[][];
  const errors: string[] = [];
  const bad = new Set<string>(); // cells already reported, so one bad cell yields one message
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = m[i][j];
      if (typeof v !== "number" || !Number.isFinite(v)) {
        errors.push(`${cell(i, j)}不是有效数字`);
        bad.add(`${i},${j}`);
      } else if (v <= 0) {
        errors.push(`${cell(i, j)}必须为正数（当前 ${v}）`);
        bad.add(`${i},${j}`);
      } else if (i === j) {
        if (!close(v, 1, 1e-6)) {
          errors.push(`对角线元素必须为 1：${cell(i, j)}为 ${v}`);
          bad.add(`${i},${j}`);
        }
      } else if (saaty) {
        if (v < (1 / 9) * (1 - REL_TOL) || v > 9 * (1 + REL_TOL)) {
          errors.push(`${cell(i, j)}超出 1/9～9 的范围（当前 ${v}）`);
          bad.add(`${i},${j}`);
        } else if (snapToSaaty(v) === null) {
          errors.push(`${cell(i, j)}应取 1～9 标度或其倒数（如 3 或 1/3），当前 ${v}`);
          bad.add(`${i},${j}`);
        }
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (bad.has(`${i},${j}`) || bad.has(`${j},${i}`)) continue;
      const a = m[i][j] as number;
      const b = m[j][i] as number;
      if (!close(a * b, 1)) {
        errors.push(
          `判断矩阵必须互为倒数：${cell(i, j)}为 ${formatSaatyValue(a)}，` + `${cell(j, i)}应为 ${formatSaatyValue(1 / a)}（当前 ${formatSaatyValue(b)}）`,
        );
      }
    }
  }
  return errors;
}

function formatCr(cr: number, consistent: boolean): string {
  // Truncate below the threshold so that 0.0999 never reads "0.100 < 0.1".
  return consistent ? (Math.floor(cr * 1000) / 1000).toFixed(3) : cr.toFixed(3);
}

/**
 * Weights and consistency of a pairwise comparison matrix. Throws an Error (message: the
 * validation errors joined by "；") when the matrix is invalid.
 */
export function computeAhp(matrix: readonly (readonly number[])[], options: AhpOptions = {}): AhpResult {
  const errors = validateAhpMatrix(matrix, options);
  if (errors.length > 0) throw new Error(errors.join("；"));
  const saaty = options.saatyScale ?? true;
  const n = matrix.length;
  const a = matrix.map((row, i) => row.map((v, j) => (i === j ? 1 : saaty ? (snapToSaaty(v) as number) : v)));

  // Geometric mean of each row (via logs: no overflow for 9×9 with entries up to 9).
  const gm = a.map((row) => Math.exp(row.reduce((s, v) => s + Math.log(v), 0) / n));
  const total = gm.reduce((s, v) => s + v, 0);
  const weights = gm.map((g) => g / total);

  let lambdaMax = 0;
  for (let i = 0; i < n; i++) {
    let aw = 0;
    for (let j = 0; j < n; j++) aw += a[i][j] * weights[j];
    lambdaMax += aw / weights[i];
  }
  lambdaMax /= n;

  if (n <= 2) {
    return {
      weights,
      lambdaMax,
      ci: 0,
      cr: 0,
      consistent: true,
      message: `一致性比率 CR = 0.000 < 0.1，判断矩阵通过一致性检验（${n} 阶判断矩阵总是一致）`,
    };
  }
  // λmax ≥ n for any positive reciprocal matrix; clamp rounding noise below zero.
  const ci = Math.max(0, (lambdaMax - n) / (n - 1));
  const cr = ci / RANDOM_INDEX[n];
  const consistent = cr < CR_THRESHOLD;
  const message = consistent
    ? `一致性比率 CR = ${formatCr(cr, true)} < 0.1，判断矩阵通过一致性检验`
    : `一致性比率 CR = ${formatCr(cr, false)} ≥ 0.1，判断矩阵不一致，请调整两两比较的数值` + `（例如检查 A 比 B 重要、B 比 C 重要时，A 是否也比 C 重要）`;
  return { weights, lambdaMax, ci, cr, consistent, message };
}
