// Charts over 300 branches would be 9,000 px of bars (and 300 table rows sent twice, into the HTML
// and the RSC payload): a chart shows the branches that matter most and folds the rest into one row.

/** Branch rows a chart shows before the rest are folded into one. */
export const CHART_BRANCHES = 12;

/**
 * The first `limit` rows in `order`, then one row summing the others (`fold` builds it from them
 * and their count). Lists of at most `limit + 1` rows are returned as they are, in `order`.
 */
export function topWithRest<T>(rows: T[], order: (a: T, b: T) => number, fold: (others: T[], count: number) => T, limit = CHART_BRANCHES): T[] {
  const sorted = [...rows].sort(order);
  if (sorted.length <= limit + 1) return sorted;
  const others = sorted.slice(limit);
  return [...sorted.slice(0, limit), fold(others, others.length)];
}

/** "其余 288 个机构". */
export const restLabel = (count: number) => `其余 ${count} 个机构`;

/** Sums the numeric fields `keys` over `rows`. */
export function sumKeys<K extends string>(rows: Record<K, number>[], keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, rows.reduce((s, r) => s + (r[k] ?? 0), 0)])) as Record<K, number>;
}
