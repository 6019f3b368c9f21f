// Colours for gap cells: a blue–orange diverging scale (safe for red–green colour blindness).
// Orange = below the requirement (positive gap), blue = at or above it; every cell also shows
// its number, so the colour is never the only carrier of the meaning. The colours are CSS classes
// (app/globals.css, .gap-*): one short class per cell instead of an inline style.

const SHORTFALL = [
  { from: 1.5, className: "gap-short-4" },
  { from: 1, className: "gap-short-3" },
  { from: 0.5, className: "gap-short-2" },
  { from: 0, className: "gap-short-1" },
] as const;

const SURPLUS = [
  { to: -1, className: "gap-over-3" },
  { to: -0.5, className: "gap-over-2" },
  { to: 0, className: "gap-over-1" },
] as const;

/** The colour class of a gap cell (no result: a neutral grey). */
export function gapClass(gap: number | null): string {
  if (gap === null) return "gap-none";
  if (gap > 0) return (SHORTFALL.find((s) => gap >= s.from) ?? SHORTFALL[3]).className;
  return (SURPLUS.find((s) => gap <= s.to) ?? SURPLUS[2]).className;
}

export function formatGap(gap: number | null): string {
  if (gap === null) return "—";
  if (gap === 0) return "0";
  return gap > 0 ? `+${gap.toFixed(2)}` : gap.toFixed(2);
}

export function formatLevel(level: number | null): string {
  return level === null ? "—" : Number.isInteger(level) ? String(level) : level.toFixed(2);
}

export const HEAT_LEGEND = [
  { label: "差 ≥ 1.5 级", className: SHORTFALL[0].className },
  { label: "差 1–1.5 级", className: SHORTFALL[1].className },
  { label: "差 0.5–1 级", className: SHORTFALL[2].className },
  { label: "差不到 0.5 级", className: SHORTFALL[3].className },
  { label: "达到要求", className: SURPLUS[2].className },
  { label: "超出 0.5–1 级", className: SURPLUS[1].className },
  { label: "超出 ≥ 1 级", className: SURPLUS[0].className },
];
