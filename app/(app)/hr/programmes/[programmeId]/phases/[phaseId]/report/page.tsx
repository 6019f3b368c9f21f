import type { Metadata } from "next";
import Link from "next/link";
import { pageLoad } from "@/lib/server/page-load";
import { getPhaseReport } from "@/lib/server/dal/programme-forms/report";
import { quarterLabel } from "@/lib/domain/dates";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable, right, type Column } from "@/components/ui/table";
import { EvaluationBars, type AspectBar } from "@/components/programme-forms/evaluation-charts";
import { formatDate, formatDateTime, formatMean, formatPercent } from "@/components/programme-forms/format";
import type { EffectSide } from "@/lib/server/dal/programme-forms/views";

export const metadata: Metadata = { title: "培训效果报告" };
export const dynamic = "force-dynamic";

function Stat({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 px-4 py-3" data-testid={testId}>
      <p className="text-xs text-slate-600">{label}</p>
      <p className="text-2xl font-semibold text-slate-900 tabular-nums">{value}</p>
      {hint ? <p className="text-xs text-slate-600">{hint}</p> : null}
    </div>
  );
}

const ASPECT_COLUMNS = ["内容", "讲授", "组织", "实用性", "综合"].map(right);

type Aspects = { content: number | null; delivery: number | null; organisation: number | null; applicability: number | null; overall: number | null };

/** One session's or lecturer's row: its texts, its counts, then the five mean ratings. */
function AspectRow({ texts, counts, r }: { texts: React.ReactNode[]; counts: number[]; r: Aspects }) {
  const means = [r.content, r.delivery, r.organisation, r.applicability, r.overall];
  return (
    <tr className="border-t border-slate-100">
      {texts.map((t, i) => (
        <td key={`t${i}`} className="py-2 pr-4">
          {t}
        </td>
      ))}
      {counts.map((n, i) => (
        <td key={`c${i}`} className="py-2 pr-4 text-right tabular-nums">
          {n}
        </td>
      ))}
      {means.map((v, i) => (
        <td key={`m${i}`} className={`py-2 text-right tabular-nums ${i < 4 ? "pr-4" : "font-medium"}`}>
          {formatMean(v)}
        </td>
      ))}
    </tr>
  );
}

/** What the mean ratings are grouped by: its name, the table's leading columns, what the card says while it has nothing to show. */
const RATED: Record<"session" | "lecturer", { noun: string; columns: (Column | string)[]; empty: { title: string; hint: string }; waiting?: string }> = {
  session: {
    noun: "课程",
    columns: ["课程", "时间", "讲师", right("报名"), right("出勤"), right("评估份数")],
    empty: { title: "本阶段还没有课程", hint: "请先在项目页为本阶段安排课程。" },
    waiting: "学员提交评估表后在这里显示图表。",
  },
  lecturer: {
    noun: "讲师",
    columns: ["讲师", right("场次"), right("评估份数")],
    empty: { title: "暂无讲师数据", hint: "课程安排了讲师并收到评估后显示。" },
  },
};

/**
 * A card of mean ratings by session or by lecturer: what to do while it has no rows, else the bar
 * chart once there are evaluations (before that a note) and its numbers in a table to open.
 */
function AspectCard({ by, evaluated, data, children }: { by: keyof typeof RATED; evaluated: boolean; data: AspectBar[]; children: React.ReactNode }) {
  const { noun, columns, empty, waiting } = RATED[by];
  const label = `各${noun}评估平均分柱状图，数据见下方表格`;
  const testId = `${by}-chart`;
  return (
    <Card title={`各${noun}评估（1–5 分）`}>
      {data.length === 0 ? (
        <EmptyState title={empty.title} hint={empty.hint} />
      ) : (
        <>
          {evaluated ? <EvaluationBars label={label} testId={testId} data={data} /> : waiting ? <p className="mb-3 text-sm text-slate-600">{waiting}</p> : null}
          <details className="mt-3" open={!evaluated}>
            <summary className="cursor-pointer text-sm text-brand-700">查看数据表</summary>
            <div className="mt-2">
              <DataTable testId={`${by}-table`} columns={[...columns, ...ASPECT_COLUMNS]}>
                {children}
              </DataTable>
            </div>
          </details>
        </>
      )}
    </Card>
  );
}

function EffectCell({ side, title }: { side: EffectSide; title: string }) {
  return (
    <div className="rounded-lg border border-slate-200 px-4 py-3">
      <p className="text-xs text-slate-600">
        {title}：{quarterLabel(side.quarter)}
      </p>
      {side.rated === 0 ? (
        <p className="mt-1 text-sm text-slate-700">尚无考评结果</p>
      ) : (
        <>
          <p className="text-sm text-slate-800">
            平均得分 <span className="text-xl font-semibold tabular-nums">{formatMean(side.meanScore)}</span>
            <span className="ml-1 text-xs text-slate-600">（{side.scored} 人有得分）</span>
          </p>
          <p className="text-sm text-slate-800">
            平均评级 <span className="font-semibold tabular-nums">{formatMean(side.meanLevel)}</span>
            <span className="ml-1 text-xs text-slate-600">（优秀=5 … 不合格=1，{side.rated} 人）</span>
          </p>
        </>
      )}
    </div>
  );
}

