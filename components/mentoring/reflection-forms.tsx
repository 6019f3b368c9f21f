"use client";

import { replyReflectionAction, submitReflectionAction } from "@/lib/actions/mentoring";
import { FormMessage, SubmitButton } from "@/components/ui/submit-row";
import { SelectField, TextareaField } from "@/components/ui/fields";
import { SMALL_FIELD, WIDE_FIELD, useKeptForm } from "@/components/programme-forms/draft-or-submit";

const LARGE_LABEL = { ...SMALL_FIELD, labelClassName: "mb-1 block text-sm text-slate-700" };
import { monthLabel } from "@/components/programme-forms/format";

/** The mentee's monthly 工作心得 for one of the months still open. */
export function ReflectionForm({ mentorshipId, months, overdue }: { mentorshipId: string; months: string[]; overdue: string[] }) {
  const { state, pending, onSubmit } = useKeptForm(submitReflectionAction, "工作心得提交后不能修改，确认提交吗？");
  const id = (n: string) => `${n}-${mentorshipId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="reflection-form">
      <input type="hidden" name="mentorshipId" value={mentorshipId} />
      <SelectField
        id={id("month")}
        name="month"
        label="月份"
        state={state}
        defaultValue={months[0]}
        options={months.map((m) => [m, `${monthLabel(m)}${overdue.includes(m) ? "（已逾期）" : ""}`] as const)}
        {...LARGE_LABEL}
      />
      <TextareaField
        id={id("body")}
        name="body"
        label="本月工作心得"
        state={state}
        rows={5}
        maxLength={3000}
        {...LARGE_LABEL}
        inputClassName={WIDE_FIELD.inputClassName}
      />
      <FormMessage state={state} />
      <SubmitButton pending={pending} pendingText="正在提交…">
        提交工作心得
      </SubmitButton>
    </form>
  );
}

/** The mentor's reply to one reflection. */
export function ReplyForm({ reflectionId, month }: { reflectionId: string; month: string }) {
  const { state, pending, onSubmit } = useKeptForm(replyReflectionAction);
  const id = `reply-${reflectionId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2 space-y-2" data-testid="reply-form">
      <input type="hidden" name="reflectionId" value={reflectionId} />
      <TextareaField
        id={id}
        name="reply"
        label={`回复${monthLabel(month)}的心得`}
        state={state}
        rows={2}
        maxLength={2000}
        {...WIDE_FIELD}
        labelClassName="block text-xs text-slate-700"
      />
      <FormMessage state={state} />
      <SubmitButton pending={pending} pendingText="正在发送…" size="sm">
        发送回复
      </SubmitButton>
    </form>
  );
}
