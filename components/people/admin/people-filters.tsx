import Link from "next/link";
import { GRADES, GRADE_LABELS, ROLES, ROLE_LABELS } from "@/lib/domain/grades";
import type { BranchOption, PeopleFilters } from "@/lib/server/dal/people-admin/views";
import { STATUS_LABELS } from "./labels";

const selectClass = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** A plain GET form: the list is filtered on the server, also without JavaScript. */
export function PeopleFiltersForm({ filters, branches }: { filters: PeopleFilters; branches: BranchOption[] }) {
  const any = Boolean(filters.q || filters.branchId || filters.role || filters.grade || filters.status);
  return (
    <form method="get" action="/hr/people" role="search" aria-label="筛选人员" className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap">
      <div className="col-span-2 sm:min-w-48 sm:flex-1">
        <label htmlFor="people-q" className="mb-1 block text-xs text-slate-600">
          姓名、工号或邮箱
        </label>
        <input id="people-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="例如 张伟 或 300017" className={selectClass} />
      </div>
      <div>
        <label htmlFor="people-branch" className="mb-1 block text-xs text-slate-600">
          机构
        </label>
        <select id="people-branch" name="branchId" defaultValue={filters.branchId ?? ""} className={selectClass}>
          <option value="">全部机构</option>
          {branches.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="people-role" className="mb-1 block text-xs text-slate-600">
          岗位
        </label>
        <select id="people-role" name="role" defaultValue={filters.role ?? ""} className={selectClass}>
          <option value="">全部岗位</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="people-grade" className="mb-1 block text-xs text-slate-600">
          等级
        </label>
        <select id="people-grade" name="grade" defaultValue={filters.grade ?? ""} className={selectClass}>
          <option value="">全部等级</option>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {GRADE_LABELS[g]}
            </option>
          ))}
          <option value="NONE">未定级</option>
        </select>
      </div>
      <div>
        <label htmlFor="people-status" className="mb-1 block text-xs text-slate-600">
          状态
        </label>
        <select id="people-status" name="status" defaultValue={filters.status ?? ""} className={selectClass}>
          <option value="">全部</option>
          <option value="ACTIVE">{STATUS_LABELS.ACTIVE}</option>
          <option value="EXITED">{STATUS_LABELS.EXITED}</option>
        </select>
      </div>
      <div className="col-span-2 flex gap-3">
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          筛选
        </button>
        {any ? (
          <Link href="/hr/people" className="py-1.5 text-sm text-slate-700 hover:underline">
            清除筛选
          </Link>
        ) : null}
      </div>
    </form>
  );
}
