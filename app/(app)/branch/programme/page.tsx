import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { getBranchProgramme } from "@/lib/server/dal/programme/people";
import type { BranchProgrammeView } from "@/lib/server/dal/programme/views";
import { proposeFromBranchAction } from "@/lib/actions/programme";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";
import { ActionForm } from "@/components/programme/action-form";
import { SelectField, TextField } from "@/components/ui/fields";
import { programmeField } from "@/components/page/programme-field";
import { AttendanceText, ParticipantBadge, PhaseStatusBadge, SeatBadge } from "@/components/programme/phase-bits";
import { formatDateTime, formatDayRange, PARTICIPANT_ORIGIN_LABELS } from "@/lib/domain/programme-labels";
import { ROLE_LABELS } from "@/lib/domain/grades";

export const metadata: Metadata = { title: "培训安排" };
export const dynamic = "force-dynamic";

type Person = BranchProgrammeView["phases"][number]["people"][number];

/** The cell of one person's sessions in a phase: each with its time, their seat and, once seated, their attendance. */
function SessionsCell({ sessions }: { sessions: Person["sessions"] }) {
  return (
    <td className="py-2">
      {sessions.length === 0 ? (
        <span className="text-slate-600">—</span>
      ) : (
        <ul className="space-y-1">
          {sessions.map((s) => (
            <li key={s.sessionId} className="text-sm">
              {s.title} <span className="text-xs text-slate-600">{formatDateTime(s.startsAt)}</span> <SeatBadge status={s.seat} />
              {s.seat === "ENROLLED" ? (
                <>
                  {" "}
                  <AttendanceText status={s.attendance} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </td>
  );
}

export default async function BranchProgrammePage() {
  const viewer = await requirePageViewer("branch.home");
  const view = await getBranchProgramme(viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="培训安排" subtitle={`${viewer.branchName}人员参加素质提升项目各阶段的情况；可推荐本支行人员参加，由人力资源部审批。`} />
      <Card title="推荐参加培训">
        {view.openPhases.length === 0 ? (
          <EmptyState title="目前没有可推荐的培训阶段" hint="人力资源部新建年度项目后，未结束的阶段会出现在这里。" />
        ) : (
          <ActionForm
            action={proposeFromBranchAction}
            submitLabel="提交推荐"
            pendingLabel="正在提交…"
            resetOnSuccess
            label="推荐参加培训"
            className="grid gap-3 sm:grid-cols-3"
          >
            <SelectField {...programmeField("phaseId", "培训阶段")} options={view.openPhases.map((p) => [p.id, p.label] as const)} />
            <SelectField
              {...programmeField("employeeNo", "人员")}
              options={view.people.map((p) => [p.employeeNo, `${p.name}（${p.employeeNo}，${ROLE_LABELS[p.role]}）`] as const)}
            />
            <TextField {...programmeField("reason", "推荐理由")} required minLength={2} maxLength={200} />
          </ActionForm>
        )}
      </Card>
      {view.phases.length === 0 ? (
        <EmptyState title="本支行还没有人员参加培训阶段" hint="人力资源部按职级生成名单后会显示在这里；您也可以在上方推荐人员。" />
      ) : (
        view.phases.map((p) => (
          <Card
            key={p.phaseId}
            title={
              <>
                {p.name} <PhaseStatusBadge status={p.status} />{" "}
                <span className="text-sm font-normal text-slate-700">
                  {p.programmeName} · {formatDayRange(p.startsOn, p.endsOn)}
                </span>
              </>
            }
          >
            <DataTable testId={`branch-phase-${p.phaseId}`} columns={["姓名", "名单状态", "场次、座位与出勤"]}>
              {p.people.map((x) => (
                <tr key={x.userId} className="border-t border-slate-100 align-top">
                  <th scope="row" className="py-2 pr-4 text-left font-normal whitespace-nowrap">
                    {x.name} <span className="text-xs text-slate-600">{x.employeeNo}</span>
                  </th>
                  <td className="py-2 pr-4">
                    <ParticipantBadge status={x.status} /> <span className="text-xs text-slate-700">{PARTICIPANT_ORIGIN_LABELS[x.origin]}</span>
                    {x.reason ? <p className="text-xs text-slate-700">{x.reason}</p> : null}
                  </td>
                  <SessionsCell sessions={x.sessions} />
                </tr>
              ))}
            </DataTable>
          </Card>
        ))
      )}
    </div>
  );
}
