"use client";

import { DataTable } from "@/components/ui/table";
import { SubmitRow } from "@/components/ui/submit-row";
import { FieldMessage } from "@/components/ui/field-error";
import { useActionState } from "react";
import { saveCompetencyModelAction } from "@/lib/actions/competencies";
import { initialActionState } from "@/lib/actions/state";
import { GRADES, GRADE_LABELS, type Grade } from "@/lib/domain/grades";
import { PROFICIENCY_LABELS, PROFICIENCY_LEVELS, type CompetencyCode } from "@/lib/domain/competency";

export interface EditableCompetency {
  code: CompetencyCode;
  name: string;
  definition: string;
  indicators: string[][];
  required: Record<Grade, number>;
}

const input = "w-full rounded-md border px-3 py-2 text-sm";
const border = (error?: string) => (error ? "border-red-400" : "border-slate-300");

/**
 * HR edits names, definitions, behavioural indicators (one per line) and the competency × grade
 * required-level grid. Saving creates a new model version; the form says so and asks first.
 */
export function ModelEditor({ version, competencies }: { version: number; competencies: EditableCompetency[] }) {
  const [state, action, pending] = useActionState(saveCompetencyModelAction, initialActionState);
  const values = (!state.ok ? state.values : undefined) ?? {};
  const errors = (!state.ok ? state.fieldErrors : undefined) ?? {};
  const value = (key: string, fallback: string) => String(values[key] ?? fallback);
  const error = (key: string) => errors[key]?.[0];

  function confirmSave(event: React.FormEvent<HTMLFormElement>) {
    if (!window.confirm(`保存将生成第 ${version + 1} 版胜任力模型，之后新开启的评估周期使用新版本；已开启的周期仍使用原版本。确认保存吗？`))
      event.preventDefault();
  }

  const matrixErrors = Object.entries(errors).filter(([k, v]) => k.startsWith("req.") && v?.length);

  return (
    <form action={action} onSubmit={confirmSave} className="space-y-6" noValidate>
      <input type="hidden" name="baseVersion" value={version} />
      <section aria-labelledby="matrix-title" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="matrix-title" className="mb-1 text-base font-semibold text-slate-800">
          各等级要求的熟练程度
        </h2>
        <p className="mb-3 text-sm text-slate-600">1 了解 · 2 基础 · 3 熟练 · 4 精通 · 5 专家；高一等级的要求不能低于低一等级。</p>
        <DataTable testId="required-matrix" columns={["能力", ...GRADES.map((g) => ({ label: GRADE_LABELS[g], align: "center" as const }))]}>
          {competencies.map((c) => (
            <tr key={c.code} className="border-t border-slate-100">
              <th scope="row" className="py-1.5 pr-4 text-left font-normal">
                {c.name}
              </th>
              {GRADES.map((g) => {
                const key = `req.${c.code}.${g}`;
                return (
                  <td key={g} className="px-2 py-1.5 text-center">
                    <input
                      type="number"
                      name={key}
                      min={1}
                      max={5}
                      step={1}
                      required
                      aria-label={`${c.name} ${GRADE_LABELS[g]}要求`}
                      aria-invalid={error(key) ? true : undefined}
                      defaultValue={value(key, String(c.required[g]))}
                      className={`w-14 rounded-md border px-2 py-1 text-center tabular-nums ${border(error(key))}`}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </DataTable>
        {matrixErrors.length > 0 ? (
          <ul className="mt-2 space-y-0.5 text-sm text-red-700" role="alert">
            {matrixErrors.map(([key, messages]) => {
              const [, code, grade] = key.split(".");
              const name = competencies.find((c) => c.code === code)?.name ?? code;
              return <li key={key}>{`${name} · ${GRADE_LABELS[grade as Grade] ?? grade}：${messages![0]}`}</li>;
            })}
          </ul>
        ) : null}
      </section>

      {competencies.map((c) => {
        const hasError = Object.keys(errors).some((k) => k.includes(`.${c.code}`) && !k.startsWith("req."));
        return (
          <details key={c.code} open={hasError} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <summary className="cursor-pointer text-base font-semibold text-slate-800">
              {c.name}
              <span className="ml-2 text-xs font-normal text-slate-600">名称、定义与各级行为指标</span>
              {hasError ? <span className="ml-2 text-sm font-normal text-red-700">有错误</span> : null}
            </summary>
            <div className="mt-4 grid gap-4 md:grid-cols-3">
              <div>
                <label htmlFor={`name-${c.code}`} className="mb-1 block text-sm font-medium text-slate-700">
                  名称
                </label>
                <input
                  id={`name-${c.code}`}
                  name={`name.${c.code}`}
                  defaultValue={value(`name.${c.code}`, c.name)}
                  maxLength={20}
                  className={`${input} ${border(error(`name.${c.code}`))}`}
                />
                <FieldMessage id={`name-${c.code}-error`} message={error(`name.${c.code}`)} />
              </div>
              <div className="md:col-span-2">
                <label htmlFor={`definition-${c.code}`} className="mb-1 block text-sm font-medium text-slate-700">
                  定义
                </label>
                <textarea
                  id={`definition-${c.code}`}
                  name={`definition.${c.code}`}
                  rows={3}
                  defaultValue={value(`definition.${c.code}`, c.definition)}
                  className={`${input} ${border(error(`definition.${c.code}`))}`}
                />
                <FieldMessage id={`definition-${c.code}-error`} message={error(`definition.${c.code}`)} />
              </div>
            </div>
            <div className="mt-4 grid gap-4 md:grid-cols-5">
              {PROFICIENCY_LEVELS.map((l) => {
                const key = `indicators.${c.code}.${l}`;
                return (
                  <div key={l}>
                    <label htmlFor={`ind-${c.code}-${l}`} className="mb-1 block text-sm font-medium text-slate-700">
                      {l} 级 · {PROFICIENCY_LABELS[l]}
                    </label>
                    <textarea
                      id={`ind-${c.code}-${l}`}
                      name={key}
                      rows={6}
                      defaultValue={value(key, (c.indicators[l - 1] ?? []).join("\n"))}
                      aria-describedby={`ind-${c.code}-${l}-hint`}
                      className={`${input} ${border(error(key))}`}
                    />
                    <p id={`ind-${c.code}-${l}-hint`} className="mt-1 text-xs text-slate-600">
                      每行一条行为指标
                    </p>
                    <FieldMessage id={`ind-${c.code}-${l}-error`} message={error(key)} />
                  </div>
                );
              })}
            </div>
          </details>
        );
      })}

      <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <label htmlFor="note" className="mb-1 block text-sm font-medium text-slate-700">
          修订说明（选填）
        </label>
        <input
          id="note"
          name="note"
          maxLength={200}
          defaultValue={value("note", "")}
          className={`${input} ${border(error("note"))}`}
          placeholder="例如：根据年度岗位要求调整中级的客户导向要求"
        />
        <FieldMessage id="note-error" message={error("note")} />
        <SubmitRow className="mt-4" pending={pending} label={`保存为第 ${version + 1} 版`} pendingLabel="正在保存…" state={state} />
      </div>
    </form>
  );
}
