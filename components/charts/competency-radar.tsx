"use client";

import { Legend, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer, Tooltip } from "recharts";

export interface RadarPoint {
  name: string;
  [series: string]: string | number | null;
}

export interface RadarSeries {
  key: string;
  label: string;
  colour: string;
  /** Filled area (the result) or an outline (requirements). */
  filled?: boolean;
  dash?: string;
}

/**
 * Competencies on a 0–5 radar: the assessed result filled, requirements as outlines. Colours are
 * blue / orange / dark grey with different line styles, so they read without colour vision too;
 * the numbers are always in the table next to the chart.
 */
export function CompetencyRadar({ data, series, label }: { data: RadarPoint[]; series: RadarSeries[]; label: string }) {
  return (
    <div role="img" aria-label={label} className="h-80 w-full" data-testid="competency-radar">
      <ResponsiveContainer width="100%" height="100%">
        <RadarChart data={data} outerRadius="72%">
          <PolarGrid />
          <PolarAngleAxis dataKey="name" tick={{ fontSize: 12, fill: "#334155" }} />
          <PolarRadiusAxis domain={[0, 5]} tickCount={6} angle={90} tick={{ fontSize: 10, fill: "#334155" }} />
          {series.map((s) => (
            <Radar
              key={s.key}
              name={s.label}
              dataKey={s.key}
              stroke={s.colour}
              strokeWidth={2}
              strokeDasharray={s.dash}
              fill={s.colour}
              fillOpacity={s.filled ? 0.25 : 0}
              isAnimationActive={false}
            />
          ))}
          <Tooltip formatter={(value) => (typeof value === "number" ? value.toFixed(2) : "—")} />
          <Legend formatter={(value) => <span style={{ color: "#1e293b" }}>{value}</span>} />
        </RadarChart>
      </ResponsiveContainer>
    </div>
  );
}
