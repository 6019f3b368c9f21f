import { Pagination } from "@/components/ui/pagination";
import type { PageSlice } from "./paging";

/** The count and previous/next links of one page of a list sliced with `pageOf`; nothing while it fits one page. */
export function SliceNav({
  slice,
  basePath,
  params,
  unit,
  param,
  label,
}: {
  slice: PageSlice<unknown>;
  basePath: string;
  params: Record<string, string | undefined>;
  unit?: string;
  param?: string;
  label?: string;
}) {
  if (slice.pageCount <= 1) return null;
  return (
    <Pagination
      basePath={basePath}
      params={params}
      page={slice.page}
      pageCount={slice.pageCount}
      matching={slice.total}
      unit={unit}
      param={param}
      label={label}
    />
  );
}
