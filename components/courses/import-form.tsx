"use client";

import { useActionState, useRef } from "react";
import { importCompletionsAction, type ImportState } from "@/lib/actions/courses";

/** Check first (nothing written), then import the same file when it is clean. */
export function CompletionImportForm() {
  const [state, action, pending] = useActionState(importCompletionsAction, { ok: true } as ImportState);
  const modeRef = useRef<HTMLInputElement>(null);
  const problems = state.data?.problems ?? [];
  const clean = state.ok && state.data && !state.data.written && state.data.rows > 0;
  return (
    <form action={action} className="space-y-4">
      <input ref={modeRef} type="hidden" name="mode" defaultValue="check" />
      <div>
        <label htmlFor="file" className="mb-1 block text-sm font-medium">
          完成记录文件（.xlsx 或 .csv）
        </label>
        <input id="file" name="file" type="file" accept=".xlsx,.csv" required className="text-sm" />
        <p className="mt-1 text-xs text-slate-600">列：工号、课程编号、完成日期（YYYY-MM-DD）、学时、考试成绩（可空）</p>
      </div>
      <div className="flex gap-2">
        <button
          type="submit"
          onClick={() => modeRef.current && (modeRef.current.value = "check")}
          disabled={pending}
          className="rounded-md border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100 disabled:opacity-60"
        >
          {pending ? "正在处理…" : "检查文件"}
        </button>
        {clean ? (
          <button
            type="submit"
            onClick={() => modeRef.current && (modeRef.current.value = "write")}
            disabled={pending}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700 disabled:opacity-60"
          >
            确认导入 {state.data!.rows} 条
          </button>
        ) : null}
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
        <table className="w-full text-sm" data-testid="import-problems">
          <caption className="mb-2 text-left text-sm text-red-700">
            共 {state.data!.totalProblems} 处问题{state.data!.totalProblems > problems.length ? `，下面列出前 ${problems.length} 处` : ""}
          </caption>
          <thead className="text-left text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-normal">
                行号
              </th>
              <th scope="col" className="py-1 font-normal">
                问题
              </th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i} className="border-t border-slate-100">
                <td className="py-1 pr-3 tabular-nums">{p.line}</td>
                <td className="py-1">{p.problem}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </form>
  );
}
