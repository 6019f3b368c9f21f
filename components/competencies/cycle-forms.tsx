"use client";

import { SubmitRow } from "@/components/ui/submit-row";
import { FieldMessage } from "@/components/ui/field-error";
import { CONTROL, TextField } from "@/components/ui/fields";
import { useActionState, useState } from "react";
import { closeCycleAction, openCycleAction } from "@/lib/actions/competencies";
import { initialActionState } from "@/lib/actions/state";
import { DEFAULT_SOURCE_WEIGHTS } from "@/lib/domain/competency";

/** HR opens a cycle: name, branches (some or all), deadline and source weights. */
export function OpenCycleForm({ branches, minDate }: { branches: { id: string; name: string }[]; minDate: string }) {
  const [state, action, pending] = useActionState(openCycleAction, initialActionState);
  const values = (!state.ok ? state.values : undefined) ?? {};
  const errors = (!state.ok ? state.fieldErrors : undefined) ?? {};
  const error = (key: string) => errors[key]?.[0];
  const chosenBefore = Array.isArray(values.branchIds) ? (values.branchIds as string[]) : null;
  const [weights, setWeights] = useState({
    weightSelf: String(values.weightSelf ?? DEFAULT_SOURCE_WEIGHTS.SELF),
    weightManager: String(values.weightManager ?? DEFAULT_SOURCE_WEIGHTS.MANAGER),
    weightPeer: String(values.weightPeer ?? DEFAULT_SOURCE_WEIGHTS.PEER),
  });
  const sum = Object.values(weights).reduce((s, w) => s + (Number(w) || 0), 0);

  function confirmOpen(event: React.FormEvent<HTMLFormElement>) {
    const form = new FormData(event.currentTarget);
    const count = form.getAll("branchIds").length;
    if (!window.confirm(`将为所选 ${count} 个机构的全部在职客户经理生成自评和上级评价表。确认开启评估周期「${form.get("name")}」吗？`)) event.preventDefault();
  }

  function selectAll(checked: boolean) {
    document.querySelectorAll<HTMLInputElement>('input[name="branchIds"]').forEach((el) => (el.checked = checked));
  }

  const weightField = (key: keyof typeof weights, label: string) => (
    <TextField
      id={key}
      name={key}
      label={label}
      state={state}
      type="number"
      min={0}
      max={1}
      step={0.05}
      value={weights[key]}
      onChange={(e) => setWeights((w) => ({ ...w, [key]: e.target.value }))}
      inputClassName={`${CONTROL} tabular-nums`}
    />
  );

  return (
    <form action={action} onSubmit={confirmOpen} className="space-y-4" noValidate>
      <div className="grid gap-4 md:grid-cols-2">
        <TextField id="cycle-name" name="name" label="周期名称" state={state} maxLength={40} placeholder="例如：2027 上半年" />
        <TextField id="deadline" name="deadline" label="截止日期" state={state} type="date" min={minDate} />
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">参加的机构</legend>
        <div className="mb-2 flex gap-3 text-sm">
          <button type="button" onClick={() => selectAll(true)} className="text-brand-700 hover:underline">
            全选
          </button>
          <button type="button" onClick={() => selectAll(false)} className="text-brand-700 hover:underline">
            全不选
          </button>
        </div>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {branches.map((b) => (
            <label key={b.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="branchIds" value={b.id} defaultChecked={chosenBefore ? chosenBefore.includes(b.id) : true} />
              {b.name}
            </label>
          ))}
        </div>
        <FieldMessage id="branchIds-error" message={error("branchIds")} />
      </fieldset>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">评价来源权重（合计为 1；缺少某来源时按其余来源重新归一）</legend>
        <div className="grid gap-4 md:grid-cols-3">
          {weightField("weightManager", "上级评价")}
          {weightField("weightSelf", "自评")}
          {weightField("weightPeer", "同事评价（≥ 3 人提交才计入）")}
        </div>
        <p className={`mt-1 text-sm tabular-nums ${Math.abs(sum - 1) > 0.001 ? "text-orange-700" : "text-slate-600"}`} aria-live="polite">
          当前合计：{Math.round(sum * 1000) / 1000}
        </p>
        <FieldMessage id="weights-error" message={error("weights")} />
      </fieldset>
      <SubmitRow pending={pending} label="开启评估周期" pendingLabel="正在开启…" state={state} />
    </form>
  );
}

/** HR closes a cycle, after a confirmation. */
export function CloseCycleButton({ cycleId, name, pendingForms }: { cycleId: string; name: string; pendingForms: number }) {
  const [state, action, pending] = useActionState(closeCycleAction, initialActionState);
  function confirmClose(event: React.FormEvent<HTMLFormElement>) {
    const left = pendingForms > 0 ? `还有 ${pendingForms} 份评估表未提交，关闭后不能再提交。` : "";
    if (!window.confirm(`${left}确认关闭评估周期「${name}」吗？关闭后不能重新开启。`)) event.preventDefault();
  }
  return (
    <form action={action} onSubmit={confirmClose} className="inline-flex items-center gap-2">
      <input type="hidden" name="cycleId" value={cycleId} />
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-60">
        {pending ? "正在关闭…" : "关闭周期"}
        <span className="sr-only">：{name}</span>
      </button>
      {!state.ok ? (
        <span role="alert" className="text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
