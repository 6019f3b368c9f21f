import { Card, EmptyState } from "@/components/ui/card";
import { dissolveTeamAction } from "@/lib/actions/contest";
import type { EntrantView, TeamView } from "@/lib/server/dal/contest/views";
import { TEAM_SIZE_MAX, TEAM_SIZE_MIN } from "@/lib/domain/contest";
import { ConfirmButton } from "./action-form";
import { TeamForm } from "./setup-forms";

/** Teams of a contest with the form to form one (HR: for the chosen branch; a branch head: their own). */
export function TeamsPanel({
  phaseId,
  teams,
  candidates,
  locked,
  branchHint,
}: {
  phaseId: string;
  teams: TeamView[];
  candidates: EntrantView[];
  locked: boolean;
  branchHint?: React.ReactNode;
}) {
  return (
    <div className="space-y-4">
      <Card title={`团队（${teams.length} 支）`}>
        {teams.length === 0 ? (
          <EmptyState title="还没有团队" hint={locked ? "团队项目已锁定。" : `在下方勾选同一支行的 ${TEAM_SIZE_MIN}–${TEAM_SIZE_MAX} 名参赛人员组建团队。`} />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="teams">
            {teams.map((t) => (
              <li key={t.id} className="py-3" data-testid={`team-${t.name}`}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="font-medium">
                    {t.name}{" "}
                    <span className="text-sm font-normal text-slate-600">
                      {t.branchName} · {t.members.length} 人
                    </span>
                  </p>
                  {!locked && !t.scored ? (
                    <ConfirmButton
                      action={dissolveTeamAction}
                      fields={{ teamId: t.id }}
                      label="解散"
                      title={`确认解散团队「${t.name}」？`}
                      body={<p>成员将回到可组队名单，可以重新组队。</p>}
                      confirmLabel="确认解散"
                    />
                  ) : null}
                </div>
                <p className="mt-1 text-sm text-slate-700">{t.members.map((m) => m.name).join("、")}</p>
                {!locked ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm text-brand-700">
                      调整成员<span className="sr-only">：{t.name}</span>
                    </summary>
                    <div className="mt-2">
                      <TeamForm
                        phaseId={phaseId}
                        team={{ id: t.id, name: t.name, memberIds: t.members.map((m) => m.entrantId) }}
                        candidates={candidates
                          .filter((c) => c.branchId === t.branchId)
                          .map((c) => ({ id: c.id, name: c.name, employeeNo: c.employeeNo, branchName: c.branchName, teamName: c.teamName }))}
                      />
                    </div>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {!locked ? (
        <Card title="组建团队">
          {branchHint}
          <TeamForm
            phaseId={phaseId}
            candidates={candidates.map((c) => ({ id: c.id, name: c.name, employeeNo: c.employeeNo, branchName: c.branchName, teamName: c.teamName }))}
          />
        </Card>
      ) : null}
    </div>
  );
}
