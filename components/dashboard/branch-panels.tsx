// The branch head's home panels (server components).
import Link from "next/link";
import { Card, EmptyState } from "@/components/ui/card";
import { GRADE_LABELS } from "@/lib/domain/grades";
import { formatTenure } from "@/lib/domain/tenure";
import { formatScore, formatShare, quarterLabel } from "@/lib/format";
import { ChartCard } from "@/components/charts/chart-card";
import { BarChart } from "@/components/charts/bar-chart";
import { DONE_COLOUR } from "./palette";
import type { Outlook } from "@/lib/domain/dashboard";
import type { TeamMemberView, WaitingItem } from "@/lib/server/dal/dashboard/views";
import { TodoCard } from "./todo-card";
import { RosterRows, type RosterRow } from "./roster-rows";
import { linkClass } from "./link-class";

/** ONE list of what waits for the branch head, each with a link. */
export function WaitingList({ items }: { items: WaitingItem[] }) {
  return (
    <TodoCard
      title="待我处理"
      items={items}
      emptyText="暂无待办：本季度考评已评完，上级评价已提交，同事评估人已提名。新的考评季度或评估周期开启后，待办会显示在这里。"
      emptyTestId="waiting-empty"
      listTestId="waiting-list"
      text={waitingText}
      action={(item) =>
        item.href ? (
          <Link href={item.href} className={linkClass}>
            {waitingAction(item)}
          </Link>
        ) : (
          <span className="text-xs text-slate-600">在培训项目中处理</span>
        )
      }
    />
  );
}

function waitingText(item: WaitingItem): string {
  switch (item.kind) {
    case "RATINGS":
      return `${quarterLabel(item.quarter)}还有 ${item.count} 人未评分`;
    case "MANAGER_ASSESSMENTS":
      return `“${item.cycleName}”还有 ${item.count} 份上级评价待填写`;
    case "PEER_NOMINATIONS":
      return `“${item.cycleName}”有 ${item.count} 人提名的同事评估人不足 3 人`;
    case "FOLLOW_UPS":
      return `${item.count} 份行动计划超过 30 天未跟进`;
    case "REFLECTIONS":
      return `${item.count} 篇辅导对象的月度心得待回复`;
  }
}

function waitingAction(item: WaitingItem): string {
  return { RATINGS: "去评分", MANAGER_ASSESSMENTS: "去评价", PEER_NOMINATIONS: "去提名", FOLLOW_UPS: "去跟进", REFLECTIONS: "去回复" }[item.kind];
}

/** The roster's flag; the sentence under it (outlookSentence) says what the rule engine found. */
function outlookFlag(outlook: Outlook): RosterRow["flag"] {
  switch (outlook.kind) {
    case "PENDING": {
      const d = outlook.decision;
      const text = d.outcome === "PROMOTE" ? `待评审晋升为${GRADE_LABELS[d.to!]}` : d.outcome === "EXIT" ? "待评审退出" : `待评审降为${GRADE_LABELS[d.to!]}`;
      return { testId: "flag-pending", up: d.outcome === "PROMOTE", text };
    }
    case "CANDIDATE":
      return { testId: "flag-candidate", up: true, text: "晋升候选" };
    case "RISK":
      return { testId: "flag-risk", up: false, text: outlook.decision.outcome === "EXIT" ? "退出风险" : "降级风险" };
    default:
      return null;
  }
}

function outlookSentence(outlook: Outlook): string | null {
  switch (outlook.kind) {
    case "PENDING":
      return `${quarterLabel(outlook.quarter)}评审：${outlook.decision.reason}`;
    case "CANDIDATE":
      return `${quarterLabel(outlook.quarter)}如考评优秀，将晋升为${GRADE_LABELS[outlook.decision.to!]}`;
    case "RISK":
      return outlook.decision.outcome === "EXIT"
        ? `${quarterLabel(outlook.quarter)}如考评基本合格及以下，将退出客户经理岗位`
        : `${quarterLabel(outlook.quarter)}如考评基本合格及以下，将降为${GRADE_LABELS[outlook.decision.to!]}`;
    default:
      return null;
  }
}

