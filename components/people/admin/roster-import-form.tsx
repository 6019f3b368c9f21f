"use client";

import { startTransition, useActionState, useRef } from "react";
import { importRosterAction, type RosterImportState } from "@/lib/actions/people";

/**
 * Check first (nothing written), then import the same file when it is clean. Submitted by hand
 * rather than through the form's `action`, because React resets a form after its action and the
 * chosen file would be gone before 确认导入.
 */
export function RosterImportForm() {
  const [state, action, pending] = useActionState(importRosterAction, { ok: true } as RosterImportState);
  const modeRef = useRef<HTMLInputElement>(null);
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => action(data));
  };
  const problems = state.data?.problems ?? [];
  const clean = state.ok && state.data && !state.data.written && state.data.rows > 0;
  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid="roster-import">
      <input ref={modeRef} type="hidden" name="mode" defaultValue="check" />
      <div>
        <label htmlFor="roster-file" className="mb-1 block text-sm font-medium">
          人员名单文件（.xlsx 或 .csv）
        </label>
        <input id="roster-file" name="file" type="file" accept=".xlsx,.csv" required className="max-w-full text-sm" />
        <p className="mt-1 text-xs text-slate-600">
          列：操作（新增、调动、退出）、工号、姓名、邮箱、机构（名称或代码）、岗位、任职起始日、等级、生效日期、说明。日期格式 YYYY-MM-DD。
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          onClick={() => modeRef.current && (modeRef.current.value = "check")}
          disabled={pending}
          aria-busy={pending}
          className="rounded-md border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100 disabled:opacity-60"
        >
          {pending ? "正在处理…" : "检查文件"}
        </button>
        {clean ? (
          <button
            type="submit"
            onClick={(e) => {
              if (!confirm(`确定导入这 ${state.data!.rows} 行吗？导入后只能以新的变更更正。`)) {
                e.preventDefault();
                return;
              }
              if (modeRef.current) modeRef.current.value = "write";
            }}
            disabled={pending}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700 disabled:opacity-60"
          >
            确认导入 {state.data!.rows} 行
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
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="import-problems">
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
        </div>
      ) : null}
    </form>
  );
}
