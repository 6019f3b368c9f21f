import type { Metadata } from "next";
import Link from "next/link";
import { ProgrammeBreadcrumbs } from "@/components/programme/breadcrumbs";
import { pageItem } from "@/lib/server/page-load";
import { getProgrammeYear } from "@/lib/server/dal/programme/years";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ProgrammeTimeline } from "@/components/programme/timeline";
import { PhaseStatusBadge, PhaseSteps } from "@/components/programme/phase-bits";
import { AdvancePhase } from "@/components/programme/advance-phase";
import { formatDayRange, formatSessionTime } from "@/lib/domain/programme-labels";
import { GRADE_LABELS } from "@/lib/domain/grades";
import { quarterLabel } from "@/lib/domain/dates";

export const metadata: Metadata = { title: "年度培训计划" };
export const dynamic = "force-dynamic";

export default async function ProgrammeYearPage({ params }: { params: Promise<{ programmeId: string }> }) {
  const { item: year } = await pageItem("hr.view", params, "programmeId", getProgrammeYear);
  const phaseHref = (id: string) => `/hr/programmes/${year.id}/phases/${id}`;
  return (
    <div className="space-y-6">
      <ProgrammeBreadcrumbs trail={[]} />
      <PageHeader title={year.name} subtitle="全年阶段和培训场次一览；点击阶段可编辑计划、安排场次和学员。" />
      <Card title="全年时间轴">
        <ProgrammeTimeline year={year.year} phases={year.phases} hrefFor={phaseHref} />
      </Card>
      <Card title="阶段列表">
        <ul className="space-y-4" data-testid="phase-list">
          {year.phases.map((p) => (
            <li key={p.id} className="rounded-lg border border-slate-200 p-4" data-testid={`phase-${p.kind}`}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="space-y-1">
                  <h3 className="text-base font-semibold">
                    <Link href={phaseHref(p.id)} className="text-brand-700 hover:underline">
                      {p.name}
                    </Link>{" "}
                    <PhaseStatusBadge status={p.status} />
                  </h3>
                  <p className="text-sm text-slate-700">
                    {formatDayRange(p.startsOn, p.endsOn)} · 对象：
                    {[...p.grades.map((g) => GRADE_LABELS[g]), ...(p.includeAssistants ? ["业务助理"] : [])].join("、")}
                    {p.feedsQuarter ? ` · 行动计划计入${quarterLabel(p.feedsQuarter)}考评` : ""}
                  </p>
                  <p className="text-sm text-slate-700">
                    {p.participants} 名学员{p.proposals ? <span className="ml-1 font-medium text-sky-900">（{p.proposals} 人待审批）</span> : null} ·{" "}
                    {p.sessions.length} 场培训
                  </p>
                  <PhaseSteps status={p.status} />
                </div>
                <AdvancePhase phaseId={p.id} name={p.name} status={p.status} />
              </div>
              {p.sessions.length === 0 ? (
                <p className="mt-3 text-sm text-slate-600">
                  尚未安排培训场次。
                  <Link href={phaseHref(p.id)} className="text-brand-700 underline">
                    去安排
                  </Link>
                </p>
              ) : (
                <ul className="mt-3 divide-y divide-slate-100 text-sm">
                  {p.sessions.map((s) => (
                    <li key={s.id} className="flex flex-wrap justify-between gap-2 py-1.5">
                      <Link href={`${phaseHref(p.id)}/sessions/${s.id}`} className="text-brand-700 hover:underline">
                        {s.title}
                      </Link>
                      <span className="text-slate-700">
                        {formatSessionTime(s.startsAt, s.endsAt)} · {s.place} · {s.lecturer ?? "讲师待定"}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
        {year.phases.length === 0 ? <EmptyState title="该年度没有阶段" /> : null}
      </Card>
    </div>
  );
}
