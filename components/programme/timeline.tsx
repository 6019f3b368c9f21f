import Link from "next/link";
import type { PhaseSummary } from "@/lib/server/dal/programme/views";
import { formatDayRange, formatSessionTime } from "@/lib/domain/programme-labels";
import { PhaseStatusBadge } from "./phase-bits";

const PHASE_COLOURS: Record<PhaseSummary["kind"], string> = {
  EAGLET_CAMP: "bg-sky-700",
  GOLDEN_EAGLE_CAMP: "bg-amber-700",
  SKILLS_CONTEST: "bg-emerald-700",
};

function dayOfYear(iso: string, year: number): number {
  return (Date.parse(iso.slice(0, 10)) - Date.UTC(year, 0, 1)) / 86_400_000;
}

/** Shanghai calendar day of an instant. */
function shanghaiDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The year at a glance: twelve months across, one row per phase with its span and a tick per
 * session. Scrolls sideways inside its own box on a phone; the list below gives the details.
 */
export function ProgrammeTimeline({ year, phases, hrefFor }: { year: number; phases: PhaseSummary[]; hrefFor: (phaseId: string) => string }) {
  const days = dayOfYear(`${year + 1}-01-01`, year);
  const pct = (d: number) => `${Math.max(0, Math.min(100, (d / days) * 100))}%`;
  return (
    <div className="overflow-x-auto" data-testid="timeline">
      <div className="min-w-[44rem]">
        <div className="grid grid-cols-[9rem_1fr] text-xs text-slate-600">
          <span />
          <div className="grid grid-cols-12 border-b border-slate-200">
            {Array.from({ length: 12 }, (_, m) => (
              <span key={m} className="border-l border-slate-200 px-1 py-1">
                {m + 1}月
              </span>
            ))}
          </div>
        </div>
        {phases.map((p) => {
          const start = dayOfYear(p.startsOn, year);
          const end = dayOfYear(p.endsOn, year) + 1;
          return (
            <div key={p.id} className="grid grid-cols-[9rem_1fr] items-center border-b border-slate-100 py-2" data-testid={`timeline-${p.kind}`}>
              <div className="pr-2">
                <Link href={hrefFor(p.id)} className="text-sm font-medium text-brand-700 hover:underline">
                  {p.name}
                </Link>
                <div>
                  <PhaseStatusBadge status={p.status} />
                </div>
              </div>
              <div className="relative h-14">
                <div className="absolute inset-0 grid grid-cols-12" aria-hidden="true">
                  {Array.from({ length: 12 }, (_, m) => (
                    <span key={m} className="border-l border-slate-100" />
                  ))}
                </div>
                <div
                  className={`absolute top-1 h-6 min-w-1 rounded ${PHASE_COLOURS[p.kind]} px-1 text-xs leading-6 whitespace-nowrap text-white`}
                  style={{ left: pct(start), width: pct(end - start) }}
                  title={`${p.name}：${formatDayRange(p.startsOn, p.endsOn)}`}
                >
                  <span className="sr-only">
                    {p.name}：{formatDayRange(p.startsOn, p.endsOn)}
                  </span>
                </div>
                <span
                  className={`absolute top-1 px-1 text-xs leading-6 whitespace-nowrap text-slate-800`}
                  style={end / days > 0.7 ? { right: pct(days - start) } : { left: pct(end) }}
                  aria-hidden="true"
                >
                  {formatDayRange(p.startsOn, p.endsOn).replace(/^\d+年/, "")} · {p.sessions.length} 场 · {p.participants} 人
                </span>
                <ul className="absolute top-8 h-5 w-full" aria-label={`${p.name}的培训场次`}>
                  {p.sessions.map((s) => (
                    <li
                      key={s.id}
                      className="absolute h-4 w-1.5 rounded-sm bg-slate-800"
                      style={{ left: pct(dayOfYear(shanghaiDay(s.startsAt), year)) }}
                      title={`${s.title}：${formatSessionTime(s.startsAt, s.endsAt)}`}
                    >
                      <span className="sr-only">
                        {s.title}：{formatSessionTime(s.startsAt, s.endsAt)}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          );
        })}
        <p className="mt-2 text-xs text-slate-600">色条为阶段起止日期，下方短线为培训场次（悬停可见课程和时间）。</p>
      </div>
    </div>
  );
}
