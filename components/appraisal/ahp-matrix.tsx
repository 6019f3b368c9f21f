"use client";

import { useMemo, useState } from "react";
import { MatrixGrid } from "./matrix-grid";
import { completeReciprocal, computeAhp, DEFAULT_BSC_AHP_MATRIX, formatSaatyValue, parseSaatyValue, SAATY_VALUES, type AhpResult } from "@/lib/domain/ahp";

const SAATY_OPTIONS = [...SAATY_VALUES].reverse().map((v) => formatSaatyValue(v));

function initialMatrix(n: number, stored: number[][] | null | undefined, fallback: readonly (readonly number[])[] | null): string[][] {
  const source = stored && stored.length === n ? stored : fallback && fallback.length === n ? fallback : null;
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (source ? formatSaatyValue(source[i][j]) : "1")));
}

export interface AhpMatrixState {
  matrix: string[][];
  setCell: (i: number, j: number, value: string) => void;
  /** The whole reciprocal matrix (lower triangle from the upper). */
  full: number[][];
  result: AhpResult | null;
  error: string | null;
}

/** A pairwise matrix being edited, with its live AHP result (weights, λmax, CI, CR). */
export function useAhpMatrix(n: number, stored: number[][] | null | undefined, useSourceExample = false): AhpMatrixState {
  const [matrix, setMatrix] = useState<string[][]>(() => initialMatrix(n, stored, useSourceExample ? DEFAULT_BSC_AHP_MATRIX : null));
  const computed = useMemo(() => {
    const upper = matrix.map((row) => row.map((v) => parseSaatyValue(v) ?? NaN));
    try {
      return { result: computeAhp(completeReciprocal(upper)), error: null };
    } catch (error) {
      return { result: null, error: error instanceof Error ? error.message : String(error) };
    }
  }, [matrix]);
  const full = useMemo(() => completeReciprocal(matrix.map((row) => row.map((v) => parseSaatyValue(v) ?? 1))), [matrix]);
  const setCell = (i: number, j: number, value: string) => setMatrix((m) => m.map((row, r) => row.map((v, c) => (r === i && c === j ? value : v))));
  return { matrix, setCell, full, ...computed };
}

/**
 * The matrix as a table (upper triangle chosen on the 1–9 scale, lower triangle its reciprocals;
 * every cell also posted as `<prefix>.<i>.<j>`), then the weights, λmax, CI, CR and whether CR < 0.1.
 */
export function AhpMatrixTable({
  items,
  state,
  prefix,
  errors,
  testId,
  primary = false,
}: {
  items: { code: string; name: string }[];
  state: AhpMatrixState;
  prefix: string;
  errors?: string[];
  testId?: string;
  /** The dimension-level calculator carries the result's test ids. */
  primary?: boolean;
}) {
  const { matrix, full, result } = state;
  const id = (name: string) => (primary ? name : undefined);
  return (
    <div className="space-y-3" data-testid={testId}>
      <MatrixGrid
        items={items}
        cell={(i, j) => {
          const hidden = <input type="hidden" name={`${prefix}.${i}.${j}`} value={i < j ? matrix[i][j] : i === j ? "1" : formatSaatyValue(full[i][j])} />;
          if (i >= j) {
            return (
              <>
                {i === j ? "1" : formatSaatyValue(full[i][j])}
                {hidden}
              </>
            );
          }
          return (
            <>
              <select
                aria-label={`${items[i].name}相对${items[j].name}的重要程度`}
                value={matrix[i][j]}
                onChange={(e) => state.setCell(i, j, e.target.value)}
                className="rounded-md border border-slate-300 px-1 py-1 tabular-nums"
              >
                {SAATY_OPTIONS.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
              {hidden}
            </>
          );
        }}
      />
      {result ? (
        <div className="space-y-2 text-sm" data-testid={id("ahp-result")}>
          <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            {items.map((d, i) => (
              <div key={d.code}>
                <dt className="text-xs text-slate-600">{d.name}权重</dt>
                <dd className="tabular-nums">{result.weights[i].toFixed(4)}</dd>
              </div>
            ))}
            <div>
              <dt className="text-xs text-slate-600">最大特征值 λmax</dt>
              <dd className="tabular-nums">{result.lambdaMax.toFixed(4)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">一致性指标 CI</dt>
              <dd className="tabular-nums">{result.ci.toFixed(4)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">一致性比率 CR</dt>
              <dd className="tabular-nums" data-testid={id("ahp-cr")}>
                {result.cr.toFixed(4)}
              </dd>
            </div>
          </dl>
          <p role="status" className={result.consistent ? "text-emerald-700" : "font-medium text-red-700"} data-testid={id("ahp-message")}>
            {result.message}
          </p>
        </div>
      ) : (
        <p role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      )}
      {errors?.length ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {errors.join("；")}
        </p>
      ) : null}
    </div>
  );
}
