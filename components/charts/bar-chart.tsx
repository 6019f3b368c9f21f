"use client";

import { Bar, BarChart as RBarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface BarSeries {
  key: string;
  label: string;
  colour: string;
}

export type BarDatum = { name: string } & Record<string, string | number | null>;

/**
 * Horizontal bars, one row per category (branch names stay readable on a phone), stacked or side
 * by side. Text in the chart is dark slate on white; series differ in lightness as well as hue.
 */
export function BarChart({
  data,
  series,
  label,
  stacked = false,
  unit = "",
  max,
}: {
  data: BarDatum[];
  series: BarSeries[];
  /** The accessible name of the picture (the numbers are in the data table). */
  label: string;
  stacked?: boolean;
  unit?: string;
  /** Fixed end of the value axis (e.g. 100 for percentages). */
  max?: number;
}) {
  const rowHeight = stacked || series.length === 1 ? 30 : 18 * series.length + 12;
  const height = Math.max(160, 70 + data.length * rowHeight);
  return (
    <div role="img" aria-label={label} style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <RBarChart data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#cbd5e1" />
          <XAxis type="number" domain={[0, max ?? "auto"]} allowDecimals={false} tick={{ fontSize: 11, fill: "#334155" }} unit={unit} />
          <YAxis type="category" dataKey="name" width={84} tick={{ fontSize: 12, fill: "#1e293b" }} interval={0} />
          <Tooltip formatter={(value) => (typeof value === "number" ? `${value}${unit}` : "—")} />
          {/* Legend text in dark slate (recharts would colour it like the series, too light to read). */}
          <Legend wrapperStyle={{ fontSize: 12 }} formatter={(value) => <span style={{ color: "#1e293b" }}>{value}</span>} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId={stacked ? "stack" : undefined} fill={s.colour} isAnimationActive={false} />
          ))}
        </RBarChart>
      </ResponsiveContainer>
    </div>
  );
}
