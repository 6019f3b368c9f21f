"use client";

import { useActionState, useId } from "react";
import type { ActionState } from "@/lib/actions/state";
import { commitReviewAction, excludeFromReviewAction, includeInReviewAction, revertReviewAction, setReviewQuotasAction } from "@/lib/actions/review";
import { initialActionState } from "@/lib/actions/state";
import { GRADE_LABELS, type Grade } from "@/lib/domain/grades";
import type { Quotas } from "@/lib/domain/review";
import { FormMessage, SubmitButton, SubmitLine } from "@/components/ui/submit-row";
import { DialogForm } from "@/components/ui/dialog";
import { TextareaField, TextField } from "@/components/ui/fields";
import { HONOURS_NOTE } from "./labels";

/** The required reason of an exclusion or a revert, and the refusal message under it. */
function ReasonField({ state, label }: { state: ActionState<unknown>; label: string }) {
  const id = useId();
  return (
    <>
      <TextareaField id={`${id}-reason`} name="reason" label={label} state={state} rows={3} required />
      {!state.ok ? <FormMessage state={state} /> : null}
    </>
  );
}

const EXCLUDE_OPENER = "rounded-md border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-100";

export function ExcludeButton({ quarter, userId, name }: { quarter: string; userId: string; name: string }) {
  const opener = {
    label: (
      <>
        排除<span className="sr-only">{name}</span>
      </>
    ),
    className: EXCLUDE_OPENER,
  };
  return (
    <DialogForm
      serverAction={excludeFromReviewAction}
      opener={opener}
      title={`将${name}排除出本次评审`}
      hidden={{ quarter, userId }}
      submit={{ label: "确认排除", pendingText: "正在保存…" }}
    >
      {(state) => (
        <>
          <p className="text-sm text-slate-600">被排除的人员本次不晋级也不降级，其余人员不受影响。提交评审前可随时恢复。</p>
          <ReasonField state={state} label="排除原因（必填）" />
        </>
      )}
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
          <TextField
            key={g}
            id={`${id}-${g}`}
            name={`quota_${g}`}
            state={state}
            label={
              <>
                晋升为{GRADE_LABELS[g]}
                <span className="ml-1 text-xs text-slate-600">（符合条件 {candidates[g] ?? 0} 人）</span>
              </>
            }
            inputMode="numeric"
            placeholder="不限"
            defaultValue={quotas[g] !== undefined ? String(quotas[g]) : ""}
            labelClassName="mb-1 block text-sm text-slate-700"
          />
        ))}
      </div>
      <SubmitLine state={state} pending={pending} pendingText="正在保存…" tone="plain">
        保存名额
      </SubmitLine>
    </form>
  );
}

const COMMIT_OPENER = { label: "提交评审", className: "rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700" };
const REVERT_OPENER = {
  label: "撤销本次评审",
  className: "rounded-md border border-orange-700 px-3 py-1.5 text-sm font-medium text-orange-800 hover:bg-orange-50",
};

export function CommitReviewButton({ quarter, quarterName, summary }: { quarter: string; quarterName: string; summary: string }) {
  const refusal = (state: ActionState) => (!state.ok ? <FormMessage state={state} /> : null);
  return (
    <DialogForm
      serverAction={commitReviewAction}
      opener={COMMIT_OPENER}
      title={`确认提交${quarterName}晋级评审？`}
      hidden={{ quarter }}
      submit={{ label: "确认提交", pendingText: "正在提交…" }}
      outside={refusal}
    >
      {(state, pending) => (
        <>
          <p className="text-sm text-slate-700" data-testid="commit-summary">
            本次评审结果：{summary}。
          </p>
          <p className="text-sm text-slate-600">提交后立即生成等级变动记录，退出人员将无法登录；如有错误，只能整体撤销本次评审。</p>
          {refusal(state)}
          {pending ? (
            <p role="status" className="text-sm text-brand-700">
              正在写入全部人员的评审结果，人数较多时需要几秒钟，请勿关闭页面…
            </p>
          ) : null}
        </>
      )}
    </DialogForm>
  );
}

export function RevertReviewButton({ quarter, quarterName }: { quarter: string; quarterName: string }) {
  const outcome = (state: ActionState) => (state.ok && state.message ? <FormMessage state={state} /> : null);
  return (
    <DialogForm
      serverAction={revertReviewAction}
      opener={REVERT_OPENER}
      title={`撤销${quarterName}晋级评审`}
      hidden={{ quarter }}
      submit={{ label: "确认撤销", pendingText: "正在撤销…", tone: "danger" }}
      outside={outcome}
    >
      {(state) => (
        <>
          <p className="text-sm text-slate-600">撤销后，本次评审产生的全部等级变动作废（保留为历史记录），因本次评审退出的人员恢复在职；该季度可以重新评审。</p>
          <ReasonField state={state} label="撤销原因（必填）" />
        </>
      )}
    </DialogForm>
  );
}
