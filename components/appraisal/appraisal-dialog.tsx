"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { saveAppraisalAction } from "@/lib/actions/appraisal";
import type { ActionState } from "@/lib/actions/state";
import type { SheetRow } from "@/lib/server/dal/appraisal/sheet";
import { RATINGS, RATING_LABELS } from "@/lib/domain/grades";
import { APPRAISAL_CONFLICT_MESSAGE, parseIndicatorNumber, templateIndicators } from "@/lib/domain/appraisal";
import {
  ACTION_PLAN_INDICATOR,
  RORAC_INDICATOR,
  ratingForScore,
  scoreAppraisal,
  scorecardForPerson,
  type RatingBands,
  type ScorecardTemplate,
} from "@/lib/domain/scoring";
import { formatAmount, formatScore } from "./text";
import { DialogButtons } from "@/components/ui/dialog";
import { FILTER_LABEL, SelectField, TextareaField, TextField, optionsOf } from "@/components/ui/fields";
import { submitKeepingInput } from "@/components/ui/form-submit";

const initialState: ActionState<{ userId: string }> = { ok: true };

/** A box of this dialog: red-edged while the refused action names it. */
const BOX = "rounded-md border border-slate-300 px-2 py-1.5 text-sm aria-invalid:border-red-400";
const inputClass = `w-full ${BOX} tabular-nums`;

/**
 * Rating one account manager: by the scorecard's indicator values (score and rating are computed
 * on the server) or directly with a reason. The form carries the version it edits.
 */
