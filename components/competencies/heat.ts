// Colours for gap cells: a blue–orange diverging scale (safe for red–green colour blindness).
// Orange = below the requirement (positive gap), blue = at or above it; every cell also shows
// its number, so the colour is never the only carrier of the meaning.

const SHORTFALL = [
  { from: 1.5, background: "#a63603", color: "#ffffff" },
  { from: 1, background: "#c2410c", color: "#ffffff" },
  { from: 0.5, background: "#fd8d3c", color: "#1f2937" },
  { from: 0, background: "#fdd0a2", color: "#1f2937" },
] as const;

const SURPLUS = [
  { to: -1, background: "#1d6fb8", color: "#ffffff" },
  { to: -0.5, background: "#9ecae1", color: "#1f2937" },
  { to: 0, background: "#deebf7", color: "#1f2937" },
] as const;

export function gapColours(gap: number | null): { background: string; color: string } {
  if (gap === null) return { background: "#f8fafc", color: "#475569" };
  if (gap > 0) return SHORTFALL.find((s) => gap >= s.from) ?? SHORTFALL[3];
  return SURPLUS.find((s) => gap <= s.to) ?? SURPLUS[2];
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
  { label: "差 ≥ 1.5 级", ...SHORTFALL[0] },
  { label: "差 1–1.5 级", ...SHORTFALL[1] },
  { label: "差 0.5–1 级", ...SHORTFALL[2] },
  { label: "差不到 0.5 级", ...SHORTFALL[3] },
  { label: "达到要求", ...SURPLUS[2] },
  { label: "超出 0.5–1 级", ...SURPLUS[1] },
  { label: "超出 ≥ 1 级", ...SURPLUS[0] },
];
