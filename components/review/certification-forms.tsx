"use client";

import { startTransition, useActionState, useId, useState } from "react";
import { importCertificationsAction, recordCertificationAction } from "@/lib/actions/certifications";
import { fieldValue, initialActionState, type ActionState } from "@/lib/actions/state";
import type { ImportReport } from "@/lib/server/dal/review/certifications";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage, Spinner, SubmitLine } from "@/components/ui/submit-row";
import { formatDate } from "@/lib/format";
import { DataTable } from "@/components/ui/table";

const inputClass = "w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-600";

const OTHER = "__other__";

/** HR records one result: the certification chosen by its Chinese name, or a new one by its import code. */
export function RecordCertificationForm({ types }: { types: { code: string; name: string }[] }) {
  const [state, action, pending] = useActionState(recordCertificationAction, initialActionState);
  const id = useId();
  const field = (name: string, label: string, input: React.ReactNode, hint?: string) => (
    <div>
      <label htmlFor={`${id}-${name}`} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      {input}
      {hint ? <p className="mt-1 text-xs text-slate-600">{hint}</p> : null}
      <FieldError state={state} name={name} />
    </div>
  );
  // After a success the form is cleared for the next entry; after a refusal the values come back.
  const v = (name: string) => fieldValue(state, name);
  const typed = v("code");
  const [choice, setChoice] = useState(typed && !types.some((t) => t.code === typed) ? OTHER : (typed ?? types[0]?.code ?? OTHER));
  return (
    <form action={action} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        {field("employeeNo", "工号", <input id={`${id}-employeeNo`} name="employeeNo" required defaultValue={v("employeeNo")} className={inputClass} />)}
        {field(
          "code",
          "认证",
          <>
            <select
              id={`${id}-code`}
              name={choice === OTHER ? undefined : "code"}
              value={choice}
              onChange={(e) => setChoice(e.target.value)}
              className={inputClass}
            >
              {types.map((t) => (
                <option key={t.code} value={t.code}>
                  {t.name}
                </option>
              ))}
              <option value={OTHER}>其他认证（新登记）</option>
            </select>
            {choice === OTHER ? (
              <input
                name="code"
                required
                aria-label="新认证的导入代码"
                placeholder="导入代码（字母开头）"
                defaultValue={typed && !types.some((t) => t.code === typed) ? typed : ""}
                className={`${inputClass} mt-2`}
              />
            ) : null}
          </>,
          choice === OTHER ? "新认证登记后，请在下方“认证名称”中为它填写中文名称" : undefined,
        )}
        {field(
          "passedOn",
          "通过日期",
          <input id={`${id}-passedOn`} name="passedOn" type="date" required defaultValue={v("passedOn")} className={inputClass} />,
        )}
        {field(
          "validUntil",
          "有效期至（选填）",
          <input id={`${id}-validUntil`} name="validUntil" type="date" defaultValue={v("validUntil")} className={inputClass} />,
          "留空表示长期有效",
        )}
        {field("score", "成绩（选填）", <input id={`${id}-score`} name="score" inputMode="decimal" defaultValue={v("score")} className={inputClass} />)}
      </div>
      <SubmitLine state={state} pending={pending} pendingText="正在登记…">
        登记认证结果
      </SubmitLine>
    </form>
  );
}

const TEMPLATE = `data:text/csv;charset=utf-8,${encodeURIComponent("\uFEFF工号,认证代码,通过日期,有效期至,成绩\n300001,PROBATION,2026-03-05,,88\n")}`;

const CHECK_BUTTON = "border border-slate-300 hover:bg-slate-100";
const IMPORT_BUTTON = "bg-brand-600 font-medium text-white hover:bg-brand-700";

/** One step of an import (check, then import): disabled while any step runs, with a spinner on its own. */
function StepButton(props: { disabled: boolean; pending: boolean; busy: boolean; onClick: () => void; className: string; children: React.ReactNode }) {
  return (
    <button
      type="button"
      disabled={props.disabled || props.busy}
      onClick={props.onClick}
      className={`inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm disabled:opacity-50 ${props.className}`}
    >
      {props.pending ? <Spinner /> : null}
      {props.children}
    </button>
  );
}

export function ImportCertificationsForm() {
  const [state, dispatch, pending] = useActionState(importCertificationsAction, initialActionState as ActionState<ImportReport>);
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<File | null>(null);
  const [mode, setMode] = useState<"dry-run" | "import">("dry-run");
  const id = useId();
  const report = state.data;
  const clean = state.ok && report && report.problems.length === 0 && report.written === 0 && checked === file;

  function run(next: "dry-run" | "import") {
    if (!file) return;
    if (next === "import" && !confirm(`确认导入 ${report?.rows.length ?? 0} 条认证记录？`)) return;
    const form = new FormData();
    form.set("file", file);
    form.set("mode", next);
    setMode(next);
    setChecked(file);
    startTransition(() => dispatch(form));
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        文件第一行为列名：<strong>工号、认证代码、通过日期</strong>
        （必填）、有效期至、成绩。先检查，全部无误后才能导入；有任何问题的行都会列出，且不写入任何数据。
        <a href={TEMPLATE} download="资格认证导入模板.csv" className="ml-1 text-brand-700 underline">
          下载模板
        </a>
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-file`} className="mb-1 block text-sm font-medium text-slate-700">
            选择文件（.xlsx 或 .csv）
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".xlsx,.csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            className="block text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5"
          />
          <FieldError state={state} name="file" />
        </div>
        <StepButton disabled={!file} pending={pending && mode === "dry-run"} busy={pending} onClick={() => run("dry-run")} className={CHECK_BUTTON}>
          检查文件
        </StepButton>
        <StepButton disabled={!clean} pending={pending && mode === "import"} busy={pending} onClick={() => run("import")} className={IMPORT_BUTTON}>
          确认导入
        </StepButton>
      </div>
      <FormMessage state={state} />
      {report && report.problems.length > 0 ? (
        <DataTable
          testId="import-problems"
          captionClassName="mb-2 text-left text-sm font-medium text-red-700"
          caption={`需要修改的行：共 ${report.totalProblems} 行${report.totalProblems > report.problems.length ? `，下面列出前 ${report.problems.length} 行` : ""}`}
          columns={["行号", "问题"]}
        >
          {report.problems.map((p) => (
            <tr key={p.line} className="border-t border-slate-100">
              <th scope="row" className="py-2 pr-4 text-left font-normal tabular-nums">
                第 {p.line} 行
              </th>
              <td className="py-2 text-red-700">{p.messages.join("；")}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {report && report.problems.length === 0 && report.rows.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-600">
            查看{report.rowCount > report.rows.length ? `前 ${report.rows.length} 行` : ` ${report.rowCount} 行`}内容
          </summary>
          <ul className="mt-2 max-h-64 space-y-1 overflow-auto">
            {report.rows.map((r) => (
              <li key={r.line} className="tabular-nums">
                第 {r.line} 行：{r.name}（{r.employeeNo}）{r.codeName ?? r.code}，{formatDate(r.passedOn)} 通过
                {r.validUntil ? `，有效期至 ${formatDate(r.validUntil)}` : ""}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
