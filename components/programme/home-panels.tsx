// Small panels for the role home pages (the home pages themselves belong to another area):
// <MyProgrammePanel viewer={viewer} /> on /me, <HrProgrammePanel viewer={viewer} /> on /hr.
import Link from "next/link";
import type { Viewer } from "@/lib/server/auth/viewer";
import { getMyProgramme, getProgrammeOverview } from "@/lib/server/dal/programme/people";
import { formatDay, formatSessionTime } from "@/lib/domain/programme-labels";
import { Card } from "@/components/ui/card";
import { PhaseStatusBadge, SeatBadge } from "./phase-bits";

/** The viewer's next training session (or that none is planned), with a link to 我的培训. */
export async function MyProgrammePanel({ viewer }: { viewer: Viewer }) {
  if (viewer.role !== "ACCOUNT_MANAGER" && viewer.role !== "ASSISTANT") return null;
  const phases = await getMyProgramme(viewer);
  const next = phases
    .flatMap((p) => p.sessions.filter((s) => s.upcoming && s.seat !== "WITHDRAWN").map((s) => ({ ...s, phaseName: p.name })))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  return (
    <Card title="我的培训" actions={<Link href="/me/programme" className="text-sm text-brand-700 hover:underline">全部培训</Link>}>
      {next ? (
        <div className="text-sm" data-testid="next-session">
          <p className="font-medium">
            {next.phaseName}：{next.title} <SeatBadge status={next.seat} position={next.waitingPosition} />
          </p>
          <p className="text-slate-700">{formatSessionTime(next.startsAt, next.endsAt)} · {next.place}</p>
        </div>
      ) : (
        <p className="text-sm text-slate-700">{phases.length ? "近期没有待参加的培训场次。" : "您还没有被安排参加训练营；名单生成后会显示在这里。"}</p>
      )}
    </Card>
  );
}

/** Phases in progress or being planned, with open branch proposals to decide. */
export async function HrProgrammePanel({ viewer }: { viewer: Viewer }) {
  if (viewer.role !== "HR") return null;
  const phases = await getProgrammeOverview(viewer);
  return (
    <Card title="培训项目" actions={<Link href="/hr/programmes" className="text-sm text-brand-700 hover:underline">全部项目</Link>}>
      {phases.length === 0 ? (
        <p className="text-sm text-slate-700">没有进行中的培训阶段。可在“培训项目”中新建或复制下一年度。</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {phases.map((p) => (
            <li key={p.phaseId} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link href={`/hr/programmes/${p.programmeId}/phases/${p.phaseId}`} className="text-brand-700 hover:underline">{p.label}</Link>
              <span className="text-slate-700">
                <PhaseStatusBadge status={p.status} /> {formatDay(p.startsOn)}起 · {p.participants} 人 · {p.sessions} 场
                {p.proposals ? <strong className="ml-1 text-sky-900">{p.proposals} 条推荐待审批</strong> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
