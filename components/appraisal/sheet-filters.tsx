import Link from "next/link";
import { RATINGS, RATING_LABELS } from "@/lib/domain/grades";
import type { SheetStatusFilter } from "@/lib/server/dal/appraisal/sheet";
import { SHEET_STATUS_LABELS } from "./text";
import { FilterForm, optionsOf, type FilterField, type Option, namedOptions } from "@/components/ui/fields";

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
  const fields: FilterField[] = [
    ...(branches ? [{ name: "branch", label: "机构", options: namedOptions(branches), empty: "全部机构" }] : []),
    { name: "status", label: "评级状态", options: STATUS_CHOICES, empty: null },
    { name: "q", label: "姓名或工号", type: "search", placeholder: "例如 张伟 或 300017", className: "min-w-48 flex-1 sm:flex-none" },
  ];
  return (
    <FilterForm label="筛选考评名单" idPrefix="filter" search action={action} fields={fields} values={{ branch: branchId ?? "", status, q }}>
      {q || status !== "ALL" || branchId ? (
        <Link href={action} className="py-1.5 text-sm text-slate-600 hover:underline">
          清除筛选
        </Link>
      ) : null}
    </FilterForm>
  );
}

const STATUS_CHOICES: Option[] = [
  ...(["ALL", "UNRATED", "RATED"] as const).map((s) => [s, SHEET_STATUS_LABELS[s]] as const),
  ...optionsOf(RATINGS, RATING_LABELS),
];
