// HR's home panels. Server components; the charts inside are client components fed plain data.
import Link from "next/link";
import { ChartCard } from "@/components/charts/chart-card";
import { BarChart } from "@/components/charts/bar-chart";
import { Card, EmptyState } from "@/components/ui/card";
import { GRADES, GRADE_LABELS, RATINGS, RATING_LABELS } from "@/lib/domain/grades";
import { BOX_LEVELS, BOX_LEVEL_LABELS, NEW_IN_ROLE_ALERT, type BoxLevel } from "@/lib/domain/dashboard";
import { TIER_LABELS, type Tier } from "@/lib/domain/curriculum-labels";
import { formatDate, formatPercent, formatScore, formatShare, quarterLabel, quarterShort } from "@/lib/format";
import type { HeadcountRow } from "@/lib/server/dal/people";
import type { CompletionRow } from "@/lib/server/dal/courses/reports";
import type {
  BranchProgressRow,
  CertificationRateRow,
  DistributionRow,
  HrTodo,
  NewInRoleView,
  NineBoxView,
  ProgrammeProgressView,
  ReviewSummaryView,
} from "@/lib/server/dal/dashboard/views";
import { DONE_COLOUR, GRADE_COLOURS, RATING_COLOURS, TODO_COLOUR } from "./palette";
import { BranchSearch } from "./branch-search";
import { CHART_BRANCHES, restLabel, sumKeys, topWithRest } from "./chart-rows";
import { GradeBadge } from "@/components/people/grade-badge";
import { RatingChip } from "@/components/review/rating-chip";
import { DataTable, right } from "@/components/ui/table";
import { TodoCard } from "./todo-card";
import { SelectField, namedOptions } from "@/components/ui/fields";
import { linkClass } from "./link-class";

const NINEBOX_SELECT = { className: "flex flex-col", labelClassName: "text-slate-700", inputClassName: "rounded-md border border-slate-300 px-1 py-1" };

/** 待办: what HR should do next, each with a link. */
export function HrTodoList({ todos }: { todos: HrTodo[] }) {
  return (
    <TodoCard
      title="待办事项"
      items={todos}
      emptyText="暂无待办：没有等待定级的人员，已结束的季度均已锁定，评估周期均在截止日内。"
      emptyTestId="hr-todos-empty"
      listTestId="hr-todos"
      text={todoText}
      action={(t) => (
        <Link href={t.href} className={linkClass}>
          {todoAction(t)}
        </Link>
      )}
    />
  );
}

function todoText(t: HrTodo): string {
  switch (t.kind) {
    case "GRADING":
      return `${t.count} 名客户经理等待定级`;
    case "LOCK_QUARTER":
      return `${quarterLabel(t.quarter)}已结束，考评尚未锁定`;
    case "REVIEW":
      return `${quarterLabel(t.quarter)}考评已锁定，晋级评审尚未提交`;
    case "CLOSE_CYCLE":
      return `胜任力评估“${t.name}”已过截止日（${formatDate(t.deadline)}），尚未关闭`;
  }
}

function todoAction(t: HrTodo): string {
  return { GRADING: "去定级", LOCK_QUARTER: "去锁定", REVIEW: "去评审", CLOSE_CYCLE: "去关闭" }[t.kind];
}

