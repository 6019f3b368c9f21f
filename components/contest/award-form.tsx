"use client";

import { useActionState, useId, useState } from "react";
import { fieldValue, type ActionState } from "@/lib/actions/state";
import { grantAwardAction } from "@/lib/actions/contest";
import { AWARD_KINDS, AWARD_LABELS, RANKINGS, RANKING_LABELS, awardGoesToTeam, awardShape, type AwardKind, type Ranking } from "@/lib/domain/contest";
import { SubmitLine } from "@/components/ui/submit-row";
import { SelectField, TextField, optionsOf } from "@/components/ui/fields";

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
      <SelectField
        id={`${id}-kind`}
        name="kind"
        label="奖项"
        options={optionsOf(AWARD_KINDS, AWARD_LABELS)}
        value={kind}
        onChange={(e) => setKind(e.target.value as AwardKind)}
        inputClassName={select}
      />
      <SelectField
        id={`${id}-ranking`}
        name="ranking"
        label="所属排名"
        state={state}
        options={ranked ? optionsOf(RANKINGS, RANKING_LABELS) : [["", "（称号，不属于排名）"]]}
        value={ranked ? ranking : ""}
        disabled={!ranked}
        onChange={(e) => setRanking(e.target.value as Ranking)}
        inputClassName={select}
      />
      <SelectField
        key={toTeam ? "team" : "person"}
        id={`${id}-holder`}
        name="holderId"
        label={toTeam ? "获奖团队" : "获奖人"}
        state={state}
        options={holders.map((h) => [h.id, h.label] as const)}
        placeholder="请选择"
        defaultValue=""
        required
        inputClassName={select}
      />
      <TextField id={`${id}-note`} name="note" label="备注（可空）" maxLength={200} inputClassName={select} />
      <SubmitLine state={state} pending={pending} pendingText="正在颁奖…" className="sm:col-span-2 lg:col-span-4">
        颁发奖项
      </SubmitLine>
    </form>
  );
}
