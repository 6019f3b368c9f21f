import "server-only";
import type { Viewer } from "@/lib/server/auth/viewer";
import { writeWorkbook, type SheetSpec } from "@/lib/server/spreadsheet";
import { quarterLabel } from "@/lib/domain/dates";
import { formatStamp } from "@/lib/format";
import { getPhaseReport } from "./report";
import type { EvaluationMeans, ReportLecturerRow, ReportSessionRow } from "./views";

const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);
/** The phase report as an XLSX workbook (概况, 课程评估, 讲师评估, 学员意见); null outside HR's scope. */
export async function exportPhaseReport(viewer: Viewer, programmeId: string, phaseId: string): Promise<{ file: Buffer; fileName: string } | null> {
  const r = await getPhaseReport(viewer, programmeId, phaseId);
  if (!r) return null;
  type KV = { k: string; v: string | number | null };
  const summary: KV[] = [
    { k: "项目", v: r.programme.name },
    { k: "阶段", v: r.phase.name },
    { k: "日期", v: `${r.phase.startsOn} 至 ${r.phase.endsOn}` },
    { k: "参训人数", v: r.participants },
    { k: "实际出勤人数（至少出勤一场）", v: r.attendees },
    { k: "出勤率", v: pct(r.attendanceRate) },
    { k: "行动计划提交数", v: r.plans.submitted },
    { k: "行动计划提交率", v: pct(r.plans.submissionRate) },
    { k: "已跟进的行动计划数", v: r.plans.followedUp },
    { k: "跟进率", v: pct(r.plans.followUpRate) },
    { k: "30 天跟进", v: r.plans.byCheckpoint[30] },
    { k: "60 天跟进", v: r.plans.byCheckpoint[60] },
    { k: "90 天跟进", v: r.plans.byCheckpoint[90] },
    { k: "已评分的行动计划数", v: r.plans.scored },
    { k: "行动计划平均分", v: r.plans.meanFinalScore },
    ...[r.effect.before, r.effect.after].flatMap((e, i) => [
      { k: `${i === 0 ? "培训前" : "培训后"}（${quarterLabel(e.quarter)}）有考评结果的人数`, v: e.rated },
      { k: `${i === 0 ? "培训前" : "培训后"}（${quarterLabel(e.quarter)}）平均考评得分`, v: e.meanScore },
      { k: `${i === 0 ? "培训前" : "培训后"}（${quarterLabel(e.quarter)}）平均评级（优秀=5…不合格=1）`, v: e.meanLevel },
    ]),
  ];
  /** The evaluation count and mean marks, the same columns on the session and the lecturer sheet. */
  const evaluationColumns = <T extends EvaluationMeans>() => [
    { header: "评估份数", value: (x: T) => x.evaluations },
    { header: "内容", value: (x: T) => x.content },
    { header: "讲授", value: (x: T) => x.delivery },
    { header: "组织", value: (x: T) => x.organisation },
    { header: "实用性", value: (x: T) => x.applicability },
    { header: "综合", value: (x: T) => x.overall },
  ];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sheet has its own row type
  const sheets: SheetSpec<any>[] = [
    {
      name: "概况",
      columns: [
        { header: "项目", value: (x: KV) => x.k, width: 44 },
        { header: "数值", value: (x: KV) => x.v, width: 30 },
      ],
      rows: summary,
    },
    {
      name: "课程评估",
      columns: [
        { header: "课程", value: (x: ReportSessionRow) => x.title, width: 30 },
        { header: "时间", value: (x: ReportSessionRow) => formatStamp(x.startsAt), width: 20 },
        { header: "讲师", value: (x: ReportSessionRow) => x.lecturer, width: 14 },
        { header: "报名", value: (x: ReportSessionRow) => x.seats },
        { header: "出勤", value: (x: ReportSessionRow) => x.attended },
        ...evaluationColumns<ReportSessionRow>(),
      ],
      rows: r.sessions,
    },
    {
      name: "讲师评估",
      columns: [
        { header: "讲师", value: (x: ReportLecturerRow) => x.lecturer, width: 14 },
        { header: "场次", value: (x: ReportLecturerRow) => x.sessions },
        ...evaluationColumns<ReportLecturerRow>(),
      ],
      rows: r.lecturers,
    },
    {
      name: "学员意见",
      columns: [
        { header: "课程", value: (x: { sessionTitle: string }) => x.sessionTitle, width: 30 },
        { header: "意见和建议", value: (x: { comment: string }) => x.comment, width: 80 },
      ],
      rows: r.comments,
    },
  ];
  const file = await writeWorkbook(sheets);
  return { file, fileName: `${r.phase.name}-培训效果报告.xlsx` };
}
