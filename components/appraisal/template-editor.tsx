"use client";

import { useActionState, useState } from "react";
import { saveTemplateAction } from "@/lib/actions/appraisal";
import type { ActionState } from "@/lib/actions/state";
import { AhpMatrixTable, useAhpMatrix } from "./ahp-matrix";
import { FILTER_LABEL, TextField } from "@/components/ui/fields";
import { submitKeepingInput } from "@/components/ui/form-submit";
import { FormMessage } from "@/components/ui/submit-row";
import { RATING_LABELS } from "@/lib/domain/grades";
import type { Dimension } from "@/lib/domain/scoring";
import type { StoredTemplate } from "@/lib/server/dal/appraisal/shared";

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
}: Omit<StoredTemplate, "id" | "createdAt"> & { openQuarters: string[] }) {
  const [state, dispatch, pending] = useActionState(saveTemplateAction, initialState);
  const dims = template.dimensions;
  const n = dims.length;
  const [weights, setWeights] = useState<string[]>(dims.map((d) => String(d.weight)));
  const [useAhp, setUseAhp] = useState(false);
  const ahp = useAhpMatrix(n, ahpMatrix, true);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});

  const shownWeights = useAhp && ahp.result ? ahp.result.weights.map((w) => w.toFixed(4)) : weights;

  return (
    <form onSubmit={submitKeepingInput(dispatch)} noValidate className="space-y-6" data-testid="template-editor">
      <input type="hidden" name="baseVersion" value={version} />

      <TextField id="template-name" name="name" label="新版本名称" defaultValue={name} maxLength={60} inputClassName={`${inputClass} w-full max-w-md`} />

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-800">维度权重</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="useAhp" checked={useAhp} onChange={(e) => setUseAhp(e.target.checked)} />
          使用下方判断矩阵（层次分析法）计算的权重
        </label>
        <WeightFields items={dims} id={(i) => `weight-${i}`} name={(i) => `weight.${i}`} shown={shownWeights} fixed={useAhp} onChange={setWeights} />
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
            <TextField
              key={k}
              id={`band-${k}`}
              name={`band.${k}`}
              label={RATING_LABELS[k]}
              inputMode="decimal"
              defaultValue={String(bands[k])}
              labelClassName={FILTER_LABEL}
              inputClassName={`${inputClass} w-full`}
            />
          ))}
        </div>
        {errors.bands ? <p className="text-sm text-red-700">{errors.bands.join("；")}</p> : null}
      </fieldset>

      <TextField
        id="max-excellent"
        name="maxExcellentPct"
        label="强制分布：每个机构优秀比例上限（%）"
        state={state}
        inputMode="numeric"
        defaultValue={maxExcellentPct === null ? "" : String(maxExcellentPct)}
        placeholder="不限制"
        hint="留空表示不限制。设置后，锁定季度时每个机构超出上限的优秀按得分由低到高调整为良好；有说明的直接评级不调整。"
        labelClassName="mb-1 block text-sm font-semibold text-slate-800"
        inputClassName={`${inputClass} w-32`}
      />

      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="applyToOpenQuarters" className="mt-1" disabled={openQuarters.length === 0} />
        <span>
          同时让评分中的季度（{openQuarters.length > 0 ? openQuarters.join("、") : "目前没有"}）改用新版本，并按新版本重新计算已按指标打分的结果。
          <span className="block text-xs text-slate-600">不勾选时，所有季度继续使用原来的版本，新版本只用于以后开启的季度。已锁定的季度始终保留原版本。</span>
        </span>
      </label>

      <FormMessage state={state} />

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
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 p-3" data-testid={`indicator-weights-${dimension.code}`}>
      <p className="text-sm font-medium text-slate-800">{dimension.name}</p>
      {items.length >= 2 ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name={`indAhpOn.${index}`} checked={useAhp} onChange={(e) => setUseAhp(e.target.checked)} />
          用判断矩阵计算「{dimension.name}」内的指标权重
        </label>
      ) : null}
      <WeightFields
        items={items}
        id={(k) => `ind-${index}-${k}`}
        name={(k) => `ind.${index}.${k}`}
        shown={shown}
        fixed={useAhp || items.length === 1}
        onChange={setWeights}
      />
      {useAhp ? (
        <AhpMatrixTable items={items} state={ahp} prefix={`indAhp.${index}`} errors={errors} />
      ) : errors?.length ? (
        <p className="text-sm text-red-700">{errors.join("；")}</p>
      ) : null}
    </div>
  );
}

/** Weights of a level, typed (or shown from the matrix when `fixed`), and their sum that must be 1. */
function WeightFields({
  items,
  id,
  name,
  shown,
  fixed,
  onChange,
}: {
  items: readonly { code: string; name: string }[];
  id: (i: number) => string;
  name: (i: number) => string;
  shown: string[];
  fixed: boolean;
  onChange: (update: (weights: string[]) => string[]) => void;
}) {
  const sum = shown.reduce((s, w) => s + (Number(w) || 0), 0);
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-4">
        {items.map((item, i) => (
          <TextField
            key={item.code}
            id={id(i)}
            name={name(i)}
            label={item.name}
            inputMode="decimal"
            value={shown[i]}
            readOnly={fixed}
            onChange={(e) => onChange((w) => w.map((x, k) => (k === i ? e.target.value : x)))}
            labelClassName={FILTER_LABEL}
            inputClassName={`${inputClass} w-full ${fixed ? "bg-slate-50 text-slate-600" : ""}`}
          />
        ))}
      </div>
      <p className={`text-sm ${Math.abs(sum - 1) > 0.001 ? "text-red-700" : "text-slate-600"}`}>合计 {sum.toFixed(4)}（应为 1）</p>
    </>
  );
}
