"use client";

import { useActionState } from "react";
import { openNextQuarterAction } from "@/lib/actions/appraisal";
import type { ActionState } from "@/lib/actions/state";
import { InlineMessage } from "@/components/ui/submit-row";

const initialState: ActionState = { ok: true };

/** HR opens the next quarter for rating (with the current scorecard template). */
export function OpenQuarterForm({ label, startsOn, started, templateVersion }: { label: string; startsOn: string; started: boolean; templateVersion: number }) {
  const [state, action, pending] = useActionState(openNextQuarterAction, initialState);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <button
        type="submit"
        disabled={pending || !started}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "正在开启…" : `开启${label}考评`}
      </button>
      <span className="text-sm text-slate-600">{started ? `使用当前评分模板（第 ${templateVersion} 版）` : `${label}从 ${startsOn} 开始，届时才能开启`}</span>
      <InlineMessage state={state} className="w-full" />
    </form>
  );
}
