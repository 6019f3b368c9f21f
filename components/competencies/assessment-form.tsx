"use client";

import { useActionState, useState } from "react";
import { submitAssessmentAction } from "@/lib/actions/competencies";
import { initialActionState } from "@/lib/actions/state";
import { PROFICIENCY_LABELS, PROFICIENCY_LEVELS, SOURCE_LABELS, type CompetencyCode, type Source } from "@/lib/domain/competency";

export interface FormCompetency {
  code: CompetencyCode;
  name: string;
  definition: string;
  indicators: string[][];
  required: number | null;
}

const LEVEL_HINT = "与岗位要求相差两级及以上，请说明具体表现";

/**
 * One assessment: for each competency its definition, the behaviours of every level (so a level
 * means something) and the level the assessee's grade requires; a comment when the chosen level is
 * two or more away from it. Submitting is final, so it asks first.
 */
export function AssessmentForm({
  assessmentId,
  source,
  assesseeName,
  competencies,
}: {
  assessmentId: string;
  source: Source;
  assesseeName: string;
  competencies: FormCompetency[];
}) {
  const [state, action, pending] = useActionState(submitAssessmentAction, initialActionState);
  const values = (!state.ok ? state.values : undefined) ?? {};
  const errors = (!state.ok ? state.fieldErrors : undefined) ?? {};
  const [chosen, setChosen] = useState<Record<string, number>>(() =>
    Object.fromEntries(competencies.map((c) => [c.code, Number(values[`level.${c.code}`] ?? 0)]).filter(([, v]) => v)),
  );

  function confirmSubmit(event: React.FormEvent<HTMLFormElement>) {
    const who = source === "SELF" ? "自评" : `对${assesseeName}的${SOURCE_LABELS[source]}`;
    if (!window.confirm(`提交后不能再修改。确认提交${who}吗？`)) event.preventDefault();
  }

  return (
    <form action={action} onSubmit={confirmSubmit} className="space-y-6" noValidate>
      <input type="hidden" name="assessmentId" value={assessmentId} />
      {competencies.map((c) => {
        const level = chosen[c.code];
        const far = c.required !== null && level > 0 && Math.abs(level - c.required) >= 2;
        const levelError = errors[`level.${c.code}`]?.[0];
        const commentError = errors[`comment.${c.code}`]?.[0];
        return (
          <fieldset
            key={c.code}
            className={`rounded-xl border bg-white p-5 shadow-sm ${levelError || commentError ? "border-red-300" : "border-slate-200"}`}
            data-testid={`competency-${c.code}`}
          >
            <legend className="px-1 text-base font-semibold text-slate-900">{c.name}</legend>
            <p className="text-sm text-slate-600">{c.definition}</p>
            <p className="mt-2 text-sm">
              岗位要求：
              {c.required === null ? (
                <span className="text-slate-600">被评估人尚未定级</span>
              ) : (
                <strong data-testid={`required-${c.code}`} data-level={c.required}>
                  {c.required} 级（{PROFICIENCY_LABELS[c.required as 1]}）
                </strong>
              )}
            </p>
            <div className="mt-3 grid gap-2 md:grid-cols-5" role="radiogroup" aria-label={`${c.name}评分`}>
              {PROFICIENCY_LEVELS.map((l) => {
                const id = `level-${c.code}-${l}`;
                const selected = level === l;
                return (
                  <label
                    key={l}
                    htmlFor={id}
                    className={`block cursor-pointer rounded-lg border p-3 text-sm ${selected ? "border-brand-600 bg-brand-50 ring-1 ring-brand-600" : "border-slate-200 hover:bg-slate-50"} ${c.required === l ? "outline outline-1 outline-dashed outline-orange-500" : ""}`}
                  >
                    <span className="flex items-center gap-2 font-medium">
                      <input
                        id={id}
                        type="radio"
                        name={`level.${c.code}`}
                        value={l}
                        defaultChecked={Number(values[`level.${c.code}`]) === l}
                        onChange={() => setChosen((prev) => ({ ...prev, [c.code]: l }))}
                        aria-label={`${c.name} ${l} 级 ${PROFICIENCY_LABELS[l]}`}
                      />
                      {l} {PROFICIENCY_LABELS[l]}
                      {c.required === l ? <span className="text-xs font-normal text-orange-700">（要求）</span> : null}
                    </span>
                    <ul className="mt-1 list-disc space-y-0.5 pl-4 text-xs text-slate-600">
                      {(c.indicators[l - 1] ?? []).map((text) => (
                        <li key={text}>{text}</li>
                      ))}
                    </ul>
                  </label>
                );
              })}
            </div>
            {levelError ? (
              <p className="mt-2 text-sm text-red-700" role="alert">
                {levelError}
              </p>
            ) : null}
            <div className="mt-3">
              <label htmlFor={`comment-${c.code}`} className="mb-1 block text-sm text-slate-700">
                评语{far ? <span className="text-orange-700">（必填：{LEVEL_HINT}）</span> : <span className="text-slate-600">（选填）</span>}
              </label>
              <textarea
                id={`comment-${c.code}`}
                name={`comment.${c.code}`}
                rows={2}
                maxLength={500}
                defaultValue={String(values[`comment.${c.code}`] ?? "")}
                aria-invalid={commentError ? true : undefined}
                aria-describedby={commentError ? `comment-${c.code}-error` : undefined}
                className={`w-full rounded-md border px-3 py-2 text-sm ${commentError ? "border-red-400" : "border-slate-300"}`}
              />
              {commentError ? (
                <p id={`comment-${c.code}-error`} className="mt-1 text-sm text-red-700" role="alert">
                  {commentError}
                </p>
              ) : null}
            </div>
          </fieldset>
        );
      })}
      {!state.ok ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-5 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? "正在提交…" : "提交评估"}
        </button>
        <span className="text-sm text-slate-600">提交后不能修改。</span>
      </div>
    </form>
  );
}
