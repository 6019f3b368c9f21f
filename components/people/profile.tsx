import { Card, Panel } from "@/components/ui/card";
import { GradeChangesTable } from "./grade-changes-table";
import { ROLE_LABELS, gradeTitle } from "@/lib/domain/grades";
import { formatTenure } from "@/lib/domain/tenure";
import type { ProfileView } from "@/lib/server/dal/people";
import { GradeBadge } from "./grade-badge";
import { PriorityBadge } from "@/components/contest/priority-badge";
import type { PriorityMarkView } from "@/lib/server/dal/contest/views";
import { quarterLabel } from "@/lib/domain/dates";
import { formatDate } from "@/lib/format";

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="mt-0.5 font-medium text-slate-800">{children}</dd>
    </div>
  );
}

/** `contestMarks`: skills-contest awards and their 晋升和调配优先 windows (lib/server/dal/contest/awards). */
export function ProfileSummary({ person, contestMarks = [] }: { person: ProfileView; contestMarks?: PriorityMarkView[] }) {
  const hasGrade = person.role === "ACCOUNT_MANAGER";
  const activeUntil = contestMarks
    .filter((m) => m.active)
    .map((m) => m.to)
    .sort()
    .at(-1);
  return (
    <Card>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold" data-testid="profile-name">
          {person.name}
        </h1>
        {hasGrade ? <GradeBadge grade={person.grade} /> : null}
        {person.status === "EXITED" ? <span className="rounded bg-red-100 px-2 py-0.5 text-xs text-red-700">已退出</span> : null}
        {activeUntil ? <PriorityBadge until={activeUntil} /> : null}
      </div>
      {contestMarks.length > 0 ? (
        <ul className="mt-2 space-y-0.5 text-sm text-slate-700" data-testid="contest-awards">
          {contestMarks.map((m, i) => (
            <li key={i}>
              {m.contestName}：{m.awardLabel}
              <span className="ml-1 text-slate-600">
                （晋升和调配优先：{quarterLabel(m.from)}至{quarterLabel(m.to)}）
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
        <Field label="工号">{person.employeeNo}</Field>
        <Field label="岗位">{ROLE_LABELS[person.role]}</Field>
        <Field label="所属机构">{person.branchName}</Field>
        {hasGrade ? (
          <Field label="当前等级">
            <span data-testid="current-grade">{person.grade ? gradeTitle(person.grade) : "未定级"}</span>
          </Field>
        ) : null}
        {person.roleStartDate ? (
          <>
            <Field label="任职起始日">{formatDate(person.roleStartDate)}</Field>
            <Field label="任职年限">
              <span data-testid="tenure">{formatTenure(person.tenureMonths ?? 0)}</span>
            </Field>
          </>
        ) : null}
      </dl>
    </Card>
  );
}

export function GradeHistory({ person }: { person: ProfileView }) {
  return (
    <Panel title="等级变动记录" empty={person.history.length === 0 && { title: "暂无等级记录", hint: "人力资源部完成定级后，这里会显示每一次等级变动。" }}>
      <GradeChangesTable changes={person.history} withQuarter />
    </Panel>
  );
}

export function CertificationList({ person }: { person: ProfileView }) {
  return (
    <Panel title="岗位资格认证" empty={person.certifications.length === 0 && { title: "暂无认证记录", hint: "通过岗位资格认证考试后，由人力资源部登记成绩。" }}>
      <ul className="space-y-2 text-sm">
        {person.certifications.map((c) => (
          <li key={`${c.code}-${formatDate(c.passedOn)}`} className="flex justify-between gap-4">
            <span className="font-medium">{c.name}</span>
            <span className="text-slate-600">
              {formatDate(c.passedOn)}通过{c.validUntil ? `，有效期至${formatDate(c.validUntil)}` : "，长期有效"}
            </span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