export function AppraisalDialog({
  quarter,
  target,
  template,
  bands,
  correcting,
  roracHref,
  onClose,
  onSaved,
}: {
  quarter: string;
  target: SheetRow;
  /** The person's RORAC business-lines page. */
  roracHref: string;
  template: ScorecardTemplate;
  bands: RatingBands;
  /** HR after the lock: every save is a correction and needs a reason. */
  correcting: boolean;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [state, dispatch, pending] = useActionState(saveAppraisalAction, initialState);
  const current = target.appraisal;
  const indicators = templateIndicators(template);
  // 行动计划跟进评分 comes from the action plans linked to the quarter, never from this form.
  const planScore = target.actionPlanScore;
  const scorecard = scorecardForPerson(template, planScore);
  // RORAC 目标完成率 comes from the business lines when they give a rate, unless typed with a reason.
  const roracRate = target.rorac?.rate ?? null;
  const [roracTyped, setRoracTyped] = useState(false);
  const roracFromLines = roracRate !== null && !roracTyped;
  const [mode, setMode] = useState<"score" | "rating">(current?.rating && !current.values ? "rating" : "score");
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      indicators.map((i) => {
        const value = current?.values?.[i.code] ?? (current?.values ? undefined : target.suggested[i.code]);
        return [i.code, value !== undefined ? String(value) : ""];
      }),
    ),
  );

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  useEffect(() => {
    if (state.ok && state.data?.userId === target.userId) onSaved(state.message ?? "已保存");
    // Only a new action result matters; onSaved is a fresh closure on every parent render.
  }, [state]);

  const conflict = !state.ok && state.message === APPRAISAL_CONFLICT_MESSAGE;

  const preview = (() => {
    if (mode !== "score") return null;
    const values: Record<string, number> = {};
    for (const i of templateIndicators(scorecard)) {
      if (i.code === ACTION_PLAN_INDICATOR && planScore !== null) {
        values[i.code] = planScore;
        continue;
      }
      if (i.code === RORAC_INDICATOR && roracFromLines) {
        values[i.code] = Math.min(i.max ?? Infinity, Math.max(i.min ?? -Infinity, roracRate));
        continue;
      }
      const v = parseIndicatorNumber(draft[i.code]);
      if (v === null || (i.min !== undefined && v < i.min) || (i.max !== undefined && v > i.max)) return null;
      values[i.code] = v;
    }
    const { score } = scoreAppraisal(scorecard, values);
    return score === null ? null : { score, rating: ratingForScore(score, bands) };
  })();

  const roracNeedsReason = mode === "score" && !roracFromLines && template.dimensions.some((d) => d.indicators.some((x) => x.code === RORAC_INDICATOR));
  const reasonLabel = correcting
    ? "更正原因（必填）"
    : mode === "rating"
      ? "原因（必填）"
      : roracNeedsReason
        ? "原因（必填：RORAC 完成率为手工填写）"
        : "备注（选填）";

  return (
    <dialog
      ref={dialogRef}
      onClose={onClose}
      aria-labelledby="appraisal-dialog-title"
      className="m-auto w-[min(44rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40"
      data-testid="appraisal-dialog"
    >
      <form onSubmit={submitKeepingInput(dispatch)} noValidate className="flex max-h-[90vh] flex-col">
        <div className="border-b border-slate-200 px-5 py-4">
          <h2 id="appraisal-dialog-title" className="text-lg font-semibold">
            {correcting ? "更正" : "评分"}：{target.name}
            <span className="ml-2 text-sm font-normal text-slate-600">
              {target.employeeNo} · {target.branchName}
            </span>
          </h2>
          {current?.rating ? (
            <p className="mt-1 text-sm text-slate-600">
              当前：{RATING_LABELS[current.rating]}
              {current.score !== null ? `（${formatScore(current.score)} 分）` : ""}
            </p>
          ) : null}
        </div>

        <div className="space-y-4 overflow-y-auto px-5 py-4">
          <input type="hidden" name="quarter" value={quarter} />
          <input type="hidden" name="userId" value={target.userId} />
          <input type="hidden" name="version" value={current?.version ?? 0} />
          {roracTyped ? <input type="hidden" name="roracTyped" value="on" /> : null}

          <fieldset>
            <legend className="mb-2 text-sm font-medium text-slate-700">评分方式</legend>
            <div className="flex flex-wrap gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" name="mode" value="score" checked={mode === "score"} onChange={() => setMode("score")} />
                按指标打分
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="mode" value="rating" checked={mode === "rating"} onChange={() => setMode("rating")} />
                直接评级
              </label>
            </div>
          </fieldset>

          {mode === "score" ? (
            <div className="space-y-4">
              {template.dimensions.map((d) => (
                <fieldset key={d.code} className="rounded-lg border border-slate-200 p-3">
                  <legend className="px-1 text-sm font-medium text-slate-700">
                    {d.name}
                    <span className="ml-1 font-normal text-slate-600">权重 {d.weight}</span>
                  </legend>
                  <div className="grid gap-3 sm:grid-cols-2">
                    {d.indicators.map((i) => {
                      const id = `ind-${i.code}`;
                      if (i.code === ACTION_PLAN_INDICATOR) {
                        return (
                          <ReadOnlyIndicator
                            key={i.code}
                            id={id}
                            name={i.name}
                            source="自动取自行动计划，不可修改"
                            value={planScore !== null ? `${formatScore(planScore)} 分` : null}
                            empty="本季度没有已评分的行动计划：本项不计入，学习与成长维度其余指标按比例调整权重"
                            testId="action-plan-indicator"
                          />
                        );
                      }
                      if (i.code === RORAC_INDICATOR && roracRate !== null && !roracTyped) {
                        return (
                          <div key={i.code}>
                            <ReadOnlyIndicator
                              id={id}
                              name={i.name}
                              source="按业务条线计算"
                              value={`${roracRate.toFixed(2)}%（综合 ${formatAmount(target.rorac!.combined)} / 目标 ${formatAmount(target.rorac!.target)} 万元）`}
                              empty=""
                              testId="rorac-indicator"
                            />
                            <RoracTypedToggle checked={false} onChange={setRoracTyped} href={roracHref} />
                          </div>
                        );
                      }
                      const range = i.min !== undefined && i.max !== undefined ? `${i.min}～${i.max}${i.unit ?? ""}` : (i.unit ?? "");
                      return (
                        <div key={i.code}>
                          <TextField
                            id={id}
                            name={`v.${i.code}`}
                            state={state}
                            label={
                              <>
                                {i.name}
                                {!current?.values && target.suggested[i.code] !== undefined ? (
                                  <span className="ml-1 text-emerald-700">（已按培训记录预填）</span>
                                ) : null}
                                <span className="ml-1 text-slate-600">
                                  （{range}
                                  {i.lowerIsBetter ? `，越低越好，目标 ≤ ${i.target}${i.unit ?? ""}` : ""}）
                                </span>
                              </>
                            }
                            inputMode="decimal"
                            autoComplete="off"
                            defaultValue={draft[i.code]}
                            onChange={(e) => setDraft((prev) => ({ ...prev, [i.code]: e.target.value }))}
                            labelClassName={FILTER_LABEL}
                            inputClassName={inputClass}
                          />
                          {i.code === RORAC_INDICATOR ? (
                            roracRate !== null ? (
                              <RoracTypedToggle checked onChange={setRoracTyped} href={roracHref} />
                            ) : (
                              <p className="mt-1 text-xs text-slate-700">
                                未录入业务条线：手工填写须在下方写明原因，或先
                                <a href={roracHref} className="text-brand-700 underline">
                                  录入业务条线
                                </a>
                              </p>
                            )
                          ) : null}
                        </div>
                      );
                    })}
                  </div>
                </fieldset>
              ))}
              <p className="text-sm text-slate-600" aria-live="polite" data-testid="score-preview">
                {preview
                  ? `预计得分 ${formatScore(preview.score)}，评级「${RATING_LABELS[preview.rating]}」（以保存结果为准）`
                  : "填写全部指标后显示预计得分；得分与评级在保存时由系统按本季度的评分模板计算。"}
              </p>
            </div>
          ) : (
            <SelectField
              id="appraisal-rating"
              name="rating"
              label="评级"
              state={state}
              options={optionsOf(RATINGS, RATING_LABELS)}
              placeholder="请选择"
              defaultValue={current?.rating ?? ""}
              inputClassName={BOX}
            />
          )}

          <TextareaField
            id="appraisal-reason"
            name="reason"
            label={reasonLabel}
            state={state}
            rows={2}
            maxLength={500}
            defaultValue={correcting ? "" : (current?.reason ?? "")}
            inputClassName={`w-full ${BOX}`}
          />
        </div>

        {/* In the footer, so the message stays visible however far the form is scrolled. */}
        <div className="flex flex-wrap justify-end gap-3 border-t border-slate-200 px-5 py-3">
          {!state.ok ? (
            <div role="alert" className="mr-auto self-center rounded-md bg-red-50 px-3 py-1.5 text-sm text-red-700">
              {state.message}
              {conflict ? (
                <button
                  type="button"
                  className="ml-3 underline"
                  onClick={() => {
                    router.refresh();
                    dialogRef.current?.close();
                  }}
                >
                  刷新
                </button>
              ) : null}
            </div>
          ) : null}
          <DialogButtons dialogRef={dialogRef} pending={pending} label="保存" pendingText="正在保存…" />
        </div>
      </form>
    </dialog>
  );
}

