import "server-only";
import ExcelJS from "exceljs";
import { CONTEST_EVENT_LABELS, RANKINGS, RANKING_LABELS, safeCell, type ContestEventKind, type Ranking } from "@/lib/domain/contest";
import type { ContestResultsView, StandingRow } from "./views";

const SHEET_NAMES: Record<Ranking, string> = {
  OVERALL: "个人综合",
  KNOWLEDGE_TEST: "业务基础知识",
  OPERATIONS: "业务操作技能",
  PITCH: "个人营销技能展示",
  TEAM: "团队排名",
};

function text(value: string): string {
  return safeCell(value);
}

/** One workbook, one sheet per ranking; text cells that would run as formulas are neutralised. */
export async function rankingsWorkbook(results: ContestResultsView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const kinds = results.contest.events.map((e) => e.kind);
  for (const ranking of RANKINGS) {
    const sheet = workbook.addWorksheet(SHEET_NAMES[ranking]);
    const team = ranking === "TEAM";
    const scoreKinds: ContestEventKind[] = ranking === "OVERALL" ? kinds : team ? ["TEAM_PROPOSAL"] : [ranking as ContestEventKind];
    const header = [
      "名次",
      team ? "团队" : "姓名",
      team ? "成员" : "工号",
      "支行",
      ...scoreKinds.map((k) => `${CONTEST_EVENT_LABELS[k]}得分`),
      ranking === "OVERALL" ? "综合得分" : "得分率(%)",
    ];
    sheet.addRow([RANKING_LABELS[ranking]]);
    sheet.addRow(header);
    sheet.getRow(2).font = { bold: true };
    for (const row of results.rankings[ranking] as StandingRow[]) {
      sheet.addRow([row.rank, text(row.name), text(row.detail), text(row.branchName), ...scoreKinds.map((k) => row.scores[k] ?? ""), row.total]);
    }
    sheet.columns.forEach((c, i) => (c.width = i === 2 && team ? 30 : 14));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
