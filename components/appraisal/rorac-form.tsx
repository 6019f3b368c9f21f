"use client";

import { useActionState, useState } from "react";
import { saveRoracAction } from "@/lib/actions/appraisal";
import type { ActionState } from "@/lib/actions/state";
import { FieldError } from "@/components/ui/field-error";
import { TextareaField, TextField } from "@/components/ui/fields";
import { submitKeepingInput } from "@/components/ui/form-submit";
import { SubmitRow } from "@/components/ui/submit-row";
import { parseIndicatorNumber } from "@/lib/domain/appraisal";
import { roracCompletion, roracOfLine } from "@/lib/domain/scoring";
import { checkRoracLine, RORAC_MAX_LINES, RORAC_PARTS, RORAC_SIDES, RORAC_SUGGESTED_LINES, type RoracLineTexts } from "@/lib/domain/rorac-lines";
import type { RoracLineView } from "@/lib/server/dal/appraisal/rorac";
import { formatAmount } from "./text";

const initialState: ActionState = { ok: true };
const inputClass = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm tabular-nums";

type Draft = { key: number; texts: RoracLineTexts };

function textsOf(line: RoracLineView): RoracLineTexts {
  const texts: RoracLineTexts = { name: line.name, stockAgeYears: String(line.stockAgeYears) };
  for (const { side } of RORAC_SIDES) for (const p of RORAC_PARTS) texts[`${side}.${p.key}`] = String(line[side][p.key]);
  return texts;
}

/** A small label above a controlled box (the line's figures are checked as they are typed). */
const SMALL_LABEL = "mb-1 block text-xs text-slate-700";

function NumberField({
  onChange,
  state,
  ...props
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  state: ActionState;
}) {
  const invalid = !state.ok && !!state.fieldErrors?.[props.name];
  return (
    <TextField
      {...props}
      state={state}
      inputMode="decimal"
      autoComplete="off"
      onChange={(e) => onChange(e.target.value)}
      labelClassName={SMALL_LABEL}
      inputClassName={`${inputClass} ${invalid ? "border-red-400" : ""}`}
    />
  );
}

/**
 * A person's RORAC business lines and target for a quarter: each line's stock and new business
 * (E, Cd, Cm, Cf, Cr, T in 万元) and the stock's weighted age n, with a live preview of
 * RORACi = k0·RORAC(存量) + RORAC(新增), their sum and the completion rate.
 */
