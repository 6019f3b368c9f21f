"use client";

import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { saveCourseAction } from "@/lib/actions/courses";
import type { ActionState } from "@/lib/actions/state";
import { CATEGORIES, CATEGORY_LABELS, DELIVERIES, DELIVERY_LABELS, TIERS, TIER_LABELS } from "@/lib/domain/curriculum-labels";
import { COMPETENCY_CODES, COMPETENCY_LABELS } from "@/lib/domain/competency";

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

function FieldError({ errors }: { errors?: string[] }) {
  return errors?.length ? <p className="mt-1 text-sm text-red-700">{errors[0]}</p> : null;
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
  const errors = failed?.fieldErrors ?? {};
  const input = "w-full rounded-md border border-slate-300 px-3 py-2";
  return (
    <form action={action} className="grid max-w-3xl gap-4" key={JSON.stringify(v)}>
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {failed ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {failed.message}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="code" className="mb-1 block text-sm font-medium">
            课程编号
          </label>
          <input id="code" name="code" defaultValue={v.code} placeholder="F-PRO-01" className={input} />
          <FieldError errors={errors.code} />
        </div>
        <div>
          <label htmlFor="title" className="mb-1 block text-sm font-medium">
            课程名称
          </label>
          <input id="title" name="title" defaultValue={v.title} className={input} />
          <FieldError errors={errors.title} />
        </div>
      </div>
      <div>
        <label htmlFor="description" className="mb-1 block text-sm font-medium">
          课程介绍
        </label>
        <textarea id="description" name="description" rows={3} defaultValue={v.description} className={input} />
        <FieldError errors={errors.description} />
      </div>
      <div className="grid gap-4 sm:grid-cols-4">
        <div>
          <label htmlFor="tier" className="mb-1 block text-sm font-medium">
            层级
          </label>
          <select id="tier" name="tier" defaultValue={v.tier} className={input}>
            {TIERS.map((t) => (
              <option key={t} value={t}>
                {TIER_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="category" className="mb-1 block text-sm font-medium">
            类别
          </label>
          <select id="category" name="category" defaultValue={v.category} className={input}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="delivery" className="mb-1 block text-sm font-medium">
            授课方式
          </label>
          <select id="delivery" name="delivery" defaultValue={v.delivery} className={input}>
            {DELIVERIES.map((d) => (
              <option key={d} value={d}>
                {DELIVERY_LABELS[d]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="hours" className="mb-1 block text-sm font-medium">
            学时
          </label>
          <input id="hours" name="hours" inputMode="decimal" defaultValue={v.hours} className={input} />
          <FieldError errors={errors.hours} />
        </div>
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
        <FieldError errors={errors.competencies} />
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="required" defaultChecked={v.required} /> 本层级必修课
      </label>
      <div>
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? "正在保存…" : "保存课程"}
        </button>
      </div>
    </form>
  );
}
