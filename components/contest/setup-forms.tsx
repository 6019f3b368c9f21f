"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionState } from "@/lib/actions/state";
import { addJudgeAction, createContestAction, saveEventAction, saveTeamAction } from "@/lib/actions/contest";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage, SubmitButton } from "@/components/ui/submit-row";
import { GridSubmit } from "@/components/ui/submit-row";
import { TextField } from "@/components/ui/fields";

const input = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const label = "mb-1 block text-sm font-medium text-slate-800";
const STYLE = { labelClassName: label, inputClassName: input };
const SMALL = { labelClassName: "mb-1 block text-xs text-slate-700", inputClassName: input };

/** A field label that names the event or contest too, for screen readers (several forms on one page). */
function Named({ text, name }: { text: string; name: string }) {
  return (
    <>
      {text}
      <span className="sr-only">（{name}）</span>
    </>
  );
}

export function CreateContestForm({ year }: { year: number }) {
  const [state, action, pending] = useActionState(createContestAction, { ok: true } as ActionState<{ id: string }>);
  const router = useRouter();
  useEffect(() => {
    if (state.ok && state.data?.id) router.push(`/hr/contest/${state.data.id}`);
  }, [state, router]);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-4 sm:items-end">
      {[
        { key: "year", name: "year", text: "年度", type: "number", value: year },
        { key: "start", name: "startsOn", text: "开始日期", type: "date", value: `${year}-11-01` },
        { key: "end", name: "endsOn", text: "结束日期", type: "date", value: `${year}-11-30` },
      ].map((f) => (
        <TextField key={f.key} id={`contest-${f.key}`} name={f.name} type={f.type} label={f.text} state={state} defaultValue={f.value} {...STYLE} required />
      ))}
      <GridSubmit state={state} pending={pending} pendingText="正在创建…" messageClassName="sm:col-span-4">
        创建比赛
      </GridSubmit>
    </form>
  );
}

/** Date, maximum score and weight of one event (until it is locked). */
export function EventSettingsForm({
  eventId,
  name,
  heldOn,
  maxScore,
  weight,
}: {
  eventId: string;
  name: string;
  heldOn: string;
  maxScore: number;
  weight: number;
}) {
  const [state, action, pending] = useActionState(saveEventAction, { ok: true } as ActionState);
  const id = useId();
  return (
    <form action={action} className="grid grid-cols-2 gap-2 sm:grid-cols-4 sm:items-end">
      <input type="hidden" name="eventId" value={eventId} />
      {[
        { key: "date", name: "heldOn", text: "比赛日期", type: "date", value: heldOn },
        { key: "max", name: "maxScore", text: "满分", type: "number", value: maxScore, min: "1" },
        { key: "weight", name: "weight", text: "综合排名权重", type: "number", value: weight, min: "0" },
      ].map((f) => (
        <TextField
          key={f.key}
          id={`${id}-${f.key}`}
          name={f.name}
          type={f.type}
          step={f.type === "number" ? "0.01" : undefined}
          min={f.min}
          label={<Named text={f.text} name={name} />}
          state={state}
          defaultValue={f.value}
          {...SMALL}
          required
        />
      ))}
      <GridSubmit state={state} pending={pending} pendingText="保存中…" tone="plain" messageClassName="col-span-2 sm:col-span-4">
        保存<span className="sr-only">{name}的设置</span>
      </GridSubmit>
    </form>
  );
}

export function AddJudgeForm({ eventId, name }: { eventId: string; name: string }) {
  const [state, action, pending] = useActionState(addJudgeAction, { ok: true } as ActionState);
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok && state.message) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} action={action} className="grid gap-2 sm:grid-cols-3 sm:items-end">
      <input type="hidden" name="eventId" value={eventId} />
      <TextField id={`${id}-no`} name="employeeNo" label={<Named text="内部评委工号" name={name} />} state={state} inputMode="numeric" {...SMALL} />
      <TextField id={`${id}-ext`} name="externalName" label={<Named text="或外部评委姓名" name={name} />} state={state} {...SMALL} />
      <GridSubmit state={state} pending={pending} pendingText="添加中…" tone="plain" messageClassName="sm:col-span-3">
        添加评委<span className="sr-only">到{name}</span>
      </GridSubmit>
    </form>
  );
}

export interface TeamCandidate {
  id: string;
  name: string;
  employeeNo: string;
  branchName: string;
  teamName: string | null;
}

/** Create or change a team: a name and 3–6 entrants of one branch (ticked from the list). */
export function TeamForm({
  phaseId,
  candidates,
  team,
}: {
  phaseId: string;
  candidates: TeamCandidate[];
  team?: { id: string; name: string; memberIds: string[] };
}) {
  const [state, action, pending] = useActionState(saveTeamAction, { ok: true } as ActionState);
  const id = useId();
  const [picked, setPicked] = useState<Set<string>>(new Set(team?.memberIds ?? []));
  const formRef = useRef<HTMLFormElement>(null);
  // After a new team is saved the ticks start empty again: adjusted while rendering the new state
  // (not in an effect), the form's own fields reset in the effect.
  const [handled, setHandled] = useState(state);
  if (handled !== state) {
    setHandled(state);
    if (state.ok && state.message && !team) setPicked(new Set());
  }
  useEffect(() => {
    if (state.ok && state.message && !team) formRef.current?.reset();
  }, [state, team]);
  const available = candidates.filter((c) => c.teamName === null || team?.memberIds.includes(c.id));
  return (
    <form ref={formRef} action={action} className="space-y-3">
      <input type="hidden" name="phaseId" value={phaseId} />
      {team ? <input type="hidden" name="teamId" value={team.id} /> : null}
      <TextField
        id={`${id}-name`}
        name="name"
        label="团队名称"
        state={state}
        defaultValue={team?.name}
        className="max-w-sm"
        {...STYLE}
        required
        minLength={2}
        maxLength={30}
      />
      <fieldset>
        <legend className={label}>成员（3–6 人，同一支行；已选 {picked.size} 人）</legend>
        {available.length === 0 ? (
          <p className="text-sm text-slate-600">没有可以组队的参赛人员：每人只能参加一支团队。</p>
        ) : (
          <ul className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
            {available.map((c) => (
              <li key={c.id}>
                <label className="flex min-h-11 items-center gap-2 rounded-md border border-slate-200 px-2 py-1 text-sm">
                  <input
                    type="checkbox"
                    name="entrantIds"
                    value={c.id}
                    checked={picked.has(c.id)}
                    onChange={(e) => {
                      const next = new Set(picked);
                      if (e.target.checked) next.add(c.id);
                      else next.delete(c.id);
                      setPicked(next);
                    }}
                    className="h-5 w-5"
                  />
                  <span>
                    {c.name}{" "}
                    <span className="text-xs text-slate-600">
                      {c.branchName} · 工号 {c.employeeNo}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <FieldError state={state} name="entrantIds" />
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton pending={pending} pendingText="保存中…">
        {team ? "保存团队" : "组建团队"}
      </SubmitButton>
    </form>
  );
}
