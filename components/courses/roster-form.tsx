"use client";

import { useActionState } from "react";
import { DataTable } from "@/components/ui/table";
import { recordCompletionsAction } from "@/lib/actions/courses";
import type { ActionState } from "@/lib/actions/state";
import type { RosterPerson } from "@/lib/server/dal/courses/completion";
import { StatusBadge } from "./course-bits";
import { formatDate } from "@/lib/format";

/** A session roster: tick who attended, one date, hours and a score per person. */
export function RosterForm({ courseId, hours, people, today }: { courseId: string; hours: number; people: RosterPerson[]; today: string }) {
  const [state, action, pending] = useActionState(recordCompletionsAction, { ok: true } as ActionState);
  const failed = state.ok ? null : state;
  const v = (failed?.values ?? {}) as Record<string, string>;
  return (
    <form action={action} className="space-y-4" key={state.ok ? state.message : undefined}>
      <input type="hidden" name="courseId" value={courseId} />
      {state.message ? (
        <p
          role={state.ok ? "status" : "alert"}
          className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}
        >
          {state.message}
          {failed?.fieldErrors ? ` ${Object.values(failed.fieldErrors).flat().filter(Boolean)[0] ?? ""}` : ""}
        </p>
      ) : null}
      <div>
        <label htmlFor="completedOn" className="mb-1 block text-sm font-medium">
          完成日期
        </label>
        <input
          id="completedOn"
          name="completedOn"
          type="date"
          max={today}
          defaultValue={v.completedOn ?? today}
          className="rounded-md border border-slate-300 px-3 py-1.5"
        />
      </div>
      <DataTable testId="roster-table" columns={["登记", "姓名", "机构", "状态", "学时", "考试成绩"]}>
        {people.map((p) => (
          <tr key={p.userId} className="border-t border-slate-100" data-testid={`roster-${p.employeeNo}`}>
            <td className="py-2 pr-3">
              <input type="checkbox" name="userId" value={p.userId} aria-label={`登记 ${p.name}`} disabled={p.status === "WAIVED"} />
            </td>
            <th scope="row" className="py-2 pr-3 text-left font-normal">
              {p.name} <span className="text-xs text-slate-600">{p.employeeNo}</span>
            </th>
            <td className="py-2 pr-3">{p.branchName}</td>
            <td className="py-2 pr-3">
              <StatusBadge status={p.status} />
              {p.completedOn ? (
                <span className="ml-1 text-xs text-slate-600">
                  {formatDate(p.completedOn)}
                  {p.examScore !== null ? ` · ${p.examScore}分` : ""}
                </span>
              ) : null}
            </td>
            <td className="py-2 pr-3">
              <input
                name={`hours.${p.userId}`}
                aria-label={`${p.name} 学时`}
                defaultValue={v[`hours.${p.userId}`] ?? String(hours)}
                inputMode="decimal"
                className="w-20 rounded-md border border-slate-300 px-2 py-1"
              />
            </td>
            <td className="py-2">
              <input
                name={`score.${p.userId}`}
                aria-label={`${p.name} 考试成绩`}
                defaultValue={v[`score.${p.userId}`] ?? ""}
                inputMode="decimal"
                placeholder="0–100"
                className="w-20 rounded-md border border-slate-300 px-2 py-1"
              />
            </td>
          </tr>
        ))}
      </DataTable>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? "正在登记…" : "登记完成"}
      </button>
    </form>
  );
}
