// Team competency on the branch head's home: radar vs required and the member × competency heatmap,
// from the competency DAL's branch view (one cycle, the newest covering the branch).
import Link from "next/link";
import { ChartCard } from "@/components/charts/chart-card";
import { CompetencyRadar } from "@/components/charts/competency-radar";
import { Card, EmptyState } from "@/components/ui/card";
import { MemberHeatmap } from "@/components/competencies/member-heatmap";
import { HeatLegend } from "@/components/competencies/panels";
import { formatScore } from "@/lib/format";
import type { BranchCompetenciesView } from "@/lib/server/dal/competencies/results";
import { linkClass } from "./link-class";

export function TeamRadarPanel({ view, href }: { view: BranchCompetenciesView | null; href: string }) {
  const hasResults = !!view && view.members.some((m) => m.meanGap !== null);
  return (
    <ChartCard
      testId="panel-team-radar"
      title="团队能力雷达"
      unit="级（1–5）"
      description={view?.cycle ? `${view.cycle.name}：团队平均结果与岗位要求` : undefined}
      empty={!hasResults}
      emptyHint={
        view?.cycle
          ? "本周期还没有评估结果。自评、上级评价或同事评价提交后，这里会显示团队平均水平。"
          : "人力资源部开启胜任力评估周期、团队完成评估后，这里会显示团队能力与岗位要求的对比。"
      }
      actions={
        <Link href={href} className={`text-sm ${linkClass}`}>
          团队胜任力
        </Link>
      }
      table={{
        columns: ["能力", "平均结果", "当前等级要求", "下一等级要求"],
        rows: (view?.team ?? []).map((t) => [t.name, formatScore(t.result), formatScore(t.required), formatScore(t.nextRequired)]),
      }}
    >
      {view ? (
        <CompetencyRadar
          label={`${view.branch.name}团队各项能力平均结果与岗位要求`}
          data={view.team.map((t) => ({ name: t.name, result: t.result ?? 0, required: t.required ?? 0, nextRequired: t.nextRequired ?? 0 }))}
          series={[
            { key: "result", label: "团队平均结果", colour: "#2563eb", filled: true },
            { key: "required", label: "当前等级平均要求", colour: "#c2410c", dash: "6 3" },
            { key: "nextRequired", label: "下一等级平均要求", colour: "#334155", dash: "2 3" },
          ]}
        />
      ) : null}
    </ChartCard>
  );
}

const HOME_HEATMAP_ROWS = 10;

export function TeamHeatmapPanel({ view }: { view: BranchCompetenciesView | null }) {
  // The home page stays light for a 250-person branch: the largest average gaps first.
  const largestGaps = [...(view?.members ?? [])].sort((a, b) => (b.meanGap ?? -Infinity) - (a.meanGap ?? -Infinity)).slice(0, HOME_HEATMAP_ROWS);
  return (
    <Card title="成员能力差距（对照当前等级）" className="min-w-0">
      <div data-testid="panel-team-heatmap">
        {!view?.cycle || view.members.length === 0 ? (
          <EmptyState title="暂无成员评估" hint="评估周期开启后，每位客户经理各项能力与当前等级要求的差距会显示在这里。" />
        ) : (
          <>
            <MemberHeatmap competencies={view.competencies} members={largestGaps} personHref="/people" />
            <HeatLegend />
            {view.members.length > largestGaps.length ? (
              <p className="mt-2 text-sm text-slate-700">
                这里显示平均差距最大的 {largestGaps.length} 人；全部 {view.members.length} 人见{" "}
                <Link href="/branch/competencies" className={linkClass}>
                  团队胜任力
                </Link>
                。
              </p>
            ) : null}
          </>
        )}
      </div>
    </Card>
  );
}
