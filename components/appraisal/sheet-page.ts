import type { Metadata } from "next";
import { isQuarter } from "@/lib/domain/dates";
import { quarterLabel } from "@/lib/format";

/** The props of a quarter's appraisal sheet page (HR's and a branch head's). */
export interface SheetPageProps {
  params: Promise<{ quarter: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Tab title of a quarter's sheet: 2026年第三季度 · 季度考评. */
export async function quarterSheetMetadata({ params }: { params: Promise<{ quarter: string }> }): Promise<Metadata> {
  const { quarter } = await params;
  return { title: isQuarter(quarter) ? `${quarterLabel(quarter)} · 季度考评` : "季度考评" };
}
