import Link from "next/link";

/** Previous/next links that keep the current filters (params with a value), with a count line. */
export function Pagination({
  basePath,
  params,
  page,
  pageCount,
  matching,
  unit = "人",
  param = "page",
  label = "分页",
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  page: number;
  pageCount: number;
  matching: number;
  /** What is counted: 共 12 人 / 共 12 条. */
  unit?: string;
  /** The query parameter of the page number (two paged lists on one page need two). */
  param?: string;
  /** The navigation's accessible name (unique when a page has two). */
  label?: string;
}) {
  const href = (p: number) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
    if (p > 1) search.set(param, String(p));
    const s = search.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <span>
        共 {matching} {unit}
        {pageCount > 1 ? `，第 ${page}/${pageCount} 页` : ""}
      </span>
      {pageCount > 1 ? (
        <span className="flex gap-2">
          {page > 1 ? (
            <Link href={href(page - 1)} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100" rel="prev">
              上一页
            </Link>
          ) : null}
          {page < pageCount ? (
            <Link href={href(page + 1)} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100" rel="next">
              下一页
            </Link>
          ) : null}
        </span>
      ) : null}
    </nav>
  );
}
