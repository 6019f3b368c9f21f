"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { saveTemplateAction } from "@/lib/actions/appraisal";
import type { ActionState } from "@/lib/actions/state";
import { AhpMatrixTable, useAhpMatrix } from "./ahp-matrix";
import { RATING_LABELS } from "@/lib/domain/grades";
import type { Dimension, RatingBands, ScorecardTemplate } from "@/lib/domain/scoring";

const initialState: ActionState = { ok: true };
const BAND_KEYS = ["EXCELLENT", "GOOD", "QUALIFIED", "BASIC"] as const;
const inputClass = "rounded-md border border-slate-300 px-2 py-1.5 text-sm tabular-nums";

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
  indicatorAhp,
  openQuarters,
}: {
  version: number;
  name: string;
  template: ScorecardTemplate;
  bands: RatingBands;
  maxExcellentPct: number | null;
  ahpMatrix: number[][] | null;
  /** Second-level matrices by dimension code, as stored with the version. */
  indicatorAhp: Record<string, number[][]>;
  openQuarters: string[];
}) {
  const [state, dispatch, pending] = useActionState(saveTemplateAction, initialState);
  const dims = template.dimensions;
  const n = dims.length;
  const [weights, setWeights] = useState<string[]>(dims.map((d) => String(d.weight)));
  const [useAhp, setUseAhp] = useState(false);
  const ahp = useAhpMatrix(n, ahpMatrix, true);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});

  const shownWeights = useAhp && ahp.result ? ahp.result.weights.map((w) => w.toFixed(4)) : weights;
  const sum = shownWeights.reduce((s, w) => s + (Number(w) || 0), 0);

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
        <AhpMatrixTable items={dims} state={ahp} prefix="ahp" errors={errors.ahp} primary />
      </fieldset>

      <fieldset className="space-y-4" data-testid="indicator-weights">
        <legend className="text-sm font-semibold text-slate-800">维度内的指标权重（第二层）</legend>
        <p className="text-sm text-slate-600">
          每个维度内各指标的权重之和为 1，可直接填写，也可用同样的 1～9 标度判断矩阵计算（两个指标时 CR 恒为 0；只有一个指标时权重为 1，无需矩阵）。
        </p>
        {dims.map((d, di) => (
          <IndicatorWeights key={d.code} index={di} dimension={d} stored={indicatorAhp[d.code] ?? null} errors={errors[`ahp.${d.code}`]} />
        ))}
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

/** One dimension's indicator weights: typed, or from its own pairwise matrix (2+ indicators). */
function IndicatorWeights({ index, dimension, stored, errors }: { index: number; dimension: Dimension; stored: number[][] | null; errors?: string[] }) {
  const items = dimension.indicators;
  const [weights, setWeights] = useState<string[]>(items.map((i) => String(i.weight)));
  const [useAhp, setUseAhp] = useState(false);
  const ahp = useAhpMatrix(items.length, stored);
  const shown = useAhp && ahp.result ? ahp.result.weights.map((w) => w.toFixed(4)) : weights;
  const sum = shown.reduce((s, w) => s + (Number(w) || 0), 0);
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 p-3" data-testid={`indicator-weights-${dimension.code}`}>
      <p className="text-sm font-medium text-slate-800">{dimension.name}</p>
      {items.length >= 2 ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name={`indAhpOn.${index}`} checked={useAhp} onChange={(e) => setUseAhp(e.target.checked)} />
          用判断矩阵计算「{dimension.name}」内的指标权重
        </label>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-4">
        {items.map((ind, k) => (
          <div key={ind.code}>
            <label htmlFor={`ind-${index}-${k}`} className="mb-1 block text-xs text-slate-600">
              {ind.name}
            </label>
            <input
              id={`ind-${index}-${k}`}
              name={`ind.${index}.${k}`}
              inputMode="decimal"
              value={shown[k]}
              readOnly={useAhp || items.length === 1}
              onChange={(e) => setWeights((w) => w.map((x, j) => (j === k ? e.target.value : x)))}
              className={`${inputClass} w-full ${useAhp || items.length === 1 ? "bg-slate-50 text-slate-600" : ""}`}
            />
          </div>
        ))}
      </div>
      <p className={`text-sm ${Math.abs(sum - 1) > 0.001 ? "text-red-700" : "text-slate-600"}`}>合计 {sum.toFixed(4)}（应为 1）</p>
      {useAhp ? (
        <AhpMatrixTable items={items} state={ahp} prefix={`indAhp.${index}`} errors={errors} />
      ) : errors?.length ? (
        <p className="text-sm text-red-700">{errors.join("；")}</p>
      ) : null}
    </div>
  );
}
