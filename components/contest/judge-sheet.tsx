import { EmptyState } from "@/components/ui/card";
import { CONTEST_EVENT_LABELS, isTeamEvent } from "@/lib/domain/contest";
import type { JudgeSheetView } from "@/lib/server/dal/contest/views";
import { JudgeScoreRow } from "./score-forms";
import { formatDate } from "./text";

/** A judge's scoring sheet (tablet-friendly): only entrants/teams NOT of the judge's branch. */
export function JudgeSheet({ sheet, onBehalf = false }: { sheet: JudgeSheetView; onBehalf?: boolean }) {
  const scored = sheet.targets.filter((t) => t.myScore !== null).length;
  const team = isTeamEvent(sheet.kind);
  return (
    <div className="space-y-4">
      <div className="rounded-lg bg-slate-50 p-3 text-sm text-slate-700">
        <p>
          {sheet.contestName} · {CONTEST_EVENT_LABELS[sheet.kind]} · {formatDate(sheet.heldOn)} · 满分 {sheet.maxScore}
        </p>
        <p className="mt-1">
          评委：{sheet.judge.name}
          {sheet.judge.branchName ? `（${sheet.judge.branchName}）` : "（外部评委）"} · 已评 {scored} / {sheet.targets.length}
          {sheet.ownBranchLeftOut > 0 ? ` · 本支行的 ${sheet.ownBranchLeftOut} 个${team ? "团队" : "参赛人员"}已回避，不在此表中` : ""}
        </p>
        <p className="mt-1">
          每个{team ? "团队" : "参赛人员"}只能评分一次，提交后不能修改；如需更正，请联系人力资源部。{onBehalf ? "（人力资源部代该评委录入）" : ""}
        </p>
      </div>
      {sheet.locked ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status">
          该项目已锁定，评分已截止。
        </p>
      ) : null}
      {sheet.targets.length === 0 ? (
        <EmptyState title={team ? "没有需要您评分的团队" : "没有需要您评分的参赛人员"} hint="人力资源部组队或生成参赛名单后，这里会列出需要评分的对象。" />
      ) : (
        <ul className="grid gap-3 lg:grid-cols-2" data-testid="judge-sheet">
          {sheet.targets.map((t) => (
            <JudgeScoreRow
              key={t.id}
              eventId={sheet.eventId}
              judgeId={onBehalf ? sheet.judge.id : undefined}
              target={t}
              maxScore={sheet.maxScore}
              locked={sheet.locked}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
