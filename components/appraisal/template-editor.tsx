"use client";

import { startTransition, useActionState, useMemo, useState, type FormEvent } from "react";
import { saveTemplateAction } from "@/lib/actions/appraisal";
import type { ActionState } from "@/lib/actions/state";
import { completeReciprocal, computeAhp, DEFAULT_BSC_AHP_MATRIX, formatSaatyValue, parseSaatyValue, SAATY_VALUES } from "@/lib/domain/ahp";
import { RATING_LABELS } from "@/lib/domain/grades";
import type { RatingBands, ScorecardTemplate } from "@/lib/domain/scoring";

const initialState: ActionState = { ok: true };
const SAATY_OPTIONS = [...SAATY_VALUES].reverse().map((v) => formatSaatyValue(v));
const BAND_KEYS = ["EXCELLENT", "GOOD", "QUALIFIED", "BASIC"] as const;
const inputClass = "rounded-md border border-slate-300 px-2 py-1.5 text-sm tabular-nums";

function initialMatrix(n: number, stored: number[][] | null): string[][] {
  const source = stored && stored.length === n ? stored : n === DEFAULT_BSC_AHP_MATRIX.length ? DEFAULT_BSC_AHP_MATRIX : null;
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (source ? formatSaatyValue(source[i][j]) : "1")));
}

/**
 * Edits the scorecard into a new template version: dimension weights typed or computed from an
 * AHP pairwise matrix (live λmax, CI, CR; CR ≥ 0.1 is refused), rating bands and the forced
 * distribution limit.
 */
