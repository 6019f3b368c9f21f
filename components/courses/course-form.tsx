"use client";

import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { saveCourseAction } from "@/lib/actions/courses";
import type { ActionState } from "@/lib/actions/state";
import { CATEGORIES, CATEGORY_LABELS, DELIVERIES, DELIVERY_LABELS, TIERS, TIER_LABELS } from "@/lib/domain/curriculum-labels";
import { COMPETENCY_CODES, COMPETENCY_LABELS } from "@/lib/domain/competency";
import { FieldError } from "@/components/ui/field-error";
import { LARGE_CONTROL, SelectField, TextareaField, TextField, optionsOf } from "@/components/ui/fields";
import { FormMessage, SubmitButton } from "@/components/ui/submit-row";

export interface CourseFormValues {
  id?: string;
  code: string;
  title: string;
  description: string;
  tier: string;
  category: string;
  delivery: string;
  hours: string;
  competencies: string[];
  required: boolean;
}

export function CourseForm({ initial }: { initial: CourseFormValues }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(
    async (prev: ActionState<{ id: string }>, formData: FormData) => {
      const result = await saveCourseAction(prev, formData);
      if (result.ok) router.push("/hr/courses");
      return result;
    },
    { ok: true } as ActionState<{ id: string }>,
  );
  const failed = state.ok ? null : state;
  const v = (failed?.values as Partial<CourseFormValues> | undefined) ?? initial;
  const field = { state, inputClassName: LARGE_CONTROL };
  return (
    <form action={action} className="grid max-w-3xl gap-4" key={JSON.stringify(v)}>
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {failed ? <FormMessage state={failed} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="code" name="code" label="课程编号" defaultValue={v.code} placeholder="F-PRO-01" {...field} />
        <TextField id="title" name="title" label="课程名称" defaultValue={v.title} {...field} />
      </div>
      <TextareaField id="description" name="description" label="课程介绍" rows={3} defaultValue={v.description} {...field} />
      <div className="grid gap-4 sm:grid-cols-4">
        <SelectField id="tier" name="tier" label="层级" options={optionsOf(TIERS, TIER_LABELS)} defaultValue={v.tier} {...field} />
        <SelectField id="category" name="category" label="类别" options={optionsOf(CATEGORIES, CATEGORY_LABELS)} defaultValue={v.category} {...field} />
        <SelectField id="delivery" name="delivery" label="授课方式" options={optionsOf(DELIVERIES, DELIVERY_LABELS)} defaultValue={v.delivery} {...field} />
        <TextField id="hours" name="hours" label="学时" inputMode="decimal" defaultValue={v.hours} {...field} />
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium">培养的能力（1–3 项）</legend>
        <div className="flex flex-wrap gap-3">
          {COMPETENCY_CODES.map((c) => (
            <label key={c} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="competencies" value={c} defaultChecked={v.competencies?.includes(c)} /> {COMPETENCY_LABELS[c]}
            </label>
          ))}
        </div>
        <FieldError state={state} name="competencies" />
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="required" defaultChecked={v.required} /> 本层级必修课
      </label>
      <div>
        <SubmitButton pending={pending} pendingText="正在保存…">
          保存课程
        </SubmitButton>
      </div>
    </form>
  );
}
