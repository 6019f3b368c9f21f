import type { Metadata } from "next";
import Link from "next/link";
import { ProgrammeBreadcrumbs } from "@/components/programme/breadcrumbs";
import { pageLoad } from "@/lib/server/page-load";
import { getPhaseDetail } from "@/lib/server/dal/programme/phases";
import {
  addParticipantsAction,
  decideProposalAction,
  proposeByGradeAction,
  removeParticipantAction,
  saveSessionAction,
  updatePhaseAction,
} from "@/lib/actions/programme";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";
import { ActionForm, RemoveWithReason } from "@/components/programme/action-form";
import { SelectField, TextField, TextareaField } from "@/components/ui/fields";
import { AdvancePhase } from "@/components/programme/advance-phase";
import { ParticipantBadge, PhaseSteps } from "@/components/programme/phase-bits";
import { PROGRAMME_FIELD, SessionFields } from "@/components/programme/session-fields";
import { formatDay, formatDayRange, formatSessionTime, PARTICIPANT_ORIGIN_LABELS } from "@/lib/domain/programme-labels";
import { GRADES, GRADE_LABELS } from "@/lib/domain/grades";
import { quarterLabel } from "@/lib/domain/dates";

export const metadata: Metadata = { title: "培训阶段" };
export const dynamic = "force-dynamic";

const FIELD = PROGRAMME_FIELD;
const WIDE = { ...FIELD, className: "sm:col-span-2" };