/** 各机构等级分布: stacked bars per branch, with bank totals in the table. */
export function HeadcountChart({ rows }: { rows: HeadcountRow[] }) {
  const keys = [...GRADES, "NONE"] as const;
  const branches = new Map<string, Record<string, number> & { name: string }>();
  for (const r of rows) {
    const b = branches.get(r.branchId) ?? ({ name: r.branchName } as Record<string, number> & { name: string });
    const k = r.grade ?? "NONE";
    b[k] = (b[k] ?? 0) + r.count;
    branches.set(r.branchId, b);
  }
  const all = [...branches.values()].map((b) => ({
    ...(Object.fromEntries(keys.map((k) => [k, b[k] ?? 0])) as Record<(typeof keys)[number], number>),
    name: b.name,
  }));
  const sizeOf = (d: Record<string, unknown>) => keys.reduce((s, k) => s + (Number(d[k]) || 0), 0);
  // The largest branches; the rest in one row.
  const data = topWithRest(
    all,
    (a, b) => sizeOf(b) - sizeOf(a),
    (others, n) => ({ ...sumKeys(others, keys), name: restLabel(n) }),
  );
  const total = (k: (typeof keys)[number]) => all.reduce((s, d) => s + d[k], 0);
  const label = (k: (typeof keys)[number]) => (k === "NONE" ? "未定级" : GRADE_LABELS[k]);
  return (
    <ChartCard
      testId="panel-headcount"
      title="各机构等级分布"
      unit="人（在职对公客户经理）"
      description={all.length > data.length ? `人数最多的 ${CHART_BRANCHES} 个机构，其余 ${all.length - CHART_BRANCHES} 个合为一行` : undefined}
      empty={data.length === 0}
      emptyHint="导入人员名单或完成定级后，这里会按机构和等级统计人数。"
      table={{
        columns: ["机构", ...keys.map(label), "合计"],
        rows: [...data.map((d) => [d.name, ...keys.map((k) => d[k]), sizeOf(d)]), ["全行合计", ...keys.map(total), keys.reduce((s, k) => s + total(k), 0)]],
      }}
    >
      <BarChart data={data} stacked label="各机构对公客户经理按等级的人数" series={keys.map((k) => ({ key: k, label: label(k), colour: GRADE_COLOURS[k] }))} />
    </ChartCard>
  );
}

/** 本季度考评进度: rated vs still to rate per branch, for the open quarter. */
export function RatingProgressChart({ quarter, rows: all }: { quarter: string | null; rows: BranchProgressRow[] }) {
  const rate = (r: BranchProgressRow) => (r.total === 0 ? 1 : r.rated / r.total);
  // The branches furthest behind first; the rest in one row.
  const rows = topWithRest(
    all,
    (a, b) => rate(a) - rate(b) || b.total - b.rated - (a.total - a.rated),
    (others, n) => ({ branchId: "", branchName: restLabel(n), ...sumKeys(others, ["rated", "total"] as const) }),
  );
  const data = rows.map((r) => ({ name: r.branchName, rated: r.rated, todo: r.total - r.rated }));
  const rated = all.reduce((s, r) => s + r.rated, 0);
  const total = all.reduce((s, r) => s + r.total, 0);
  return (
    <ChartCard
      testId="panel-rating-progress"
      title={quarter ? `${quarterLabel(quarter)}考评进度` : "季度考评进度"}
      unit="人"
      description={
        quarter
          ? `全行已评 ${rated}/${total}（${formatShare(rated, total)}）${all.length > rows.length ? `；完成率最低的 ${CHART_BRANCHES} 个机构，其余合为一行` : ""}`
          : undefined
      }
      empty={!quarter || rows.length === 0}
      emptyHint="目前没有进行中的考评季度。在“季度考评”中开启新季度后，这里会显示各机构的评分进度。"
      actions={
        quarter ? (
          <Link href={`/hr/appraisal/${quarter}`} className={`text-sm ${linkClass}`}>
            打开评分表
          </Link>
        ) : undefined
      }
      table={{ columns: ["机构", "已评", "未评", "完成率"], rows: rows.map((r) => [r.branchName, r.rated, r.total - r.rated, formatShare(r.rated, r.total)]) }}
    >
      <BarChart
        data={data}
        stacked
        label="各机构本季度已评与未评人数"
        series={[
          { key: "rated", label: "已评", colour: DONE_COLOUR },
          { key: "todo", label: "未评", colour: TODO_COLOUR },
        ]}
      />
    </ChartCard>
  );
}

