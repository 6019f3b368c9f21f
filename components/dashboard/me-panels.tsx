// The account manager's and assistant's home panels (server components).
import Link from "next/link";
import { FOLLOW_UP_STATUS_LABELS } from "@/components/programme-forms/format";
import { ChartCard } from "@/components/charts/chart-card";
import { CompetencyRadar } from "@/components/charts/competency-radar";
import { Card, Panel } from "@/components/ui/card";
import { GRADE_LABELS } from "@/lib/domain/grades";
import { SOURCE_LABELS } from "@/lib/domain/competency";
import { ENROLMENT_STATUS_LABELS } from "@/lib/domain/curriculum-labels";
import { formatDate, formatDateTime, formatScore } from "@/lib/format";
import type { MyCompetenciesView } from "@/lib/server/dal/competencies/results";
import type { PendingForm } from "@/lib/server/dal/competencies/assessments";
import type { MyEnrolmentView } from "@/lib/server/dal/courses/learner";
import type { MyActionPlanView } from "@/lib/server/dal/dashboard/me";
import type { TimelineEvent } from "@/lib/server/dal/dashboard/views";
import { linkClass } from "./link-class";

/** What each panel says while it has nothing to show, and what to do next. */
const EMPTY = {
  plans: { title: "还没有行动计划", hint: "参加雏鹰或金鹰训练营后，在训练营结束时填写的行动计划与跟进记录会显示在这里。" },
  events: { title: "暂无记录", hint: "任职、定级、季度考评、认证与完成的课程会按时间显示在这里。" },
};

export function MyRadarPanel({ view }: { view: MyCompetenciesView }) {
  const current = view.grade ? GRADE_LABELS[view.grade] : "当前等级";
  const next = view.nextGrade ? GRADE_LABELS[view.nextGrade] : "下一等级";
  const hasResult = view.rows.some((r) => r.result !== null);
  return (
    <ChartCard
      testId="panel-my-radar"
      title="我的能力雷达"
      unit="级（1–5）"
      description={view.cycle ? `${view.cycle.name}：评估结果与${current}、${next}要求` : undefined}
      empty={!hasResult}
      emptyHint={
        view.cycle
          ? "本周期还没有评估结果。提交自评、上级完成评价后，这里会显示雷达图。"
          : "人力资源部开启胜任力评估周期并完成评估后，这里会显示您的能力与等级要求的对比。"
      }
      actions={
        <Link href="/me/competencies" className={`text-sm ${linkClass}`}>
          我的胜任力
        </Link>
      }
      table={{
        columns: ["能力", "评估结果", `${current}要求`, `${next}要求`],
        rows: view.rows.map((r) => [r.name, formatScore(r.result), formatScore(r.required, 0), formatScore(r.nextRequired, 0)]),
      }}
    >
      <CompetencyRadar
        label={`我的各项能力评估结果与${current}、${next}等级要求`}
        data={view.rows.map((r) => ({ name: r.name, result: r.result ?? 0, required: r.required ?? 0, nextRequired: r.nextRequired ?? 0 }))}
        series={[
          { key: "result", label: "评估结果", colour: "#2563eb", filled: true },
          { key: "required", label: `${current}要求`, colour: "#c2410c", dash: "6 3" },
          { key: "nextRequired", label: `${next}要求`, colour: "#334155", dash: "2 3" },
        ]}
      />
    </ChartCard>
  );
}

const FORM_TEXT = { SELF: "我的自评", MANAGER: "上级评价", PEER: "同事评价" } as const;

