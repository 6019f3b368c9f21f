import type { Metadata } from "next";
import { ProgrammeBreadcrumbs } from "@/components/programme/breadcrumbs";
import { pageLoad } from "@/lib/server/page-load";
import { getSessionDetail } from "@/lib/server/dal/programme/sessions";
import { getSessionConflicts } from "@/lib/server/dal/programme/phases";
import { saveSessionAction, withdrawSeatAction } from "@/lib/actions/programme";
import { checkInUrl, qrSvg } from "@/lib/server/check-in-link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ActionForm, RemoveWithReason } from "@/components/programme/action-form";
import { AttendanceButtons } from "@/components/programme/attendance-buttons";
import { AttendanceText, SeatBadge } from "@/components/programme/phase-bits";
import { SessionFields } from "@/components/programme/session-fields";
import { ATTENDANCE_LABELS, formatDayRange, formatSessionTime } from "@/lib/domain/programme-labels";

export const metadata: Metadata = { title: "培训场次" };
export const dynamic = "force-dynamic";

export default async function SessionPage({ params }: { params: Promise<{ programmeId: string; phaseId: string; sessionId: string }> }) {
  const { programmeId, phaseId, sessionId } = await params;
  const { viewer, item: detail } = await pageLoad("hr.view", (viewer) => getSessionDetail(viewer, programmeId, phaseId, sessionId));
  const { session, phase, programme } = detail;
  const closed = phase.status === "CLOSED";
  const conflicts = await getSessionConflicts(viewer, phase.id, session.id);
  const link = await checkInUrl(session.checkInToken);
  const svg = await qrSvg(link);
  const seated = detail.seats.filter((s) => s.status === "ENROLLED");
  const waiting = detail.seats.filter((s) => s.status === "WAITLISTED");
  const withdrawn = detail.seats.filter((s) => s.status === "WITHDRAWN");
  const tally = (Object.keys(ATTENDANCE_LABELS) as (keyof typeof ATTENDANCE_LABELS)[]).map(
    (k) => `${ATTENDANCE_LABELS[k]} ${seated.filter((s) => s.attendance === k).length}`,
  );
  return (
    <div className="space-y-6">
      <ProgrammeBreadcrumbs
        trail={[
          { href: `/hr/programmes/${programme.id}`, label: programme.name },
          { href: `/hr/programmes/${programme.id}/phases/${phase.id}`, label: phase.name },
        ]}
      />
      <PageHeader
        title={session.title}
        subtitle={`${formatSessionTime(session.startsAt, session.endsAt)} · ${session.place} · 讲师：${session.lecturer ?? "待定"}${session.lecturerExternal ? "（外聘）" : ""}`}
      />

      {conflicts.length > 0 ? (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="session-conflicts">
          <p className="font-medium">本场与 {conflicts.length} 场培训时间冲突：</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {conflicts.map((c) => {
              const other = c.a.id === session.id ? c.b : c.a;
              return (
                <li key={other.id}>
                  {other.phaseName}《{other.title}》（{formatSessionTime(other.startsAt, other.endsAt)}）：{c.reason}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <Card title={`出勤登记（${seated.length} 人入座）`}>
          <p className="mb-3 text-sm text-slate-700" data-testid="attendance-tally">
            {tally.join(" · ")} · 未登记 {seated.filter((s) => !s.attendance).length}
          </p>
          {seated.length === 0 ? (
            <EmptyState title="本场还没有学员入座" hint="在阶段页面按职级生成名单或按工号添加学员后，会自动安排座位。" />
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="roster">
              {seated.map((s) => (
                <li key={s.userId} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid={`roster-${s.employeeNo}`}>
                  <div>
                    <p className="text-base font-medium">{s.name}</p>
                    <p className="text-sm text-slate-700">
                      {s.employeeNo} · {s.branchName} · <AttendanceText status={s.attendance} />
                      {s.attendanceSource === "SELF_CHECK_IN" ? "（扫码签到）" : ""}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-start gap-3">
                    <AttendanceButtons sessionId={session.id} userId={s.userId} name={s.name} current={s.attendance} disabled={closed} />
                    {!closed ? (
                      <RemoveWithReason
                        summary="退出本场"
                        summaryClassName="min-h-11 cursor-pointer py-2 text-sm text-red-700"
                        action={withdrawSeatAction}
                        fields={{ sessionId: session.id, userId: s.userId }}
                        submitLabel="确认退出"
                        confirmText={`确定让 ${s.name} 退出本场吗？候补第一位将递补入座。`}
                        label={`${s.name} 退出本场`}
                        reasonLabel="退出原因"
                        width="w-36"
                      />
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title="扫码签到">
          <div className="mx-auto w-full max-w-64" role="img" aria-label="本场签到二维码" data-testid="check-in-qr" dangerouslySetInnerHTML={{ __html: svg }} />
          <p className="mt-2 text-sm text-slate-700">学员登录后扫码或打开以下链接签到，开始前 30 分钟至结束前有效：</p>
          <p className="mt-1 text-sm break-all">
            <a href={link} className="text-brand-700 underline" data-testid="check-in-link">
              {link}
            </a>
          </p>
        </Card>
      </div>

      <Card title={`候补名单（${waiting.length}）`}>
        {waiting.length === 0 ? (
          <p className="text-sm text-slate-700">
            {session.capacity === null ? "本场不限人数，没有候补。" : `容量 ${session.capacity} 人，目前没有候补。有人退出时，候补人员按排队先后自动递补。`}
          </p>
        ) : (
          <ol className="divide-y divide-slate-100" data-testid="waiting-list">
            {waiting.map((s) => (
              <li key={s.userId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>
                  <SeatBadge status="WAITLISTED" position={s.waitingPosition} /> {s.name}{" "}
                  <span className="text-slate-600">
                    {s.employeeNo} · {s.branchName}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        )}
        {withdrawn.length > 0 ? (
          <p className="mt-3 text-sm text-slate-700">已退出：{withdrawn.map((s) => `${s.name}${s.reason ? `（${s.reason}）` : ""}`).join("、")}</p>
        ) : null}
      </Card>

      {!closed ? (
        <Card title="修改场次">
          <ActionForm action={saveSessionAction} submitLabel="保存场次" label="修改场次">
            <SessionFields
              phaseId={phase.id}
              courses={detail.courses}
              idPrefix="edit"
              defaults={{
                sessionId: session.id,
                courseId: session.courseId,
                title: session.freeTitle,
                startsAt: session.startsAt,
                endsAt: session.endsAt,
                place: session.place,
                lecturerNo: session.lecturerNo,
                lecturerName: session.lecturerName,
                capacity: session.capacity,
              }}
            />
            <p className="text-xs text-slate-600">
              时间须在 {formatDayRange(phase.startsOn, phase.endsOn)} 之内；调大容量会让候补人员依次入座，容量不能小于已入座人数。
            </p>
          </ActionForm>
        </Card>
      ) : null}
    </div>
  );
}
