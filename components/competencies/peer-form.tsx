"use client";

import { SubmitRow } from "@/components/ui/submit-row";
import { useActionState, useState } from "react";
import { nominatePeersAction } from "@/lib/actions/competencies";
import { initialActionState } from "@/lib/actions/state";
import { GRADE_LABELS } from "@/lib/domain/grades";
import type { PeerCandidate } from "@/lib/server/dal/competencies/peers";

export type PeerOption = PeerCandidate;

/** Tick 2–5 colleagues as peer assessors; answered peers stay ticked and locked. */
export function PeerForm({ cycleId, assesseeId, candidates, disabled }: { cycleId: string; assesseeId: string; candidates: PeerOption[]; disabled: boolean }) {
  const [state, action, pending] = useActionState(nominatePeersAction, initialActionState);
  const values = (!state.ok ? state.values : undefined) ?? {};
  const before = Array.isArray(values.peerIds) ? (values.peerIds as string[]) : typeof values.peerIds === "string" ? [values.peerIds] : null;
  const [selected, setSelected] = useState<Set<string>>(() => new Set(before ?? candidates.filter((c) => c.named).map((c) => c.id)));
  const errors = (!state.ok ? state.fieldErrors : undefined) ?? {};

  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="cycleId" value={cycleId} />
      <input type="hidden" name="assesseeId" value={assesseeId} />
      <fieldset disabled={disabled}>
        <legend className="mb-2 text-sm text-slate-600">选择 2–5 名同事（至少 3 名同事提交后，同事评价才计入结果）</legend>
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {candidates.map((c) => {
            const checked = selected.has(c.id);
            // An answered peer stays in: a disabled checkbox is not submitted, so a hidden field carries it.
            return (
              <li key={c.id}>
                <label
                  className={`flex items-center gap-2 rounded-lg border p-2 text-sm ${checked ? "border-brand-600 bg-brand-50" : "border-slate-200"} ${c.changeable ? "" : "opacity-70"}`}
                >
                  <input
                    type="checkbox"
                    name="peerIds"
                    value={c.id}
                    checked={checked}
                    disabled={!c.changeable}
                    onChange={(e) =>
                      setSelected((prev) => {
                        const next = new Set(prev);
                        if (e.target.checked) next.add(c.id);
                        else next.delete(c.id);
                        return next;
                      })
                    }
                  />
                  <span>
                    {c.name}
                    <span className="ml-1 text-xs text-slate-600">
                      {c.employeeNo} · {c.grade ? GRADE_LABELS[c.grade] : "未定级"}
                    </span>
                    {c.answered ? (
                      <span className="ml-1 text-xs text-sky-700">已提交</span>
                    ) : c.named ? (
                      <span className="ml-1 text-xs text-slate-600">待提交</span>
                    ) : null}
                  </span>
                </label>
                {!c.changeable && checked ? <input type="hidden" name="peerIds" value={c.id} /> : null}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <p className="text-sm text-slate-600" aria-live="polite">
        已选 {selected.size} 人
      </p>
      {errors.peerIds?.[0] && errors.peerIds[0] !== state.message ? (
        <p className="text-sm text-red-700" role="alert">
          {errors.peerIds[0]}
        </p>
      ) : null}
      <SubmitRow pending={pending} disabled={disabled} label="保存同事评估人" pendingLabel="正在保存…" state={state} />
    </form>
  );
}