/** 晋级评审预览: the latest locked quarter's review in four numbers, linking to it. */
export function ReviewSummaryCard({ summary }: { summary: ReviewSummaryView }) {
  const { quarter, status, counts } = summary;
  return (
    <Card title="晋级评审" className="min-w-0">
      <div data-testid="panel-review">
        {!quarter ? (
          <EmptyState title="还没有已锁定的考评季度" hint="锁定一个季度的考评后，这里会预览该季度的晋级、降级与退出人数。" />
        ) : status === "COMMITTED" ? (
          <p className="text-sm text-slate-700">
            {quarterLabel(quarter)}的晋级评审已提交。{" "}
            <Link href={`/hr/review/${quarter}`} className={linkClass}>
              查看结果
            </Link>
          </p>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-700">
              {quarterLabel(quarter)}（{status === "DRAFT" ? "草稿，未提交" : "未开始"}）按规则预览：
            </p>
            <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
              {(
                [
                  ["PROMOTE", "晋级"],
                  ["DEMOTE", "降级"],
                  ["EXIT", "退出"],
                  ["BLOCKED", "条件未满足"],
                ] as const
              ).map(([k, label]) => (
                <div key={k} className="rounded-lg border border-slate-200 px-3 py-2">
                  <dt className="text-xs text-slate-600">{label}</dt>
                  <dd className="text-xl font-semibold tabular-nums" data-testid={`review-${k}`}>
                    <Link
                      href={`/hr/review/${quarter}?outcome=${k}`}
                      className="text-slate-900 underline decoration-slate-400 underline-offset-4 hover:text-brand-700"
                    >
                      {counts?.[k] ?? 0}
                      <span className="sr-only"> 人{label}，查看名单</span>
                    </Link>
                  </dd>
                </div>
              ))}
            </dl>
            <p className="mt-3 text-sm">
              <Link href={`/hr/review/${quarter}`} className={linkClass}>
                打开晋级评审
              </Link>
            </p>
          </>
        )}
      </div>
    </Card>
  );
}

/** 考评结果分布: stacked bars of one quarter's ratings per branch. */
export function DistributionChart({ quarter, rows: all, quarters }: { quarter: string | null; rows: DistributionRow[]; quarters: string[] }) {
  // The branches with most ratings; the rest in one row.
  const rows = topWithRest(
    all,
    (a, b) => b.total - a.total,
    (others, n) => ({
      branchId: "",
      branchName: restLabel(n),
      counts: sumKeys(
        others.map((o) => o.counts),
        RATINGS,
      ),
      total: others.reduce((s, o) => s + o.total, 0),
    }),
  );
  const data = rows.map((r) => ({ name: r.branchName, ...r.counts }));
  return (
    <ChartCard
      testId="panel-distribution"
      title={quarter ? `${quarterLabel(quarter)}考评结果分布` : "考评结果分布"}
      unit="人"
      description={`按机构统计各等次人数${all.length > rows.length ? `；人数最多的 ${CHART_BRANCHES} 个机构，其余合为一行` : ""}`}
      empty={!quarter || rows.length === 0}
      emptyHint={quarters.length === 0 ? "还没有考评季度。开启并完成一个季度的评分后，这里会显示各机构的考评结果分布。" : "所选季度还没有考评结果。"}
      actions={
        quarters.length > 1 ? (
          <form method="get" className="flex items-center gap-1 text-sm">
            <label htmlFor="dist-quarter" className="text-slate-700">
              季度
            </label>
            <select id="dist-quarter" name="quarter" defaultValue={quarter ?? undefined} className="rounded-md border border-slate-300 px-1 py-1">
              {quarters.map((q) => (
                <option key={q} value={q}>
                  {quarterShort(q)}
                </option>
              ))}
            </select>
            <button type="submit" className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50">
              查看
            </button>
          </form>
        ) : undefined
      }
      table={{
        columns: ["机构", ...RATINGS.map((r) => RATING_LABELS[r]), "合计"],
        rows: rows.map((r) => [r.branchName, ...RATINGS.map((x) => r.counts[x]), r.total]),
      }}
    >
      <BarChart
        data={data}
        stacked
        label="各机构考评结果等次人数"
        series={RATINGS.map((r) => ({ key: r, label: RATING_LABELS[r], colour: RATING_COLOURS[r] }))}
      />
    </ChartCard>
  );
}

const PERF_ROWS: BoxLevel[] = ["HIGH", "MID", "LOW"];

