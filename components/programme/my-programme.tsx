import Link from "next/link";
import type { MyPhaseView } from "@/lib/server/dal/programme/views";
import { withdrawMySeatAction } from "@/lib/actions/programme";
import { formatDayRange, formatSessionTime } from "@/lib/domain/programme-labels";
import { quarterLabel } from "@/lib/domain/dates";
import { ActionForm } from "./action-form";
import { AttendanceText, ParticipantBadge, PhaseStatusBadge, SeatBadge } from "./phase-bits";

/** One of the viewer's phases with their sessions; links to the evaluation and the action plan. */
export function MyPhaseCard({ phase }: { phase: MyPhaseView }) {
  const proposed = phase.participant === "PROPOSED";
  return (
    <section
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      data-testid={`my-phase-${phase.phaseId}`}
      aria-labelledby={`phase-${phase.phaseId}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={`phase-${phase.phaseId}`} className="text-base font-semibold text-slate-900">
            {phase.name} <PhaseStatusBadge status={phase.status} /> {proposed ? <ParticipantBadge status="PROPOSED" /> : null}
          </h2>
          <p className="text-sm text-slate-700">
            {phase.programmeName} · {formatDayRange(phase.startsOn, phase.endsOn)}
            {phase.feedsQuarter ? ` · 行动计划计入${quarterLabel(phase.feedsQuarter)}考评` : ""}
          </p>
        </div>
        {!proposed ? (
          <Link
            href={`/me/programme/phases/${phase.phaseId}/plan`}
            className="rounded-md border border-slate-300 px-3 py-2 text-sm text-brand-700 hover:bg-slate-100"
            data-testid="plan-link"
          >
            行动计划表
          </Link>
        ) : null}
      </div>
      {proposed ? (
        <p className="mt-3 text-sm text-slate-700">支行长已推荐您参加本阶段，等待人力资源部审批。</p>
      ) : phase.sessions.length === 0 ? (
        <p className="mt-3 text-sm text-slate-700">培训场次还在安排中，安排好后会显示在这里。</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100">
          {phase.sessions.map((s) => {
            const attended = s.attendance === "PRESENT" || s.attendance === "LATE";
            return (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid={`my-session-${s.id}`}>
                <div className="text-sm">
                  <p className="text-base font-medium">{s.title}</p>
                  <p className="text-slate-700">{formatSessionTime(s.startsAt, s.endsAt)}</p>
                  <p className="text-slate-700">
                    {s.place} · 讲师：{s.lecturer ?? "待定"}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-3 text-sm">
                  <SeatBadge status={s.seat} position={s.waitingPosition} />
                  {s.seat === "ENROLLED" ? (
                    <span>
                      出勤：
                      <AttendanceText status={s.attendance} />
                    </span>
                  ) : null}
                  {attended ? (
                    <Link href={`/me/programme/sessions/${s.id}/evaluation`} className="text-brand-700 hover:underline" data-testid="evaluation-link">
                      填写培训效果评估
                    </Link>
                  ) : null}
                  {s.upcoming && s.seat !== "WITHDRAWN" && phase.status !== "CLOSED" ? (
                    <ActionForm
                      action={withdrawMySeatAction}
                      submitLabel={s.seat === "WAITLISTED" ? "放弃候补" : "退出本场"}
                      pendingLabel="正在退出…"
                      tone="plain"
                      size="sm"
                      className=""
                      confirmText={`确定退出《${s.title}》吗？退出后座位将让给候补人员，不能自行恢复。`}
                      label={`退出 ${s.title}`}
                    >
                      <input type="hidden" name="sessionId" value={s.id} />
                    </ActionForm>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
