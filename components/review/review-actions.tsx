"use client";

import { useActionState, useId } from "react";
import type { ActionState } from "@/lib/actions/state";
import { commitReviewAction, excludeFromReviewAction, includeInReviewAction, revertReviewAction, setReviewQuotasAction } from "@/lib/actions/review";
import { initialActionState } from "@/lib/actions/state";
import { GRADE_LABELS, type Grade } from "@/lib/domain/grades";
import type { Quotas } from "@/lib/domain/review";
import { Dialog, FieldError, FormMessage, SubmitButton, fieldValue, useDialogClosingOnSuccess } from "./form-bits";
import { HONOURS_NOTE } from "./labels";

const inputClass = "w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-600";

/**
 * A button that opens a confirmation dialog holding the action's form: hidden fields, the
 * caller's body, the refusal message, then 取消 and the confirming submit button.
 */
function DialogForm({
  state,
  action,
  pending,
  opener,
  openerClass,
  outside,
  title,
  hidden,
  submit,
  pendingText,
  tone = "primary",
  children,
}: {
  state: ActionState<unknown>;
  action: (form: FormData) => void;
  pending: boolean;
  opener: React.ReactNode;
  openerClass: string;
  /** Shown beside the opener (e.g. the outcome after the dialog closed). */
  outside?: React.ReactNode;
  title: string;
  hidden: Record<string, string>;
  submit: string;
  pendingText: string;
  tone?: "primary" | "danger";
  children: React.ReactNode;
}) {
  const dialog = useDialogClosingOnSuccess(state);
  const id = useId();
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} className={openerClass}>
        {opener}
      </button>
      {outside}
      <Dialog dialogRef={dialog} titleId={`${id}-title`} title={title}>
        <form action={action} className="space-y-3">
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {children}
          <div className="flex justify-end gap-2">
            <button type="button" disabled={pending} onClick={() => dialog.current?.close()} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
              取消
            </button>
            <SubmitButton pending={pending} pendingText={pendingText} tone={tone}>
              {submit}
            </SubmitButton>
          </div>
        </form>
      </Dialog>
    </>
  );
}

/** The required reason of an exclusion or a revert, and the refusal message under it. */
function ReasonField({ state, label }: { state: ActionState<unknown>; label: string }) {
  const id = useId();
  return (
    <>
      <div>
        <label htmlFor={`${id}-reason`} className="mb-1 block text-sm font-medium text-slate-700">
          {label}
        </label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          rows={3}
          required
          defaultValue={fieldValue(state, "reason")}
          className={inputClass}
          aria-describedby={`${id}-err`}
        />
        <FieldError state={state} name="reason" id={`${id}-err`} />
      </div>
      {!state.ok ? <FormMessage state={state} /> : null}
    </>
  );
}

export function ExcludeButton({ quarter, userId, name }: { quarter: string; userId: string; name: string }) {
  const [state, action, pending] = useActionState(excludeFromReviewAction, initialActionState);
  return (
    <DialogForm
      state={state}
      action={action}
      pending={pending}
      opener={
        <>
          排除<span className="sr-only">{name}</span>
        </>
      }
      openerClass="rounded-md border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-100"
      title={`将${name}排除出本次评审`}
      hidden={{ quarter, userId }}
      submit="确认排除"
      pendingText="正在保存…"
    >
      <p className="text-sm text-slate-600">被排除的人员本次不晋级也不降级，其余人员不受影响。提交评审前可随时恢复。</p>
      <ReasonField state={state} label="排除原因（必填）" />
    </DialogForm>
  );
}

export function IncludeButton({ quarter, userId, name }: { quarter: string; userId: string; name: string }) {
  const [state, action, pending] = useActionState(includeInReviewAction, initialActionState);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="quarter" value={quarter} />
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton pending={pending} pendingText="…" tone="plain" size="sm">
        恢复参评<span className="sr-only">{name}</span>
      </SubmitButton>
      {!state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}

const TARGETS: Grade[] = ["JUNIOR", "INTERMEDIATE", "SENIOR", "PRINCIPAL"];

export function QuotaForm({ quarter, quotas, candidates }: { quarter: string; quotas: Quotas; candidates: Partial<Record<Grade, number>> }) {
  const [state, action, pending] = useActionState(setReviewQuotasAction, initialActionState);
  const id = useId();
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="quarter" value={quarter} />
      <p className="text-sm text-slate-600">
        留空表示不限名额。
        <span title={HONOURS_NOTE} className="ml-1 cursor-help underline decoration-dotted" tabIndex={0}>
          名额不足时如何排序？
        </span>
      </p>
      <p className="text-xs text-slate-600">{HONOURS_NOTE}</p>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {TARGETS.map((g) => (
          <div key={g}>
            <label htmlFor={`${id}-${g}`} className="mb-1 block text-sm text-slate-700">
              晋升为{GRADE_LABELS[g]}
              <span className="ml-1 text-xs text-slate-600">（符合条件 {candidates[g] ?? 0} 人）</span>
            </label>
            <input
              id={`${id}-${g}`}
              name={`quota_${g}`}
              inputMode="numeric"
              placeholder="不限"
              defaultValue={fieldValue(state, `quota_${g}`) ?? (quotas[g] !== undefined ? String(quotas[g]) : "")}
              className={inputClass}
            />
            <FieldError state={state} name={`quota_${g}`} />
          </div>
        ))}
      </div>
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending} pendingText="正在保存…" tone="plain">
          保存名额
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function CommitReviewButton({ quarter, quarterName, summary }: { quarter: string; quarterName: string; summary: string }) {
  const [state, action, pending] = useActionState(commitReviewAction, initialActionState);
  return (
    <DialogForm
      state={state}
      action={action}
      pending={pending}
      opener="提交评审"
      openerClass="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
      outside={!state.ok ? <FormMessage state={state} /> : null}
      title={`确认提交${quarterName}晋级评审？`}
      hidden={{ quarter }}
      submit="确认提交"
      pendingText="正在提交…"
    >
      <p className="text-sm text-slate-700" data-testid="commit-summary">
        本次评审结果：{summary}。
      </p>
      <p className="text-sm text-slate-600">提交后立即生成等级变动记录，退出人员将无法登录；如有错误，只能整体撤销本次评审。</p>
      {!state.ok ? <FormMessage state={state} /> : null}
      {pending ? (
        <p role="status" className="text-sm text-brand-700">
          正在写入全部人员的评审结果，人数较多时需要几秒钟，请勿关闭页面…
        </p>
      ) : null}
    </DialogForm>
  );
}

export function RevertReviewButton({ quarter, quarterName }: { quarter: string; quarterName: string }) {
  const [state, action, pending] = useActionState(revertReviewAction, initialActionState);
  return (
    <DialogForm
      state={state}
      action={action}
      pending={pending}
      opener="撤销本次评审"
      openerClass="rounded-md border border-orange-700 px-3 py-1.5 text-sm font-medium text-orange-800 hover:bg-orange-50"
      outside={state.ok && state.message ? <FormMessage state={state} /> : null}
      title={`撤销${quarterName}晋级评审`}
      hidden={{ quarter }}
      submit="确认撤销"
      pendingText="正在撤销…"
      tone="danger"
    >
      <p className="text-sm text-slate-600">撤销后，本次评审产生的全部等级变动作废（保留为历史记录），因本次评审退出的人员恢复在职；该季度可以重新评审。</p>
      <ReasonField state={state} label="撤销原因（必填）" />
    </DialogForm>
  );
}