export function RoracForm({
  quarter,
  userId,
  target,
  lines,
  correcting,
}: {
  quarter: string;
  userId: string;
  target: number | null;
  lines: RoracLineView[];
  /** HR after the lock: the save is a correction and needs a reason. */
  correcting: boolean;
}) {
  const [state, dispatch, pending] = useActionState(saveRoracAction, initialState);
  const [nextKey, setNextKey] = useState(Math.max(lines.length, 1));
  const [drafts, setDrafts] = useState<Draft[]>(() =>
    lines.length > 0 ? lines.map((l, key) => ({ key, texts: textsOf(l) })) : [{ key: 0, texts: { name: RORAC_SUGGESTED_LINES[0] } }],
  );
  const [targetText, setTargetText] = useState(target === null ? "" : String(target));

  const set = (key: number, field: string, value: string) =>
    setDrafts((prev) => prev.map((d) => (d.key === key ? { ...d, texts: { ...d.texts, [field]: value } } : d)));
  const checked = drafts.map((d) => checkRoracLine(d.texts).line);
  const targetValue = parseIndicatorNumber(targetText);
  const complete = checked.every((l) => l !== null) ? checked.filter((l) => l !== null) : null;
  const preview = complete && targetValue !== null ? roracCompletion(complete, targetValue) : null;

  return (
    <form onSubmit={submitKeepingInput(dispatch)} noValidate className="space-y-4" data-testid="rorac-form">
      <input type="hidden" name="quarter" value={quarter} />
      <input type="hidden" name="userId" value={userId} />
      <div className="max-w-xs">
        <NumberField id="rorac-target" name="target" label="RORAC 目标（万元）" value={targetText} onChange={setTargetText} state={state} />
      </div>
      <datalist id="rorac-line-names">
        {RORAC_SUGGESTED_LINES.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      {drafts.map((d, i) => {
        const line = checked[i];
        return (
          <fieldset key={d.key} className="rounded-lg border border-slate-200 p-3" data-testid="rorac-line">
            <legend className="px-1 text-sm font-medium text-slate-800">业务条线 {i + 1}</legend>
            <div className="flex flex-wrap items-end gap-3">
              <TextField
                className="min-w-40 flex-1"
                id={`line-${d.key}-name`}
                name={`line.${i}.name`}
                label="条线名称"
                state={state}
                list="rorac-line-names"
                maxLength={20}
                value={d.texts.name ?? ""}
                onChange={(e) => set(d.key, "name", e.target.value)}
                labelClassName={SMALL_LABEL}
                inputClassName={inputClass}
              />
              <p className="text-sm text-slate-700" aria-live="polite">
                本条线 RORAC：<span className="tabular-nums">{line ? `${formatAmount(roracOfLine(line))} 万元` : "—"}</span>
              </p>
              {drafts.length > 1 ? (
                <button
                  type="button"
                  onClick={() => setDrafts((prev) => prev.filter((x) => x.key !== d.key))}
                  className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
                  aria-label={`删除业务条线 ${i + 1}`}
                >
                  删除
                </button>
              ) : null}
            </div>
            {RORAC_SIDES.map(({ side, label }) => (
              <div key={side} className="mt-3">
                <p className="mb-1 text-sm font-medium text-slate-700">{label}（万元）</p>
                <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
                  {RORAC_PARTS.map((p) => (
                    <NumberField
                      key={p.key}
                      id={`line-${d.key}-${side}-${p.key}`}
                      name={`line.${i}.${side}.${p.key}`}
                      label={`${label}${p.label}`}
                      value={d.texts[`${side}.${p.key}`] ?? ""}
                      onChange={(v) => set(d.key, `${side}.${p.key}`, v)}
                      state={state}
                    />
                  ))}
                </div>
              </div>
            ))}
            <div className="mt-3 max-w-xs">
              <NumberField
                id={`line-${d.key}-age`}
                name={`line.${i}.stockAgeYears`}
                label="存量业务加权平均年数 n（年）"
                value={d.texts.stockAgeYears ?? ""}
                onChange={(v) => set(d.key, "stockAgeYears", v)}
                state={state}
              />
            </div>
          </fieldset>
        );
      })}
      <FieldError state={state} name="lines" />
      {drafts.length < RORAC_MAX_LINES ? (
        <button
          type="button"
          onClick={() => {
            const used = new Set(drafts.map((d) => d.texts.name));
            setDrafts((prev) => [...prev, { key: nextKey, texts: { name: RORAC_SUGGESTED_LINES.find((n) => !used.has(n)) ?? "" } }]);
            setNextKey((k) => k + 1);
          }}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
        >
          添加业务条线
        </button>
      ) : null}
      <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-800" aria-live="polite" data-testid="rorac-preview">
        {preview
          ? `综合 RORAC ${formatAmount(preview.combined)} 万元，目标完成率 ${preview.rate.toFixed(2)}%（以保存结果为准）`
          : "填写目标和各条线的全部数值后显示综合 RORAC 与目标完成率。"}
      </p>
      <TextareaField
        id="rorac-reason"
        name="reason"
        label={correcting ? "更正原因（必填）" : "备注（选填）"}
        state={state}
        rows={2}
        maxLength={500}
        inputClassName="w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
      />
      <SubmitRow pending={pending} label="保存业务条线" pendingLabel="正在保存…" state={state} />
    </form>
  );
}
