"use client";

import { startTransition, useActionState, useId, useState } from "react";
import type { ActionState } from "@/lib/actions/state";
import { DataTable } from "@/components/ui/table";
import { SubmitChoices, TextField } from "@/components/ui/fields";

export interface ImportProblem {
  line: number;
  problem: string;
}

/** What every import action reports: the problems (at most 200 listed), their total, the rows, whether it wrote. */
export interface ImportOutcome {
  problems: ImportProblem[];
  totalProblems?: number;
  rows: number;
  written: boolean;
}

type ImportAction<T extends ImportOutcome> = (state: ActionState<T>, form: FormData) => Promise<ActionState<T>>;

const BUTTON = "rounded-md px-4 py-2 text-sm disabled:opacity-60";
const FILE_INPUT = { type: "file", accept: ".xlsx,.csv", required: true } as const;
const CHECK = { value: "check", label: "检查文件", busy: "正在检查…", tone: "border border-slate-300 hover:bg-slate-100" };
const WRITE_TONE = "bg-brand-600 text-white hover:bg-brand-700";

function ProblemRow({ line, problem }: ImportProblem, i: number) {
  return (
    <tr key={i} className="border-t border-slate-100">
      <td className="py-1 pr-4 tabular-nums">{line}</td>
      <td className="py-1">{problem}</td>
    </tr>
  );
}

/**
 * The one import form: choose a file, 检查文件 (a dry run, nothing written) lists every problem or
 * says the file is clean, then 确认导入 sends the SAME file again to write it. Submitted by hand
 * rather than through the form's `action`, because React resets a form after its action and the
 * chosen file would be gone before 确认导入. Choosing another file hides 确认导入 until it is checked.
 */
export function ImportForm<T extends ImportOutcome>({
  action,
  fileLabel,
  hint,
  fields = {},
  unit = "条",
  confirmMessage,
  testId,
}: {
  action: ImportAction<T>;
  /** What the file holds, e.g. 完成记录文件; the label adds （.xlsx 或 .csv）. */
  fileLabel: string;
  /** The columns the file needs. */
  hint: React.ReactNode;
  /** Hidden fields sent with the file (e.g. the contest event). */
  fields?: Record<string, string>;
  /** The counting word of the rows: 条 or 行. */
  unit?: string;
  /** Asked before writing; the import is not undone by the app. */
  confirmMessage: (rows: number) => string;
  testId?: string;
}) {
  const [state, dispatch, pending] = useActionState(action, { ok: true } as ActionState<T>);
  const [mode, setMode] = useState<"check" | "write">("check");
  const [checkedFile, setCheckedFile] = useState<File | null>(null);
  const [chosenFile, setChosenFile] = useState<File | null>(null);
  const id = useId();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const nextMode = submitter?.value === "write" ? "write" : "check";
    const data = new FormData(event.currentTarget);
    if (nextMode === "write" && !confirm(confirmMessage(state.data?.rows ?? 0))) return;
    data.set("mode", nextMode);
    setMode(nextMode);
    if (nextMode === "check") setCheckedFile(chosenFile);
    startTransition(() => dispatch(data));
  }

  const report = state.data;
  const problems = report?.problems ?? [];
  const total = report?.totalProblems ?? problems.length;
  const clean = state.ok && report && !report.written && report.rows > 0 && problems.length === 0 && checkedFile === chosenFile;
  const write = { value: "write", label: `确认导入 ${report?.rows ?? 0} ${unit}`, busy: "正在导入…", tone: WRITE_TONE };
  const offered = clean || (pending && mode === "write") ? [CHECK, write] : [CHECK];
  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid={testId}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextField
        id={`${id}-file`}
        name="file"
        label={`${fileLabel}（.xlsx 或 .csv）`}
        state={state}
        hint={<>{hint}文件不超过 10 MB。</>}
        {...FILE_INPUT}
        onChange={(e) => setChosenFile(e.target.files?.[0] ?? null)}
        labelClassName="mb-1 block text-sm font-medium"
        inputClassName="max-w-full text-sm"
      />
      <div className="flex flex-wrap gap-2">
        <SubmitChoices name="mode" choices={offered} pending={pending} chosen={mode} className={BUTTON} />
      </div>
      {state.message ? (
        <p
          role={state.ok ? "status" : "alert"}
          className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}
        >
          {state.message}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <div className="space-y-2">
          <p className="text-sm text-red-700">
            共 {total} 处问题{total > problems.length ? `，下面列出前 ${problems.length} 处` : ""}
          </p>
          <DataTable columns={["行号", "问题"]} testId="import-problems">
            {problems.map(ProblemRow)}
          </DataTable>
        </div>
      ) : null}
    </form>
  );
}
