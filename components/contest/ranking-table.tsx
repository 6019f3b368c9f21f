import { EmptyState } from "@/components/ui/card";
import { CONTEST_EVENT_LABELS, RANKING_LABELS, type ContestEventKind, type Ranking } from "@/lib/domain/contest";
import type { StandingRow } from "@/lib/server/dal/contest/views";
import { formatPoints } from "./text";

/** One ranking: rank, who, branch, the scores behind the total, and the total. */
export function RankingTable({
  ranking,
  rows,
  kinds,
  limit,
  large = false,
}: {
  ranking: Ranking;
  rows: StandingRow[];
  kinds: ContestEventKind[];
  limit?: number;
  large?: boolean;
}) {
  const shown = limit ? rows.filter((r) => r.rank <= limit) : rows;
  if (shown.length === 0) return <EmptyState title="还没有成绩" hint="评委评分或人力资源部录入成绩后，排名会显示在这里。" />;
  const team = ranking === "TEAM";
  const scoreKinds: ContestEventKind[] = ranking === "OVERALL" ? kinds : team ? ["TEAM_PROPOSAL"] : [ranking as ContestEventKind];
  const cell = large ? "py-3 pr-6" : "py-2 pr-4";
  return (
    // Focusable so that a keyboard user can scroll a wide ranking on a narrow screen.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`${RANKING_LABELS[ranking]}（表格，可横向滚动）`}>
      <table className={`w-full ${large ? "text-2xl" : "text-sm"}`} data-testid={`ranking-${ranking}`}>
        <thead className="text-left text-slate-600">
          <tr>
            <th scope="col" className={`${cell} font-normal`}>
              名次
            </th>
            <th scope="col" className={`${cell} font-normal`}>
              {team ? "团队" : "姓名"}
            </th>
            <th scope="col" className={`${cell} font-normal`}>
              支行
            </th>
            {large
              ? null
              : scoreKinds.map((k) => (
                  <th key={k} scope="col" className={`${cell} text-right font-normal`}>
                    {CONTEST_EVENT_LABELS[k]}
                  </th>
                ))}
            <th scope="col" className={`${large ? "py-3" : "py-2"} text-right font-normal`}>
              {ranking === "OVERALL" ? "综合得分" : "得分率（%）"}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.id} className="border-t border-slate-200" data-testid="ranking-row">
              <td className={`${cell} font-semibold tabular-nums`}>{r.rank}</td>
              <td className={cell}>
                <span className="font-medium">{r.name}</span>
                {!large && r.detail ? <span className="ml-2 text-xs text-slate-600">{team ? r.detail : `工号 ${r.detail}`}</span> : null}
              </td>
              <td className={`${cell} whitespace-nowrap`}>{r.branchName}</td>
              {large
                ? null
                : scoreKinds.map((k) => (
                    <td key={k} className={`${cell} text-right tabular-nums`}>
                      {formatPoints(r.scores[k] ?? null)}
                    </td>
                  ))}
              <td className={`${large ? "py-3" : "py-2"} text-right font-semibold tabular-nums`}>{formatPoints(r.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
