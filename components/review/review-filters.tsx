import Link from "next/link";
import type { ReviewCategory, ReviewCounts } from "@/lib/server/dal/review/compute";
import { CATEGORY_LABELS, COUNT_ORDER } from "./labels";

export interface FilterValues {
  branch?: string;
  outcome?: ReviewCategory;
  page?: number;
}

export function filterHref(base: string, values: FilterValues): string {
  const params = new URLSearchParams();
  if (values.branch) params.set("branch", values.branch);
  if (values.outcome) params.set("outcome", values.outcome);
  if (values.page && values.page > 1) params.set("page", String(values.page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/** One labelled filter: "all" first, then the options as [value, label]. */
function FilterSelect({
  id,
  name,
  label,
  value,
  all,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value?: string;
  all: string;
  options: [string, string][];
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs text-slate-600">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm">
        <option value="">{all}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Branch and outcome filters as a plain GET form: works without JavaScript, keeps the URL shareable. */
export function ReviewFilters({
  base,
  branches,
  values,
  scopeCounts,
}: {
  base: string;
  branches: { id: string; name: string }[];
  values: FilterValues;
  scopeCounts: ReviewCounts;
}) {
  const total = Object.values(scopeCounts).reduce((a, b) => a + b, 0);
  return (
    <form method="get" action={base} className="flex flex-wrap items-end gap-3" role="search" aria-label="筛选评审名单">
      <FilterSelect id="filter-branch" name="branch" label="机构" value={values.branch} all="全部机构" options={branches.map((b) => [b.id, b.name])} />
      <FilterSelect
        id="filter-outcome"
        name="outcome"
        label="评审结果"
        value={values.outcome}
        all={`全部（${total}）`}
        options={COUNT_ORDER.map((c) => [c, `${CATEGORY_LABELS[c]}（${scopeCounts[c]}）`])}
      />
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
        筛选
      </button>
      {values.branch || values.outcome ? (
        <Link href={base} className="py-1.5 text-sm text-brand-700 hover:underline">
          清除筛选
        </Link>
      ) : null}
    </form>
  );
}
