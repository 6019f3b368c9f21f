import { wholeMonthsBetween, type IsoDate } from "./dates";

/** Tenure in role (任职年限) in whole months from roleStartDate to `asOf`. */
export function tenureMonths(roleStartDate: IsoDate, asOf: IsoDate): number {
  return wholeMonthsBetween(roleStartDate, asOf);
}

/** 27 → "2年3个月"; 5 → "5个月"; 24 → "2年". */
export function formatTenure(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return `${rest}个月`;
  return rest === 0 ? `${years}年` : `${years}年${rest}个月`;
}
