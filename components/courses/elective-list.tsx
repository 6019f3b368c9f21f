"use client";

import { useActionState } from "react";
import { enrolElectiveAction } from "@/lib/actions/courses";
import { initialActionState } from "@/lib/actions/state";
import type { CourseCardView } from "@/lib/server/dal/courses/learner";
import { CourseMeta } from "./course-bits";

/**
 * Electives to enrol in. One action state for the whole list, so "已报名《…》" stays on screen after
 * the enrolled course leaves the list (it moves to 我已报名的选修课).
 */
export function ElectiveList({ electives }: { electives: CourseCardView[] }) {
  const [state, action, pending] = useActionState(enrolElectiveAction, initialActionState);
  return (
    <>
      <p
        role={state.ok ? "status" : "alert"}
        aria-live="polite"
        className={state.message ? `mb-3 rounded-md px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}` : "sr-only"}
        data-testid="enrol-message"
      >
        {state.message ?? ""}
      </p>
      <ul className="divide-y divide-slate-100" data-testid="electives">
        {electives.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="min-w-0 max-w-3xl">
              <p className="font-medium">{c.title}</p>
              <CourseMeta tier={c.tier} category={c.category} delivery={c.delivery} hours={c.hours} />
              <p className="mt-1 text-sm text-slate-600">{c.description}</p>
            </div>
            <form action={action}>
              <input type="hidden" name="courseId" value={c.id} />
              <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-3 py-1 text-sm text-white hover:bg-brand-700 disabled:opacity-60">
                {pending ? "报名中…" : "报名"}
                <span className="sr-only">：{c.title}</span>
              </button>
            </form>
          </li>
        ))}
      </ul>
    </>
  );
}