/** 待我完成: assessment forms (self, peers) and required courses not yet done, due dates first. */
export function MyDuePanel({ forms, courses, showForms }: { forms: PendingForm[]; courses: MyEnrolmentView[]; showForms: boolean }) {
  const due = courses
    .filter((c) => c.status === "ASSIGNED" || c.status === "IN_PROGRESS")
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999"));
  const overdue = due.filter((c) => c.overdue).length;
  const nothing = (showForms ? forms.length : 0) === 0 && due.length === 0;
  return (
    <Card
      title="待我完成"
      actions={
        overdue > 0 ? (
          <span className="rounded bg-orange-100 px-2 py-0.5 text-sm font-medium text-orange-900 ring-1 ring-orange-400">{overdue} 门必修课已逾期</span>
        ) : undefined
      }
    >
      <div data-testid="panel-my-due">
        {nothing ? (
          <p className="text-sm text-slate-600">暂无待办：评估表均已提交，必修课均已完成。新的评估周期或课程指派后会显示在这里。</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {showForms
              ? forms.map((f) => (
                  <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid={`due-form-${f.source}`}>
                    <span>
                      <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{SOURCE_LABELS[f.source]}</span>
                      {f.source === "SELF" ? FORM_TEXT.SELF : `评价同事：${f.assesseeName}`}
                      <span className="ml-2 text-xs text-slate-600">
                        {f.cycleName} · {formatDate(f.deadline)}截止
                      </span>
                    </span>
                    <Link href={`/me/competencies/assess/${f.id}`} className={linkClass}>
                      去填写<span className="sr-only">：{f.source === "SELF" ? FORM_TEXT.SELF : f.assesseeName}</span>
                    </Link>
                  </li>
                ))
              : null}
            {due.map((c) => (
              <li key={c.enrolmentId} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="due-course">
                <span>
                  <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{c.required ? "必修" : "选修"}</span>
                  {c.title}
                  <span className="ml-2 text-xs text-slate-600">{ENROLMENT_STATUS_LABELS[c.status]}</span>
                  {c.dueDate ? (
                    <span className={`ml-2 text-xs ${c.overdue ? "font-medium text-orange-800" : "text-slate-600"}`}>
                      {c.overdue ? "已逾期，" : ""}
                      {formatDate(c.dueDate)}前完成
                    </span>
                  ) : null}
                </span>
                <Link href="/me/courses" className={linkClass}>
                  去学习<span className="sr-only">：{c.title}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

export function MyActionPlans({ plans }: { plans: MyActionPlanView[] }) {
  return (
    <Panel title="我的行动计划" testId="panel-action-plans" empty={plans.length === 0 && EMPTY.plans}>
      <ul className="space-y-3 text-sm">
        {plans.map((p) => (
          <li key={p.id} className="rounded-lg border border-slate-200 p-3">
            <p className="font-medium text-slate-900">{p.phaseName}</p>
            <p className="mt-1 text-slate-700">{p.goals}</p>
            <p className="mt-1 text-xs text-slate-600">
              {p.submitted ? "已提交" : "草稿"}
              {p.deadline ? ` · ${formatDate(p.deadline)}前完成` : ""}
              {p.finalScore !== null ? ` · 评分 ${formatScore(p.finalScore, 1)}` : ""}
              {p.lastFollowUp
                ? ` · 最近跟进 ${formatDateTime(p.lastFollowUp.recordedAt)}：${FOLLOW_UP_STATUS_LABELS[p.lastFollowUp.status]}`
                : " · 尚无跟进记录"}
            </p>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

const EVENT_MARK: Record<TimelineEvent["kind"], string> = { ROLE_START: "入", GRADE: "级", RATING: "评", CERTIFICATION: "证", COURSE: "课" };

/** The newest entries shown on the home; the rest one link away (`?history=all`). */
export const TIMELINE_RECENT = 8;

export function MyTimeline({ events, all = false }: { events: TimelineEvent[]; all?: boolean }) {
  const shown = all ? events : events.slice(0, TIMELINE_RECENT);
  return (
    <Panel title="我的成长记录" testId="panel-timeline" empty={events.length === 0 && EMPTY.events}>
      <ol id="timeline" className="timeline relative space-y-3 border-l border-slate-300 pl-5 text-sm">
        {shown.map((e, i) => (
          <li key={i}>
            <span aria-hidden="true" className="timeline-mark">
              {EVENT_MARK[e.kind]}
            </span>
            <time dateTime={e.date}>{formatDate(e.date)}</time>
            {e.text}
          </li>
        ))}
      </ol>
      {events.length > TIMELINE_RECENT ? (
        <p className="mt-3 text-sm">
          {all ? (
            <Link href="/me#timeline" className={linkClass}>
              只看最近 {TIMELINE_RECENT} 条
            </Link>
          ) : (
            <Link href="/me?history=all#timeline" className={linkClass}>
              查看全部 {events.length} 条记录
            </Link>
          )}
        </p>
      ) : null}
    </Panel>
  );
}
