import Link from "next/link";
import { GRADES, GRADE_LABELS, ROLES, ROLE_LABELS } from "@/lib/domain/grades";
import type { BranchOption, PeopleFilters } from "@/lib/server/dal/people-admin/views";
import { FilterForm, optionsOf, namedOptions } from "@/components/ui/fields";
import { STATUS_LABELS } from "./labels";

/** A plain GET form: the list is filtered on the server, also without JavaScript. */
export function PeopleFiltersForm({ filters, branches }: { filters: PeopleFilters; branches: BranchOption[] }) {
  const any = Boolean(filters.q || filters.branchId || filters.role || filters.grade || filters.status);
  const fields = [
    { name: "q", label: "姓名、工号或邮箱", type: "search", placeholder: "例如 张伟 或 300017", className: "col-span-2 sm:min-w-48 sm:flex-1" },
    { name: "branchId", label: "机构", options: namedOptions(branches), empty: "全部机构" },
    { name: "role", label: "岗位", options: optionsOf(ROLES, ROLE_LABELS), empty: "全部岗位" },
    { name: "grade", label: "等级", options: [...optionsOf(GRADES, GRADE_LABELS), ["NONE", "未定级"] as const], empty: "全部等级" },
    { name: "status", label: "状态", options: STATUS_LABELS },
  ] as const;
  return (
    <FilterForm
      label="筛选人员"
      idPrefix="people"
      action="/hr/people"
      search
      fields={fields}
      values={filters}
      className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap"
    >
      {any ? (
        <Link href="/hr/people" className="py-1.5 text-sm text-slate-700 hover:underline">
          清除筛选
        </Link>
      ) : null}
    </FilterForm>
  );
}
