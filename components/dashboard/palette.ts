// Chart colours of the dashboards. Series differ in lightness as well as hue (blue ↔ orange), so
// they read for colour-blind eyes and in greyscale; every number is also in the data table.
import type { Grade, Rating } from "@/lib/domain/grades";

export const GRADE_COLOURS: Record<Grade | "NONE", string> = {
  TRAINEE: "#bfdbfe",
  JUNIOR: "#60a5fa",
  INTERMEDIATE: "#2563eb",
  SENIOR: "#1e3a8a",
  PRINCIPAL: "#0f172a",
  NONE: "#f59e0b",
};

export const RATING_COLOURS: Record<Rating, string> = {
  EXCELLENT: "#1e40af",
  GOOD: "#60a5fa",
  QUALIFIED: "#cbd5e1",
  BASIC: "#fb923c",
  UNQUALIFIED: "#9a3412",
};

export const DONE_COLOUR = "#1d4ed8";
export const TODO_COLOUR = "#fdba74";
