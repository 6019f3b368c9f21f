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
      <div>
        <label htmlFor="filter-branch" className="mb-1 block text-xs text-slate-600">
          机构
        </label>
        <select id="filter-branch" name="branch" defaultValue={values.branch ?? ""} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm">
          <option value="">全部机构</option>
          {branches.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-outcome" className="mb-1 block text-xs text-slate-600">
          评审结果
        </label>
        <select id="filter-outcome" name="outcome" defaultValue={values.outcome ?? ""} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm">
          <option value="">全部（{total}）</option>
          {COUNT_ORDER.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}（{scopeCounts[c]}）
            </option>
          ))}
        </select>
      </div>
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