export default async function PhaseReportPage({ params }: { params: Promise<{ programmeId: string; phaseId: string }> }) {
  const { programmeId, phaseId } = await params;
  const { item: r } = await pageLoad("programme.manage", (viewer) => getPhaseReport(viewer, programmeId, phaseId));
  const evaluated = r.sessions.some((s) => s.evaluations > 0);
  const delta = (k: "meanScore" | "meanLevel") => {
    const a = r.effect.before[k];
    const b = r.effect.after[k];
    return a === null || b === null ? null : b - a;
  };
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${r.phase.name} · 培训效果报告`}
        subtitle={`${r.programme.name} · ${formatDate(r.phase.startsOn)}—${formatDate(r.phase.endsOn)}${r.phase.feedsQuarter ? ` · 行动计划计入${quarterLabel(r.phase.feedsQuarter)}考评` : ""}`}
        actions={
          <div className="flex flex-wrap gap-3 text-sm">
            <Link href={`/hr/programmes/${r.programme.id}`} className="text-brand-700 hover:underline">
              返回项目
            </Link>
            <a
              href={`/hr/programmes/${r.programme.id}/phases/${r.phase.id}/report/export`}
              className="rounded-md border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-100"
              download
            >
              导出 Excel
            </a>
          </div>
        }
      />

      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="report-stats">
        <Stat label="参训人数" value={String(r.participants)} hint={`实际出勤 ${r.attendees} 人（至少一场）`} testId="stat-participants" />
        <Stat
          label="出勤率"
          value={formatPercent(r.attendanceRate)}
          hint={`${r.attendedCount} / ${r.expectedAttendance} 人次（已开始的课程）`}
          testId="stat-attendance"
        />
        <Stat
          label="行动计划提交率"
          value={formatPercent(r.plans.submissionRate)}
          hint={`${r.plans.submitted} / ${r.attendees} 名出勤学员`}
          testId="stat-plans"
        />
        <Stat
          label="行动计划跟进率"
          value={formatPercent(r.plans.followUpRate)}
          hint={`${r.plans.followedUp} 份已跟进；30/60/90 天：${r.plans.byCheckpoint[30]}/${r.plans.byCheckpoint[60]}/${r.plans.byCheckpoint[90]}`}
          testId="stat-follow-ups"
        />
      </div>

      <Card title="培训效果（出勤学员的季度考评）">
        <p className="mb-3 text-sm text-slate-600">
          比较出勤学员在培训开始前一个季度与培训结束后一个季度的考评：平均得分只计有得分的考评，平均评级计入全部有评级的人。
        </p>
        <div className="grid gap-3 sm:grid-cols-3" data-testid="report-effect">
          <EffectCell side={r.effect.before} title="培训前" />
          <EffectCell side={r.effect.after} title="培训后" />
          <div className="rounded-lg border border-slate-200 px-4 py-3">
            <p className="text-xs text-slate-600">变化</p>
            <p className="text-sm text-slate-800">
              得分 {delta("meanScore") === null ? "—" : `${delta("meanScore")! >= 0 ? "+" : ""}${delta("meanScore")!.toFixed(2)}`}
            </p>
            <p className="text-sm text-slate-800">
              评级 {delta("meanLevel") === null ? "—" : `${delta("meanLevel")! >= 0 ? "+" : ""}${delta("meanLevel")!.toFixed(2)}`}
            </p>
            <p className="mt-1 text-xs text-slate-600">
              行动计划平均分 {formatMean(r.plans.meanFinalScore)}（{r.plans.scored} 份已评分）
            </p>
          </div>
        </div>
      </Card>

      <AspectCard by="session" evaluated={evaluated} data={r.sessions.map((s) => ({ ...s, name: s.title }))}>
        {r.sessions.map((s) => (
          <AspectRow
            key={s.id}
            texts={[
              s.title,
              <span key="time" className="whitespace-nowrap">
                {formatDateTime(s.startsAt)}
              </span>,
              s.lecturer,
            ]}
            counts={[s.seats, s.attended, s.evaluations]}
            r={s}
          />
        ))}
      </AspectCard>

      <AspectCard by="lecturer" evaluated={evaluated} data={r.lecturers.map((l) => ({ ...l, name: l.lecturer }))}>
        {r.lecturers.map((l) => (
          <AspectRow key={l.lecturer} texts={[l.lecturer]} counts={[l.sessions, l.evaluations]} r={l} />
        ))}
      </AspectCard>

      <Card title={`学员意见和建议（${r.comments.length} 条）`}>
        {r.comments.length === 0 ? (
          <EmptyState title="暂无意见" hint="学员在评估表中填写的意见会匿名显示在这里。" />
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="report-comments">
            {r.comments.map((c, i) => (
              <li key={i} className="py-2">
                <span className="mr-2 text-xs text-slate-600">{c.sessionTitle}</span>
                <span className="whitespace-pre-wrap text-slate-800">{c.comment}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
