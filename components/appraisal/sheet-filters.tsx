import Link from "next/link";
import { RATINGS, RATING_LABELS } from "@/lib/domain/grades";
import type { SheetStatusFilter } from "@/lib/server/dal/appraisal/sheet";
import { SHEET_STATUS_LABELS } from "./text";

/** A plain GET form: filtering happens on the server, so it works for 10,000 people and without JavaScript. */
export function SheetFilters({
  action,
  q,
  status,
  branchId,
  branches,
}: {
  action: string;
  q: string;
  status: SheetStatusFilter;
  branchId?: string | null;
  /** HR only: the branch choice. */
  branches?: { id: string; name: string }[];
}) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3" role="search" aria-label="筛选考评名单">
      {branches ? (
        <div>
          <label htmlFor="filter-branch" className="mb-1 block text-xs text-slate-600">
            机构
          </label>
          <select id="filter-branch" name="branch" defaultValue={branchId ?? ""} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm">
            <option value="">全部机构</option>
            {branches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div>
        <label htmlFor="filter-status" className="mb-1 block text-xs text-slate-600">
          评级状态
        </label>
        <select id="filter-status" name="status" defaultValue={status} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm">
          {(["ALL", "UNRATED", "RATED"] as const).map((s) => (
            <option key={s} value={s}>
              {SHEET_STATUS_LABELS[s]}
            </option>
          ))}
          {RATINGS.map((r) => (
            <option key={r} value={r}>
              {RATING_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-48 flex-1 sm:flex-none">
        <label htmlFor="filter-q" className="mb-1 block text-xs text-slate-600">
          姓名或工号
        </label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="例如 张伟 或 300017"
          className="w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        />
      </div>
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
        筛选
      </button>
      {q || status !== "ALL" || branchId ? (
        <Link href={action} className="py-1.5 text-sm text-slate-600 hover:underline">
          清除筛选
        </Link>
      ) : null}
    </form>
  );
}