/** The 9-box: rows performance (high on top), columns competency; each count links to the names. */
export function NineBox({
  view,
  hrefFor,
  cycles,
  branches,
  branchId,
}: {
  view: NineBoxView;
  hrefFor: (cell: string) => string;
  cycles: { id: string; name: string }[];
  branches: { id: string; name: string }[];
  branchId: string | null;
}) {
  const noData = view.placed === 0;
  return (
    <Card title="人才九宫格" className="min-w-0">
      <div data-testid="panel-ninebox" id="nine-box">
        <p className="mb-3 text-xs text-slate-600">
          纵轴“绩效”：{view.quarters.length ? view.quarters.map(quarterShort).join("、") : "最近两个已锁定季度"}的考评（优秀 5 … 不合格 1，平均 ≥ 4.5 为高，≥ 3
          为中）；横轴“能力”：
          {view.cycle ? `“${view.cycle.name}”` : "胜任力评估"}各项结果减当前等级要求的平均（≥ 0 为高，≥ −0.5 为中）。
        </p>
        <form method="get" className="mb-3 flex flex-wrap items-end gap-2 text-sm">
          {cycles.length > 1 ? (
            <SelectField id="ninebox-cycle" name="cycle" label="评估周期" options={namedOptions(cycles)} defaultValue={view.cycle?.id} {...NINEBOX_SELECT} />
          ) : null}
          <SelectField
            id="ninebox-branch"
            name="branch"
            label="机构"
            options={namedOptions(branches)}
            empty="全行"
            defaultValue={branchId ?? ""}
            {...NINEBOX_SELECT}
          />
          <button type="submit" className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50">
            查看
          </button>
        </form>
        {noData ? (
          <EmptyState
            title="暂无可放入九宫格的人员"
            hint="需要最近两个季度至少一个已锁定的考评结果，以及一次胜任力评估结果。锁定考评、完成评估后这里会自动统计。"
          />
        ) : (
          <>
            <table className="w-full table-fixed border-separate border-spacing-1 text-center text-sm" data-testid="ninebox-grid">
              <caption className="sr-only">人才九宫格：行为绩效（高、中、低），列为能力（低、中、高），数字为人数</caption>
              <thead>
                <tr>
                  <th scope="col" className="w-12 text-xs font-normal text-slate-600">
                    <span className="sr-only">绩效＼能力</span>
                  </th>
                  {BOX_LEVELS.map((c) => (
                    <th key={c} scope="col" className="text-xs font-normal text-slate-600">
                      能力{BOX_LEVEL_LABELS[c]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {PERF_ROWS.map((p) => (
                  <tr key={p}>
                    <th scope="row" className="text-xs font-normal text-slate-600">
                      绩效{BOX_LEVEL_LABELS[p]}
                    </th>
                    {BOX_LEVELS.map((c) => {
                      const key = `${p}-${c}`;
                      const n = view.counts[key] ?? 0;
                      const selected = view.cell === key;
                      const star = p === "HIGH" && c === "HIGH";
                      return (
                        <td key={c} className={`rounded-md py-3 ${selected ? "bg-brand-100 ring-2 ring-brand-600" : star ? "bg-blue-50" : "bg-slate-50"}`}>
                          <Link
                            href={hrefFor(key)}
                            className="block text-lg font-semibold tabular-nums text-slate-900 underline decoration-slate-400 underline-offset-4"
                            data-testid={`ninebox-${key}`}
                          >
                            {n}
                            <span className="sr-only">
                              人，绩效{BOX_LEVEL_LABELS[p]}、能力{BOX_LEVEL_LABELS[c]}，查看名单
                            </span>
                          </Link>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mt-2 text-xs text-slate-600">
              已放入 {view.placed} 人；另有 {view.unplaced} 人缺少考评结果或胜任力结果，未放入。
            </p>
          </>
        )}
        {view.cell ? <NineBoxMembers view={view} /> : null}
      </div>
    </Card>
  );
}

function NineBoxMembers({ view }: { view: NineBoxView }) {
  const [p, c] = (view.cell ?? "").split("-") as [BoxLevel, BoxLevel];
  const title = BOX_LEVEL_LABELS[p] && BOX_LEVEL_LABELS[c] ? `绩效${BOX_LEVEL_LABELS[p]}、能力${BOX_LEVEL_LABELS[c]}` : "";
  return (
    <div className="mt-4" data-testid="ninebox-members">
      <h3 className="mb-2 text-sm font-semibold text-slate-800">
        {title}：{view.membersTotal} 人{view.membersTotal > view.members.length ? `（显示前 ${view.members.length} 人）` : ""}
      </h3>
      {view.members.length === 0 ? (
        <p className="text-sm text-slate-600">这一格没有人员。</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {view.members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-2 py-1.5">
              <Link href={`/people/${m.id}`} className={linkClass}>
                {m.name}
              </Link>
              <span className="text-xs text-slate-600">{m.branchName}</span>
              <GradeBadge grade={m.grade} />
              <span className="flex gap-1">
                {m.ratings.map((r, i) => (
                  <RatingChip key={i} rating={r} quarter={view.quarters[i] ?? ""} />
                ))}
              </span>
              <span className="text-xs tabular-nums text-slate-600">
                能力 {m.above === null ? "—" : `${m.above >= 0 ? "+" : "−"}${Math.abs(m.above).toFixed(2)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** 课程完成率（按层级）: required courses, completed ÷ (enrolled − waived). */
export function CompletionByTierChart({ rows }: { rows: CompletionRow[] }) {
  const data = rows.map((r) => ({ name: TIER_LABELS[r.key as Tier] ?? r.label, rate: r.rate }));
  return (
    <ChartCard
      testId="panel-courses"
      title="必修课完成率（按层级）"
      unit="%"
      description="已完成 ÷（应修 − 免修）"
      empty={rows.length === 0}
      emptyHint="还没有必修课学习记录。人力资源部在“培训课程”中同步必修课后，这里会按层级统计完成率。"
      actions={
        <Link href="/hr/courses/report" className={`text-sm ${linkClass}`}>
          完成情况报表
        </Link>
      }
      table={{
        columns: ["层级", "应修", "已完成", "逾期", "完成率"],
        rows: rows.map((r) => [TIER_LABELS[r.key as Tier] ?? r.label, r.enrolled, r.completed, r.overdue, `${formatScore(r.rate, 1)}%`]),
      }}
    >
      <BarChart data={data} max={100} unit="%" label="各层级必修课完成率" series={[{ key: "rate", label: "完成率", colour: DONE_COLOUR }]} />
    </ChartCard>
  );
}

/** 资格认证: who needs each certification for their next grade, and how many hold it. */
export function CertificationRates({ rows }: { rows: CertificationRateRow[] }) {
  return (
    <Card title="资格认证持有率" className="min-w-0">
      <div data-testid="panel-certifications">
        {rows.length === 0 ? (
          <EmptyState title="晋级条件中没有要求认证" hint="在“晋级条件”中为某一等级要求资格认证后，这里会统计需要它的人中有多少已持有。" />
        ) : (
          <ul className="space-y-3 text-sm">
            {rows.map((r) => (
              <li key={r.code}>
                <div className="flex flex-wrap justify-between gap-2">
                  <span className="font-medium">{r.name}</span>
                  <span className="tabular-nums text-slate-700">
                    {r.holding}/{r.needing} 人（{formatShare(r.holding, r.needing)}）
                  </span>
                </div>
                <p className="text-xs text-slate-600">
                  对象：下一等级需要此认证的{r.forGrades.map((g) => GRADE_LABELS[g]).join("、")}客户经理；统计今天仍有效的认证。
                </p>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3 text-sm">
          <Link href="/hr/certifications" className={linkClass}>
            登记认证成绩
          </Link>
        </p>
      </div>
    </Card>
  );
}

/** 任职不满一年: the bank's share, and the branches above one third. */
export function NewInRoleCard({ view }: { view: NewInRoleView }) {
  const { bank } = view;
  const flagged = view.branches.filter((b) => b.alert);
  return (
    <Card title="任职不满一年的客户经理" className="min-w-0">
      <div data-testid="panel-new-in-role">
        {bank.total === 0 ? (
          <EmptyState title="还没有登记任职起始日的客户经理" hint="导入人员名单（含任职起始日）后，这里会统计任职不满一年的比例。" />
        ) : (
          <>
            <p className="text-3xl font-semibold tabular-nums" data-testid="new-in-role-share">
              {formatPercent(bank.share, 1)}
            </p>
            <p className="text-sm text-slate-700">
              全行 {bank.newInRole}/{bank.total} 人任职不满 12 个月
            </p>
            {bank.alert ? (
              <p className="mt-2 rounded-md bg-orange-50 px-3 py-2 text-sm text-orange-900 ring-1 ring-orange-300" role="note">
                <span aria-hidden="true">▲ </span>超过三分之一（{formatPercent(NEW_IN_ROLE_ALERT, 1)}），新人比例偏高，请关注带教与培训安排。
              </p>
            ) : null}
            {flagged.length > 0 ? (
              <p className="mt-2 text-sm text-orange-900">
                超过三分之一的机构：{flagged.map((b) => `${b.branchName}（${formatPercent(b.share)}）`).join("、")}
              </p>
            ) : (
              <p className="mt-2 text-sm text-slate-600">没有机构超过三分之一。</p>
            )}
          </>
        )}
      </div>
    </Card>
  );
}

/** 培训项目进度 from the programme tables; empty until a programme year exists. */
export function ProgrammeProgress({ view }: { view: ProgrammeProgressView | null }) {
  return (
    <Card title={view ? `${view.name} · 培训项目进度` : "培训项目进度"} className="min-w-0">
      <div data-testid="panel-programme">
        {!view || view.phases.length === 0 ? (
          <EmptyState
            title="还没有年度培训项目"
            hint="人力资源部建立年度培训项目（雏鹰训练营、金鹰训练营、业务技能大比拼）后，这里会显示参训人数、出勤、评估与行动计划跟进。"
          />
        ) : (
          <DataTable density="compact" columns={["阶段", right("参训"), right("课次"), right("出勤率"), right("评估均分"), right("行动计划 / 跟进（需关注）")]}>
            {view.phases.map((p) => (
              <tr key={p.id} className="border-t border-slate-100">
                <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                  {p.name}
                </th>
                <td className="py-1.5 pr-3 text-right tabular-nums">{p.participants}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{p.sessions}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{formatShare(p.attended, p.recorded)}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{formatScore(p.evaluationMean, 2)}</td>
                <td className="py-1.5 text-right tabular-nums">
                  {p.plans} / {p.followUps}（{p.offTrack}）
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </Card>
  );
}

/** 胜任力热力图: a link to the bank heatmap (computed on its own page). */
export function HeatmapLinkCard({ cycleName }: { cycleName: string | null }) {
  return (
    <Card title="全行胜任力热力图" className="min-w-0">
      <div data-testid="panel-heatmap">
        {cycleName ? (
          <p className="text-sm text-slate-700">
            最新评估周期：{cycleName}。各机构 × 九项能力的平均差距、评估进度与待提交人数见热力图。{" "}
            <Link href="/hr/competencies/heatmap" className={linkClass}>
              打开热力图
            </Link>
          </p>
        ) : (
          <EmptyState title="还没有胜任力评估周期" hint="在“胜任力”中开启评估周期，提交评估后这里可以打开全行热力图。" />
        )}
      </div>
    </Card>
  );
}

const DIRECTORY_LINKS = 24;

/**
 * Each branch's people and competency details, one link per branch: the first 24 (or those whose
 * name matches ?q=) — 300 branch links would weigh more than the rest of the page.
 */
export function BranchDirectory({
  branches,
  query,
  hidden,
}: {
  branches: { id: string; name: string }[];
  query: string;
  hidden: Record<string, string | undefined>;
}) {
  if (branches.length === 0) return null;
  const matching = query ? branches.filter((b) => b.name.includes(query)) : branches;
  const shown = matching.slice(0, DIRECTORY_LINKS);
  return (
    <details open={!!query} className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm sm:px-5" data-testid="branch-directory">
      <summary className="cursor-pointer text-sm font-medium text-slate-800">各机构名单（{branches.length} 个机构）</summary>
      <div className="mt-3">
        {branches.length > DIRECTORY_LINKS ? <BranchSearch action="/hr" query={query} hidden={hidden} /> : null}
        {shown.length === 0 ? (
          <p className="text-sm text-slate-700">没有名称包含“{query}”的机构。</p>
        ) : (
          <ul className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3 lg:grid-cols-6">
            {shown.map((b) => (
              <li key={b.id}>
                <Link href={`/hr/branches/${b.id}`} className={linkClass}>
                  {b.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {matching.length > shown.length ? (
          <p className="mt-2 text-xs text-slate-600">
            共 {matching.length} 个机构，显示前 {shown.length} 个；输入机构名称查找其余机构。
          </p>
        ) : null}
      </div>
    </details>
  );
}