export function TemplateEditor({
  version,
  name,
  template,
  bands,
  maxExcellentPct,
  ahpMatrix,
  openQuarters,
}: {
  version: number;
  name: string;
  template: ScorecardTemplate;
  bands: RatingBands;
  maxExcellentPct: number | null;
  ahpMatrix: number[][] | null;
  openQuarters: string[];
}) {
  const [state, dispatch, pending] = useActionState(saveTemplateAction, initialState);
  const dims = template.dimensions;
  const n = dims.length;
  const [weights, setWeights] = useState<string[]>(dims.map((d) => String(d.weight)));
  const [useAhp, setUseAhp] = useState(false);
  const [matrix, setMatrix] = useState<string[][]>(() => initialMatrix(n, ahpMatrix));
  const errors = state.ok ? {} : (state.fieldErrors ?? {});

  const ahp = useMemo(() => {
    const upper = matrix.map((row) => row.map((v) => parseSaatyValue(v) ?? NaN));
    try {
      return { result: computeAhp(completeReciprocal(upper)), error: null };
    } catch (error) {
      return { result: null, error: error instanceof Error ? error.message : String(error) };
    }
  }, [matrix]);
  const full = useMemo(() => completeReciprocal(matrix.map((row) => row.map((v) => parseSaatyValue(v) ?? 1))), [matrix]);

  const shownWeights = useAhp && ahp.result ? ahp.result.weights.map((w) => w.toFixed(4)) : weights;
  const sum = shownWeights.reduce((s, w) => s + (Number(w) || 0), 0);

  function setCell(i: number, j: number, value: string) {
    setMatrix((m) => m.map((row, r) => row.map((v, c) => (r === i && c === j ? value : v))));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-6" data-testid="template-editor">
      <input type="hidden" name="baseVersion" value={version} />

      <div>
        <label htmlFor="template-name" className="mb-1 block text-sm font-medium text-slate-700">
          新版本名称
        </label>
        <input id="template-name" name="name" defaultValue={name} maxLength={60} className={`${inputClass} w-full max-w-md`} />
      </div>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-800">维度权重</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="useAhp" checked={useAhp} onChange={(e) => setUseAhp(e.target.checked)} />
          使用下方判断矩阵（层次分析法）计算的权重
        </label>
        <div className="grid gap-3 sm:grid-cols-4">
          {dims.map((d, i) => (
            <div key={d.code}>
              <label htmlFor={`weight-${i}`} className="mb-1 block text-xs text-slate-600">
                {d.name}
              </label>
              <input
                id={`weight-${i}`}
                name={`weight.${i}`}
                inputMode="decimal"
                value={shownWeights[i]}
                readOnly={useAhp}
                onChange={(e) => setWeights((w) => w.map((x, k) => (k === i ? e.target.value : x)))}
                className={`${inputClass} w-full ${useAhp ? "bg-slate-50 text-slate-600" : ""}`}
              />
            </div>
          ))}
        </div>
        <p className={`text-sm ${Math.abs(sum - 1) > 0.001 ? "text-red-700" : "text-slate-600"}`}>合计 {sum.toFixed(4)}（应为 1）</p>
        {errors.weights ? <p className="text-sm text-red-700">{errors.weights.join("；")}</p> : null}
      </fieldset>

      <fieldset className="space-y-3" data-testid="ahp-calculator">
        <legend className="text-sm font-semibold text-slate-800">判断矩阵（1～9 标度）</legend>
        <p className="text-sm text-slate-600">
          第 i 行第 j 列表示“行维度相对列维度的重要程度”：1 同等重要，3 稍重要，5 明显重要，7 强烈重要，9 极端重要，2、4、6、8 介于其间；反过来取倒数（如
          1/3）。只需填写对角线右上方，左下方自动取倒数。
        </p>
        <div className="overflow-x-auto" tabIndex={0}>
          <table className="text-sm">
            <thead>
              <tr>
                <td />
                {dims.map((d) => (
                  <th key={d.code} scope="col" className="px-2 py-1 text-left font-normal text-slate-600">
                    {d.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {dims.map((row, i) => (
                <tr key={row.code}>
                  <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-600">
                    {row.name}
                  </th>
                  {dims.map((col, j) => {
                    const hidden = <input type="hidden" name={`ahp.${i}.${j}`} value={i < j ? matrix[i][j] : i === j ? "1" : formatSaatyValue(full[i][j])} />;
                    if (i < j) {
                      return (
                        <td key={col.code} className="px-2 py-1">
                          <select
                            aria-label={`${row.name}相对${col.name}的重要程度`}
                            value={matrix[i][j]}
                            onChange={(e) => setCell(i, j, e.target.value)}
                            className="rounded-md border border-slate-300 px-1 py-1 tabular-nums"
                          >
                            {SAATY_OPTIONS.map((o) => (
                              <option key={o} value={o}>
                                {o}
                              </option>
                            ))}
                          </select>
                          {hidden}
                        </td>
                      );
                    }
                    return (
                      <td key={col.code} className="px-2 py-1 text-center tabular-nums text-slate-600">
                        {i === j ? "1" : formatSaatyValue(full[i][j])}
                        {hidden}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {ahp.result ? (
          <div className="space-y-2 text-sm" data-testid="ahp-result">
            <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
              {dims.map((d, i) => (
                <div key={d.code}>
                  <dt className="text-xs text-slate-600">{d.name}权重</dt>
                  <dd className="tabular-nums">{ahp.result!.weights[i].toFixed(4)}</dd>
                </div>
              ))}
              <div>
                <dt className="text-xs text-slate-600">最大特征值 λmax</dt>
                <dd className="tabular-nums">{ahp.result.lambdaMax.toFixed(4)}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">一致性指标 CI</dt>
                <dd className="tabular-nums">{ahp.result.ci.toFixed(4)}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">一致性比率 CR</dt>
                <dd className="tabular-nums" data-testid="ahp-cr">
                  {ahp.result.cr.toFixed(4)}
                </dd>
              </div>
            </dl>
            <p role="status" className={ahp.result.consistent ? "text-emerald-700" : "font-medium text-red-700"} data-testid="ahp-message">
              {ahp.result.message}
            </p>
          </div>
        ) : (
          <p role="alert" className="text-sm text-red-700">
            {ahp.error}
          </p>
        )}
        {errors.ahp ? (
          <p role="alert" className="text-sm font-medium text-red-700">
            {errors.ahp.join("；")}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-800">评级分数线（得分 ≥ 分数线即获得该评级，低于「基本合格」为不合格）</legend>
        <div className="grid gap-3 sm:grid-cols-4">
          {BAND_KEYS.map((k) => (
            <div key={k}>
              <label htmlFor={`band-${k}`} className="mb-1 block text-xs text-slate-600">
                {RATING_LABELS[k]}
              </label>
              <input id={`band-${k}`} name={`band.${k}`} inputMode="decimal" defaultValue={String(bands[k])} className={`${inputClass} w-full`} />
            </div>
          ))}
        </div>
        {errors.bands ? <p className="text-sm text-red-700">{errors.bands.join("；")}</p> : null}
      </fieldset>

      <div>
        <label htmlFor="max-excellent" className="mb-1 block text-sm font-semibold text-slate-800">
          强制分布：每个机构优秀比例上限（%）
        </label>
        <input
          id="max-excellent"
          name="maxExcellentPct"
          inputMode="numeric"
          defaultValue={maxExcellentPct === null ? "" : String(maxExcellentPct)}
          placeholder="不限制"
          aria-describedby="max-excellent-hint"
          className={`${inputClass} w-32`}
        />
        <p id="max-excellent-hint" className="mt-1 text-xs text-slate-600">
          留空表示不限制。设置后，锁定季度时每个机构超出上限的优秀按得分由低到高调整为良好；有说明的直接评级不调整。
        </p>
        {errors.maxExcellentPct ? <p className="text-sm text-red-700">{errors.maxExcellentPct.join("；")}</p> : null}
      </div>

      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="applyToOpenQuarters" className="mt-1" disabled={openQuarters.length === 0} />
        <span>
          同时让评分中的季度（{openQuarters.length > 0 ? openQuarters.join("、") : "目前没有"}）改用新版本，并按新版本重新计算已按指标打分的结果。
          <span className="block text-xs text-slate-600">不勾选时，所有季度继续使用原来的版本，新版本只用于以后开启的季度。已锁定的季度始终保留原版本。</span>
        </span>
      </label>

      {!state.ok ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      {state.ok && state.message ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {state.message}
        </p>
      ) : null}

      <button
        type="submit"
        disabled={pending || (useAhp && !ahp.result?.consistent)}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "正在保存…" : `保存为第 ${version + 1} 版`}
      </button>
    </form>
  );
}
