"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface AspectBar {
  name: string;
  content: number | null;
  delivery: number | null;
  organisation: number | null;
  applicability: number | null;
}

const SERIES = [
  { key: "content", label: "课程内容", colour: "#1d4ed8" },
  { key: "delivery", label: "讲师讲授", colour: "#c2410c" },
  { key: "organisation", label: "培训组织", colour: "#047857" },
  { key: "applicability", label: "实用性", colour: "#6d28d9" },
] as const;

/** Mean 1–5 ratings per session or lecturer as grouped bars; the numbers are in the table beside it. */
export function EvaluationBars({ data, label, testId }: { data: AspectBar[]; label: string; testId?: string }) {
  const height = Math.max(220, 60 + data.length * 56);
  return (
    <div role="img" aria-label={label} style={{ height }} className="w-full" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16, top: 8, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 5]} ticks={[0, 1, 2, 3, 4, 5]} tick={{ fontSize: 11, fill: "#334155" }} />
          <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 11, fill: "#334155" }} />
          <Tooltip formatter={(v) => (typeof v === "number" ? v.toFixed(2) : String(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {SERIES.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.colour} barSize={8} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
