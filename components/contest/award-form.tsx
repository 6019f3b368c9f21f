"use client";

import { useActionState, useId, useState } from "react";
import type { ActionState } from "@/lib/actions/state";
import { grantAwardAction } from "@/lib/actions/contest";
import { AWARD_KINDS, AWARD_LABELS, RANKINGS, RANKING_LABELS, awardGoesToTeam, awardShape, type AwardKind, type Ranking } from "@/lib/domain/contest";
import { FieldError, FormMessage, SubmitButton, fieldValue } from "@/components/review/form-bits";

const select = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** HR grants a prize (in a ranking) or a title, to a person or a team; options follow the choice. */
export function AwardForm({ phaseId, people, teams }: { phaseId: string; people: { id: string; label: string }[]; teams: { id: string; label: string }[] }) {
  const [state, action, pending] = useActionState(grantAwardAction, { ok: true } as ActionState);
  const id = useId();
  const [kind, setKind] = useState<AwardKind>((fieldValue(state, "kind") as AwardKind) ?? "FIRST_PRIZE");
  const [ranking, setRanking] = useState<Ranking>((fieldValue(state, "ranking") as Ranking) || "OVERALL");
  const ranked = awardShape(kind).ranked;
  const toTeam = awardGoesToTeam(kind, ranked ? ranking : null);
  const holders = toTeam ? teams : people;
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
      <input type="hidden" name="phaseId" value={phaseId} />
      <div>
        <label htmlFor={`${id}-kind`} className="mb-1 block text-sm font-medium">
          奖项
        </label>
        <select id={`${id}-kind`} name="kind" value={kind} onChange={(e) => setKind(e.target.value as AwardKind)} className={select}>
          {AWARD_KINDS.map((k) => (
            <option key={k} value={k}>
              {AWARD_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-ranking`} className="mb-1 block text-sm font-medium">
          所属排名
        </label>
        <select
          id={`${id}-ranking`}
          name="ranking"
          value={ranked ? ranking : ""}
          disabled={!ranked}
          onChange={(e) => setRanking(e.target.value as Ranking)}
          className={select}
        >
          {ranked ? (
            RANKINGS.map((r) => (
              <option key={r} value={r}>
                {RANKING_LABELS[r]}
              </option>
            ))
          ) : (
            <option value="">（称号，不属于排名）</option>
          )}
        </select>
        <FieldError state={state} name="ranking" />
      </div>
      <div>
        <label htmlFor={`${id}-holder`} className="mb-1 block text-sm font-medium">
          {toTeam ? "获奖团队" : "获奖人"}
        </label>
        <select id={`${id}-holder`} name="holderId" key={toTeam ? "team" : "person"} defaultValue="" required className={select}>
          <option value="" disabled>
            请选择
          </option>
          {holders.map((h) => (
            <option key={h.id} value={h.id}>
              {h.label}
            </option>
          ))}
        </select>
        <FieldError state={state} name="holderId" />
      </div>
      <div>
        <label htmlFor={`${id}-note`} className="mb-1 block text-sm font-medium">
          备注（可空）
        </label>
        <input id={`${id}-note`} name="note" maxLength={200} className={select} />
      </div>
      <div className="sm:col-span-2 lg:col-span-4 flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingText="正在颁奖…">
          颁发奖项
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
