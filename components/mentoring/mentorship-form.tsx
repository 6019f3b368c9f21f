"use client";

import { createMentorshipAction, endMentorshipAction } from "@/lib/actions/mentoring";
import { SubmitButton } from "@/components/ui/submit-row";
import { GridSubmit } from "@/components/ui/submit-row";
import { TextField } from "@/components/ui/fields";
import { WIDE_FIELD, useKeptForm } from "@/components/programme-forms/draft-or-submit";

const FIELD = { ...WIDE_FIELD, labelClassName: "mb-1 block text-sm text-slate-700" };

/** HR pairs a 见习 account manager with a mentor, by employee numbers. */
export function MentorshipForm({ today }: { today: string }) {
  const { state, pending, onSubmit } = useKeptForm(createMentorshipAction);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="mentorship-form">
      {[
        { name: "menteeNo", label: "学员工号（见习对公客户经理）", autoComplete: "off" },
        { name: "mentorNo", label: "导师工号（高级/资深客户经理、支行长或人力资源部）", autoComplete: "off" },
        { name: "note", label: "备注（选填）", maxLength: 200 },
        { name: "startsOn", label: "开始日期", type: "date", defaultValue: today },
        { name: "endsOn", label: "结束日期（选填）", type: "date" },
      ].map((f) => (
        <TextField key={f.name} id={f.name} state={state} {...f} {...FIELD} />
      ))}
      <GridSubmit state={state} pending={pending} pendingText="正在保存…" cellClassName="flex items-end" messageClassName="sm:col-span-2 lg:col-span-3">
        建立结对
      </GridSubmit>
    </form>
  );
}

/** HR ends a pair today (after a confirmation). */
export function EndMentorshipButton({ mentorshipId, today, label }: { mentorshipId: string; today: string; label: string }) {
  const { state, pending, onSubmit } = useKeptForm(endMentorshipAction, `确认结束 ${label} 的导师结对吗？结束后不再产生新的月度心得要求。`);
  return (
    <form onSubmit={onSubmit} className="inline-flex flex-col items-start gap-1">
      <input type="hidden" name="mentorshipId" value={mentorshipId} />
      <input type="hidden" name="endsOn" value={today} />
      <SubmitButton pending={pending} pendingText="处理中…" tone="plain" size="sm">
        结束结对
      </SubmitButton>
      {!state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
