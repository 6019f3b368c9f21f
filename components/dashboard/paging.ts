// Server-side paging of long lists (a 250-person branch, 300 branches): the page number comes from
// the URL (?page=), out-of-range numbers land on the nearest page.

export interface PageSlice<T> {
  rows: T[];
  page: number;
  pageCount: number;
  total: number;
}

/** `?page=` as a positive integer (1 when absent or not a number). */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number.parseInt(String(Array.isArray(value) ? value[0] : (value ?? "1")), 10);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** One page of `items`. */
export function pageOf<T>(items: T[], page: number, pageSize: number): PageSlice<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const current = Math.min(pageCount, Math.max(1, page));
  return { rows: items.slice((current - 1) * pageSize, current * pageSize), page: current, pageCount, total: items.length };
}