/**
 * The roster: one table that is a card per person on phones and a table from `md` up whose first
 * column stays in view while the rest scrolls inside its own box. Long teams are paged.
 */
export function TeamRoster({
  members,
  page,
  pageSize,
  pageHref,
}: {
  members: TeamMemberView[];
  page: number;
  pageSize: number;
  pageHref: (page: number) => string;
}) {
  if (members.length === 0) {
    return (
      <Card title="团队名单">
        <EmptyState title="本机构暂无客户经理" hint="请联系人力资源部导入人员名单；定级后这里会显示每个人的等级、任职年限与近四个季度考评。" />
      </Card>
    );
  }
  const pages = Math.max(1, Math.ceil(members.length / pageSize));
  const current = Math.min(pages, Math.max(1, page));
  const shown = members.slice((current - 1) * pageSize, current * pageSize);
  const candidates = members.filter((m) => m.outlook.kind === "CANDIDATE" || (m.outlook.kind === "PENDING" && m.outlook.decision.outcome === "PROMOTE")).length;
  const risks = members.filter((m) => m.outlook.kind === "RISK" || (m.outlook.kind === "PENDING" && m.outlook.decision.outcome !== "PROMOTE")).length;
  return (
    <Card
      title="团队名单"
      actions={
        <span className="text-sm text-slate-700" data-testid="roster-summary">
          {members.length} 人 · 晋升候选 {candidates} · 降级/退出风险 {risks}
        </span>
      }
    >
      <p className="mb-3 text-xs text-slate-600">
        “晋升候选 / 降级风险”由晋级规则计算：最近锁定季度的评审尚未提交时显示其结果，否则按下一季度分别考评优秀、基本合格推算。
      </p>
      {/* ONE markup for both widths: a table from `md` up (first column kept in view while the rest
          scrolls inside its own box); on a phone each row is a card — the cells stack and the
          header row is read by screen readers only. Explicit roles keep the table semantics
          while the display changes. */}
      <div className="max-w-full md:overflow-x-auto" tabIndex={0}>
        <table role="table" className="block w-full text-sm md:table" data-testid="roster">
          <thead role="rowgroup" className="sr-only text-left text-slate-600 md:not-sr-only md:table-header-group">
            <tr role="row">
              <th role="columnheader" scope="col" className="bg-white py-2 pr-4 font-normal md:sticky md:left-0">
                姓名
              </th>
              <th role="columnheader" scope="col" className="py-2 pr-4 font-normal">
                等级
              </th>
              <th role="columnheader" scope="col" className="py-2 pr-4 font-normal">
                任职年限
              </th>
              <th role="columnheader" scope="col" className="py-2 pr-4 font-normal">
                近四季度考评
              </th>
              <th role="columnheader" scope="col" className="py-2 font-normal">
                晋降级提示
              </th>
            </tr>
          </thead>
          {/* The rows' and cells' layout is set once here (not repeated in each of the rows). */}
          <tbody
            role="rowgroup"
            className="block space-y-3 md:table-row-group md:space-y-0 [&>tr]:grid [&>tr]:grid-cols-[auto_1fr] [&>tr]:gap-x-3 [&>tr]:gap-y-1 [&>tr]:rounded-lg [&>tr]:border [&>tr]:border-slate-200 [&>tr]:p-3 md:[&>tr]:table-row md:[&>tr]:rounded-none md:[&>tr]:border-0 md:[&>tr]:border-t md:[&>tr]:border-slate-100 md:[&>tr]:p-0 md:[&>tr>*]:py-2 md:[&>tr>*]:pr-4 md:[&>tr>*]:align-top"
          >
            <RosterRows rows={shown.map(rosterRow)} />
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label="名单分页" className="mt-3 flex flex-wrap items-center gap-2 text-sm">
          {current > 1 ? (
            <Link href={pageHref(current - 1)} className={linkClass}>
              上一页
            </Link>
          ) : null}
          <span className="text-slate-700">
            第 {current}/{pages} 页
          </span>
          {current < pages ? (
            <Link href={pageHref(current + 1)} className={linkClass}>
              下一页
            </Link>
          ) : null}
        </nav>
      ) : null}
    </Card>
  );
}