/** An indicator whose value is not typed here (行动计划跟进评分, RORAC from the business lines). */
function ReadOnlyIndicator({
  id,
  name,
  source,
  value,
  empty,
  testId,
}: {
  id: string;
  name: string;
  source: string;
  value: string | null;
  empty: string;
  testId: string;
}) {
  return (
    <div role="group" aria-labelledby={id} data-testid={testId}>
      <p id={id} className="mb-1 block text-xs text-slate-600">
        {name}
        <span className="ml-1 text-slate-600">（{source}）</span>
      </p>
      {value !== null ? (
        <p className="rounded-md border border-slate-200 bg-slate-50 px-2 py-1.5 text-sm tabular-nums text-slate-800">{value}</p>
      ) : (
        <p className="rounded-md border border-dashed border-slate-300 px-2 py-1.5 text-xs text-slate-600">{empty}</p>
      )}
    </div>
  );
}

/** Switches RORAC 目标完成率 between the business lines' rate and a typed value (which needs a reason). */
function RoracTypedToggle({ checked, onChange, href }: { checked: boolean; onChange: (typed: boolean) => void; href: string }) {
  return (
    <p className="mt-1 flex flex-wrap items-center gap-x-3 text-xs text-slate-700">
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        手工填写（须写明原因）
      </label>
      <a href={href} className="text-brand-700 underline">
        查看业务条线
      </a>
    </p>
  );
}
