import { CompetencyRadar } from "@/components/charts/competency-radar";

export interface RequirementRow {
  name: string;
  result: number | null;
  required: number | null;
  nextRequired: number | null;
}

/**
 * Competency results (filled, blue) against the current grade's requirement (orange, dashed) and
 * the next grade's (dark grey, dotted); a missing value is drawn at 0 (the table beside shows "—").
 */
export function RequirementRadar({ label, rows, legend }: { label: string; rows: RequirementRow[]; legend: [result: string, required: string, next: string] }) {
  return (
    <CompetencyRadar
      label={label}
      data={rows.map((r) => ({ name: r.name, result: r.result ?? 0, required: r.required ?? 0, nextRequired: r.nextRequired ?? 0 }))}
      series={[
        { key: "result", label: legend[0], colour: "#2563eb", filled: true },
        { key: "required", label: legend[1], colour: "#c2410c", dash: "6 3" },
        { key: "nextRequired", label: legend[2], colour: "#334155", dash: "2 3" },
      ]}
    />
  );
}