function rosterRow(m: TeamMemberView): RosterRow {
  return {
    id: m.id,
    name: m.name,
    employeeNo: m.employeeNo,
    grade: m.role === "ACCOUNT_MANAGER" ? m.grade : "ASSISTANT",
    tenure: m.tenureMonths === null ? "—" : formatTenure(m.tenureMonths),
    ratings: m.ratings,
    flag: outlookFlag(m.outlook),
    sentence: outlookSentence(m.outlook),
  };
}

const RATE_BANDS = [
  { label: "未开始", range: "0%", test: (rate: number) => rate <= 0 },
  { label: "不到一半", range: "1%–49%", test: (rate: number) => rate > 0 && rate < 50 },
  { label: "过半", range: "50%–99%", test: (rate: number) => rate >= 50 && rate < 100 },
  { label: "已完成", range: "100%", test: (rate: number) => rate >= 100 },
] as const;
const OVERDUE_NAMES = 10;

/**
 * 培训完成: how many team members are at each stage of their required hours (a 250-person branch
 * stays four bars), and who has overdue required courses (the first ten named, the rest counted).
 */
export function TeamLearningPanel({
  people,
}: {
  people: { userId: string; name: string; rate: number; overdue: number; requiredHours: number; completedHours: number }[];
}) {
  const overdue = people.filter((p) => p.overdue > 0).sort((a, b) => b.overdue - a.overdue);
  const withRequired = people.filter((p) => p.requiredHours > 0);
  const done = withRequired.reduce((s, p) => s + p.completedHours, 0);
  const need = withRequired.reduce((s, p) => s + p.requiredHours, 0);
  const bands = RATE_BANDS.map((b) => ({ name: b.label, range: b.range, people: withRequired.filter((p) => b.test(p.rate)).length }));
  return (
    <ChartCard
      testId="panel-team-learning"
      title="必修课完成情况"
      unit="人（按已完成学时 ÷ 本层级必修学时分段）"
      description={need > 0 ? `团队合计 ${formatScore(done, 1)}/${formatScore(need, 1)} 学时（${formatShare(done, need)}）` : undefined}
      empty={withRequired.length === 0}
      emptyHint="团队成员还没有必修课。人力资源部同步必修课或您在“团队培训”中指派课程后，这里会显示完成情况。"
      actions={
        <Link href="/branch/courses" className={`text-sm ${linkClass}`}>
          团队培训
        </Link>
      }
      table={{
        columns: ["完成进度", "完成率", "人数", "占比"],
        rows: bands.map((b) => [b.name, b.range, b.people, formatShare(b.people, withRequired.length)]),
      }}
    >
      {overdue.length > 0 ? (
        <p className="mb-2 rounded-md bg-orange-50 px-3 py-2 text-sm text-orange-900 ring-1 ring-orange-300" data-testid="overdue-courses">
          逾期未完成必修课（{overdue.length} 人）：
          {overdue.slice(0, OVERDUE_NAMES).map((p, i) => (
            <span key={p.userId}>
              {i > 0 ? "、" : ""}
              <Link href={`/people/${p.userId}`} className="underline underline-offset-2">
                {p.name}
              </Link>
              （{p.overdue} 门）
            </span>
          ))}
          {overdue.length > OVERDUE_NAMES ? (
            <>
              {" "}
              等，全部见
              <Link href="/branch/courses" className="underline underline-offset-2">
                团队培训
              </Link>
            </>
          ) : null}
        </p>
      ) : (
        <p className="mb-2 text-sm text-slate-700">没有逾期的必修课。</p>
      )}
      <BarChart
        data={bands.map(({ name, people }) => ({ name, people }))}
        unit="人"
        label="团队成员按必修学时完成进度的人数"
        series={[{ key: "people", label: "人数", colour: DONE_COLOUR }]}
      />
    </ChartCard>
  );
}
