import "server-only";
import type { Viewer } from "@/lib/server/auth/viewer";
import { writeTable, type Column } from "@/lib/server/spreadsheet";
import { CATEGORY_LABELS, TIER_LABELS, type Category, type Tier } from "@/lib/domain/curriculum-labels";
import { completionReport, type CompletionRow } from "./reports";

export type ReportPart = "tier" | "branch" | "category";

const FIRST: Record<ReportPart, string> = { tier: "层级", branch: "机构", category: "类别" };

function columns(part: ReportPart): Column<CompletionRow>[] {
  return [
    { header: FIRST[part], value: (r) => r.label },
    { header: "应学", value: (r) => r.enrolled },
    { header: "待学习", value: (r) => r.assigned },
    { header: "学习中", value: (r) => r.inProgress },
    { header: "已完成", value: (r) => r.completed },
    { header: "免修", value: (r) => r.waived },
    { header: "逾期", value: (r) => r.overdue },
    { header: "完成率(%)", value: (r) => r.rate },
    { header: "完成学时", value: (r) => r.completedHours },
    { header: "考试均分", value: (r) => r.examAverage },
  ];
}

/** The completion report with Chinese labels, ready for a page or a file. */
export async function labelledCompletionReport(viewer: Viewer) {
  const report = await completionReport(viewer);
  return {
    byTier: report.byTier.map((r) => ({ ...r, label: TIER_LABELS[r.key as Tier] ?? r.label })),
    byBranch: report.byBranch,
    byCategory: report.byCategory.map((r) => ({ ...r, label: CATEGORY_LABELS[r.key as Category] ?? r.label })),
  };
}

export async function exportCompletionReport(viewer: Viewer, part: ReportPart, format: "xlsx" | "csv"): Promise<Buffer> {
  const report = await labelledCompletionReport(viewer);
  const rows = part === "tier" ? report.byTier : part === "branch" ? report.byBranch : report.byCategory;
  return writeTable(format, `按${FIRST[part]}`, columns(part), rows);
}