export default async function PhasePage({ params }: { params: Promise<{ programmeId: string; phaseId: string }> }) {
  const { programmeId, phaseId } = await params;
  const { item: detail } = await pageLoad("hr.view", (viewer) => getPhaseDetail(viewer, programmeId, phaseId));
  const { phase, programme } = detail;
  const closed = phase.status === "CLOSED";
  const base = `/hr/programmes/${programme.id}/phases/${phase.id}`;
  const conflicted = new Set(detail.conflicts.flatMap((c) => [c.a.id, c.b.id]));
  const quarters = [programme.year, programme.year + 1].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}Q${q}`));
  const proposals = detail.participants.filter((p) => p.status === "PROPOSED");
  const members = detail.participants.filter((p) => p.status !== "PROPOSED");
  const enrolledCount = members.filter((p) => p.status === "ENROLLED").length;
  return (
    <div className="space-y-6">
      <ProgrammeBreadcrumbs trail={[{ href: `/hr/programmes/${programme.id}`, label: programme.name }]} />
      <PageHeader
        title={`${programme.year}年${phase.name}`}
        subtitle={`${formatDayRange(phase.startsOn, phase.endsOn)} · ${phase.participants} 名学员 · ${phase.sessions.length} 场培训`}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            {phase.kind !== "SKILLS_CONTEST" ? (
              <Link href={`${base}/report`} className="text-sm font-medium text-brand-700 underline">
                培训效果报告
              </Link>
            ) : null}
            <AdvancePhase phaseId={phase.id} name={phase.name} status={phase.status} />
          </div>
        }
      />
      <PhaseSteps status={phase.status} />
      {closed ? <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800">本阶段已结束：计划、场次、学员和出勤均不能再修改。</p> : null}

      <Card title="阶段计划">
        <ActionForm action={updatePhaseAction} submitLabel="保存阶段计划" label="阶段计划" disabled={closed}>
          <input type="hidden" name="phaseId" value={phase.id} />
          <fieldset disabled={closed} className="grid gap-3 sm:grid-cols-2">
            <TextField id="name" name="name" label="阶段名称" required maxLength={30} defaultValue={phase.name} {...FIELD} />
            <SelectField
              id="feedsQuarter"
              name="feedsQuarter"
              label="行动计划计入的考评季度"
              defaultValue={phase.feedsQuarter ?? ""}
              empty="不计入考评"
              options={quarters.map((q) => [q, quarterLabel(q)] as const)}
              {...FIELD}
            />
            <TextField id="startsOn" name="startsOn" label="开始日期" type="date" required defaultValue={phase.startsOn} {...FIELD} />
            <TextField id="endsOn" name="endsOn" label="结束日期" type="date" required defaultValue={phase.endsOn} {...FIELD} />
            <fieldset className="sm:col-span-2">
              <legend className="mb-1 text-sm font-medium">培训对象（按开始日期当天的职级）</legend>
              <div className="flex flex-wrap gap-x-4 gap-y-2">
                {GRADES.map((g) => (
                  <label key={g} className="flex min-h-11 items-center gap-2 text-sm">
                    <input type="checkbox" name="grades" value={g} defaultChecked={phase.grades.includes(g)} className="h-5 w-5" />
                    {GRADE_LABELS[g]}
                  </label>
                ))}
                <label className="flex min-h-11 items-center gap-2 text-sm">
                  <input type="checkbox" name="includeAssistants" defaultChecked={phase.includeAssistants} className="h-5 w-5" />
                  业务助理
                </label>
              </div>
            </fieldset>
            <TextareaField id="goal" name="goal" label="培训目标" rows={3} maxLength={500} defaultValue={phase.goal ?? ""} {...WIDE} />
            <TextField
              id="budget"
              name="budget"
              label="预算（元）"
              type="number"
              inputMode="decimal"
              min={0}
              step="0.01"
              defaultValue={phase.budget ?? ""}
              {...FIELD}
            />
          </fieldset>
        </ActionForm>
      </Card>

      <Card title="培训场次">
        {detail.conflicts.length > 0 ? (
          <div role="alert" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="conflicts">
            <p className="font-medium">有 {detail.conflicts.length} 处时间冲突：</p>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {detail.conflicts.map((c) => (
                <li key={`${c.a.id}-${c.b.id}`}>
                  {c.a.phaseName}《{c.a.title}》（{formatSessionTime(c.a.startsAt, c.a.endsAt)}）与 {c.b.phaseName}《{c.b.title}》（
                  {formatSessionTime(c.b.startsAt, c.b.endsAt)}）时间重叠：{c.reason}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {phase.sessions.length === 0 ? (
          <EmptyState title="还没有培训场次" hint="在下方填写课程、时间、地点和讲师，新增第一场培训。" />
        ) : (
          <DataTable
            testId="session-list"
            columns={["课程", "时间", "地点", "讲师", { label: "入座 / 容量", align: "right" }, { label: "候补", align: "right" }]}
          >
            {phase.sessions.map((s) => (
              <tr key={s.id} className="border-t border-slate-100">
                <th scope="row" className="py-2 pr-4 text-left font-medium">
                  <Link href={`${base}/sessions/${s.id}`} className="text-brand-700 hover:underline">
                    {s.title}
                  </Link>
                  {conflicted.has(s.id) ? <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-950">冲突</span> : null}
                </th>
                <td className="py-2 pr-4 whitespace-nowrap">{formatSessionTime(s.startsAt, s.endsAt)}</td>
                <td className="py-2 pr-4">{s.place}</td>
                <td className="py-2 pr-4">
                  {s.lecturer ?? "待定"}
                  {s.lecturerExternal ? <span className="text-xs text-slate-600">（外聘）</span> : null}
                </td>
                <td className="py-2 pr-4 text-right tabular-nums">
                  {s.enrolled} / {s.capacity ?? "不限"}
                </td>
                <td className="py-2 text-right tabular-nums">{s.waiting}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {!closed ? (
          <details className="mt-4 rounded-lg border border-slate-200 p-3" open={phase.sessions.length === 0}>
            <summary className="cursor-pointer font-medium text-brand-700">新增培训场次</summary>
            <div className="mt-3">
              <ActionForm action={saveSessionAction} submitLabel="新增场次" pendingLabel="正在保存…" label="新增培训场次">
                <SessionFields phaseId={phase.id} courses={detail.courses} idPrefix="new" />
                <p className="text-xs text-slate-600">
                  时间须在 {formatDayRange(phase.startsOn, phase.endsOn)} 之内。新场次会按学员加入顺序安排座位，超出容量的进入候补。
                </p>
              </ActionForm>
            </div>
          </details>
        ) : null}
      </Card>

      <Card title="学员名单">
        {proposals.length > 0 ? (
          <section className="mb-6" aria-labelledby="proposals-title">
            <h3 id="proposals-title" className="mb-2 text-sm font-semibold text-sky-900">
              支行长推荐，待审批（{proposals.length}）
            </h3>
            <ul className="divide-y divide-slate-100 rounded-lg border border-sky-200" data-testid="proposals">
              {proposals.map((p) => (
                <li key={p.userId} className="flex flex-wrap items-end justify-between gap-3 p-3">
                  <div className="text-sm">
                    <p className="font-medium">
                      {p.name}{" "}
                      <span className="text-slate-600">
                        {p.employeeNo} · {p.branchName}
                      </span>
                    </p>
                    <p className="text-slate-700">推荐理由：{p.reason ?? "—"}</p>
                  </div>
                  <ActionForm
                    action={decideProposalAction}
                    submitLabel="提交审批"
                    size="sm"
                    className="flex flex-wrap items-end gap-2"
                    label={`审批 ${p.name}`}
                  >
                    <input type="hidden" name="phaseId" value={phase.id} />
                    <input type="hidden" name="userId" value={p.userId} />
                    <label className="text-sm">
                      <span className="sr-only">审批结果</span>
                      <select name="decision" className="rounded-md border border-slate-300 px-2 py-1.5">
                        <option value="APPROVE">批准</option>
                        <option value="DECLINE">不批准</option>
                      </select>
                    </label>
                    <label className="text-sm">
                      <span className="sr-only">审批意见</span>
                      <input name="reason" maxLength={200} placeholder="意见（不批准时必填）" className="rounded-md border border-slate-300 px-2 py-1.5" />
                    </label>
                  </ActionForm>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {!closed ? (
          <div className="mb-6 grid gap-4 lg:grid-cols-2">
            <div className="rounded-lg border border-slate-200 p-3">
              <h3 className="mb-1 text-sm font-semibold">按职级生成名单</h3>
              <p className="mb-2 text-sm text-slate-700" data-testid="eligible-count">
                按 {formatDay(phase.startsOn)} 当天的职级，还有 <strong>{detail.eligibleNotInPhase}</strong>{" "}
                人符合条件、尚未加入（未定级的客户经理按见习计；已移出的人员不会再次加入）。
              </p>
              <ActionForm
                action={proposeByGradeAction}
                submitLabel={`加入 ${detail.eligibleNotInPhase} 名符合条件的人员`}
                pendingLabel="正在生成…"
                label="按职级生成名单"
              >
                <input type="hidden" name="phaseId" value={phase.id} />
              </ActionForm>
            </div>
            <div className="rounded-lg border border-slate-200 p-3">
              <h3 className="mb-1 text-sm font-semibold">按工号添加</h3>
              <ActionForm action={addParticipantsAction} submitLabel="添加学员" pendingLabel="正在添加…" resetOnSuccess label="按工号添加学员">
                <input type="hidden" name="phaseId" value={phase.id} />
                <TextField id="employeeNos" name="employeeNos" label="工号（多个用空格或逗号分隔）" required {...FIELD} labelClassName="mb-1 block text-sm" />
                <TextField id="add-reason" name="reason" label="原因（可不填）" maxLength={200} {...FIELD} labelClassName="mb-1 block text-sm" />
              </ActionForm>
            </div>
          </div>
        ) : null}

        {members.length === 0 ? (
          <EmptyState title="名单为空" hint="点击“按职级生成名单”，或按工号添加学员。" />
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-700">
              已入选 {enrolledCount} 人{members.length > enrolledCount ? `，已移出 ${members.length - enrolledCount} 人` : ""}。
            </p>
            <DataTable testId="participant-list" columns={["姓名", "机构", "开营日职级", "来源", "状态", "操作"]}>
              {members.map((p) => (
                <tr key={p.userId} className="border-t border-slate-100 align-top" data-testid={`participant-${p.employeeNo}`}>
                  <th scope="row" className="py-2 pr-4 text-left font-normal">
                    {p.name} <span className="text-xs text-slate-600">{p.employeeNo}</span>
                  </th>
                  <td className="py-2 pr-4">{p.branchName}</td>
                  <td className="py-2 pr-4">{p.role === "ASSISTANT" ? "业务助理" : p.gradeOnStart ? GRADE_LABELS[p.gradeOnStart] : "—"}</td>
                  <td className="py-2 pr-4">{PARTICIPANT_ORIGIN_LABELS[p.origin]}</td>
                  <td className="py-2 pr-4">
                    <ParticipantBadge status={p.status} />
                    {p.status === "REMOVED" && p.reason ? <span className="ml-1 text-xs text-slate-700">{p.reason}</span> : null}
                  </td>
                  <td className="py-2">
                    {p.status === "ENROLLED" && !closed ? (
                      <RemoveWithReason
                        summary="移出"
                        action={removeParticipantAction}
                        fields={{ phaseId: phase.id, userId: p.userId }}
                        submitLabel="确认移出"
                        confirmText={`确定把 ${p.name} 移出本阶段吗？其座位将由候补人员递补。`}
                        label={`移出 ${p.name}`}
                        reasonLabel="移出原因"
                        width="w-40"
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </Card>
    </div>
  );
}
