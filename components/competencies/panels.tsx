// Server-rendered pieces shared by the competency pages.
import Link from "next/link";
import { SOURCE_LABELS, type Source } from "@/lib/domain/competency";
import type { PendingForm } from "@/lib/server/dal/competencies/assessments";
import type { BranchCompetenciesView, ProgressRow } from "@/lib/server/dal/competencies/results";
import { Card, EmptyState } from "@/components/ui/card";
import { ACTIONS_COLUMN, DataTable, right } from "@/components/ui/table";
import { RequirementRadar } from "./requirement-radar";
import { HEAT_LEGEND } from "./heat";
import { PagedMemberHeatmap } from "./member-heatmap";
import { formatDate } from "@/lib/format";
import { SliceNav } from "@/components/dashboard/slice-nav";
import { pageOf } from "@/components/dashboard/paging";

/** Open rows per page of the progress list. */
const PROGRESS_PAGE_SIZE = 20;

export const CYCLE_STATUS_LABELS = { OPEN: "进行中", CLOSED: "已关闭" } as const;

export function CycleStatus({ cycle }: { cycle: { status: "OPEN" | "CLOSED"; acceptingAnswers?: boolean } }) {
  const overdue = cycle.status === "OPEN" && cycle.acceptingAnswers === false;
  const style = cycle.status === "CLOSED" ? "bg-slate-100 text-slate-600" : overdue ? "bg-amber-100 text-amber-800" : "bg-sky-100 text-sky-800";
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${style}`}>{overdue ? "已过截止日" : CYCLE_STATUS_LABELS[cycle.status]}</span>;
}

/** A GET form to switch cycles; works without JavaScript. */
export function CyclePicker({
  cycles,
  selected,
  hidden = {},
}: {
  cycles: { id: string; name: string; status: "OPEN" | "CLOSED" }[];
  selected: string | null;
  hidden?: Record<string, string>;
}) {
  if (cycles.length < 2) return null;
  return (
    <form method="get" className="flex items-center gap-2 text-sm">
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label htmlFor="cycle" className="text-slate-600">
        评估周期
      </label>
      <select id="cycle" name="cycle" defaultValue={selected ?? undefined} className="rounded-md border border-slate-300 px-2 py-1.5">
        {cycles.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}（{CYCLE_STATUS_LABELS[c.status]}）
          </option>
        ))}
      </select>
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50">
        查看
      </button>
    </form>
  );
}

export function HeatLegend() {
  return (
    <ul className="mt-3 flex flex-wrap gap-2 text-xs" aria-label="颜色说明">
      {HEAT_LEGEND.map((l) => (
        <li key={l.label} className={`rounded px-2 py-0.5 ${l.className}`}>
          {l.label}
        </li>
      ))}
      <li className="px-1 text-slate-600">差距 = 岗位要求 − 评估结果；“—” 表示暂无结果</li>
    </ul>
  );
}

const FORM_VERB: Record<Source, string> = { SELF: "填写自评", MANAGER: "上级评价", PEER: "同事评价" };

export function PendingFormsList({ forms, empty }: { forms: PendingForm[]; empty: string }) {
  if (forms.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm" data-testid="pending-forms">
      {forms.map((f) => (
        <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <span>
            <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{SOURCE_LABELS[f.source]}</span>
            {f.source === "SELF" ? "我的自评" : f.assesseeName}
            <span className="ml-2 text-slate-600">
              {f.cycleName} · 截止 {formatDate(f.deadline)}
            </span>
          </span>
          <Link href={`/me/competencies/assess/${f.id}`} className="rounded-md bg-brand-600 px-3 py-1 text-white hover:bg-brand-700">
            {FORM_VERB[f.source]}
            <span className="sr-only">：{f.source === "SELF" ? "我的自评" : f.assesseeName}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function Done({ done, label }: { done: boolean | null; label: string }) {
  if (done === null) return <span className="text-slate-600">无</span>;
  return done ? (
    <span className="text-sky-700">
      ✓<span className="sr-only">{label}已提交</span>
    </span>
  ) : (
    <span className="font-medium text-orange-700">未提交</span>
  );
}

/** Who still has to answer: self, manager, peers (names of peers not yet in), and peers to name. */
export function ProgressList({
  rows,
  nominateHref,
  accepting,
  paging,
}: {
  rows: ProgressRow[];
  nominateHref: string | null;
  accepting: boolean;
  /** Pages the open rows by `?open=` (a 250-person branch); `params` keeps the page's other state. */
  paging?: { page: number; action: string; params: Record<string, string | undefined> };
}) {
  const all = rows.filter((r) => !r.selfDone || r.managerDone === false || r.peersAnswered < r.peersNamed || r.peersNamed < 3);
  const complete = rows.length - all.length;
  const shown = pageOf(all, paging?.page ?? 1, paging ? PROGRESS_PAGE_SIZE : Math.max(1, all.length));
  const open = shown.rows;
  if (rows.length === 0) return <EmptyState title="本周期没有需要评估的客户经理" />;
  return (
    <div>
      <DataTable
        testId="progress-list"
        caption="评估进度：尚未完成的人员"
        columns={["姓名", "自评", "上级评价", "同事评价", "待提交的同事", ...(nominateHref ? [ACTIONS_COLUMN] : [])]}
      >
        {open.map((r) => (
          <tr key={r.id} className="border-t border-slate-100" data-testid={`progress-${r.id}`}>
            <th scope="row" className="py-2 pr-3 text-left font-normal">
              {r.name}
            </th>
            <td className="py-2 pr-3">
              <Done done={r.selfDone} label="自评" />
            </td>
            <td className="py-2 pr-3">
              <Done done={r.managerDone} label="上级评价" />
            </td>
            <td className="py-2 pr-3 tabular-nums">
              {r.peersNamed === 0 ? <span className="text-orange-700">未提名</span> : `${r.peersAnswered}/${r.peersNamed}`}
              {r.peersNamed > 0 && r.peersNamed < 3 ? <span className="ml-1 text-xs text-orange-700">（不足 3 人，不计入）</span> : null}
            </td>
            <td className="py-2 pr-3 text-slate-600">{r.waitingFor.join("、") || "—"}</td>
            {nominateHref ? (
              <td className="py-2 text-right">
                {accepting ? (
                  <Link href={`${nominateHref}/${r.id}`} className="text-brand-700 hover:underline">
                    {r.peersNamed === 0 ? "提名同事" : "调整同事"}
                    <span className="sr-only">：{r.name}</span>
                  </Link>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </DataTable>
      <p className="mt-2 text-sm text-slate-600">{all.length === 0 ? "全部人员的评估均已完成。" : `其余 ${complete} 人的评估均已完成。`}</p>
      {paging ? <SliceNav slice={shown} basePath={paging.action} params={paging.params} unit="人未完成" param="open" label="评估进度分页" /> : null}
    </div>
  );
}

/** Team radar, member heatmap and progress of one branch in one cycle. */
export function BranchCompetencyPanels({
  view,
  nominateHref,
  personHref,
  courseHref,
  paging,
}: {
  view: BranchCompetenciesView;
  nominateHref: string | null;
  personHref?: string;
  /** From the URL: the member heatmap's order and page, the progress list's page (`?open=`); the page's path and cycle. */
  paging: { sort?: string; page: number; openPage: number; action: string; cycle?: string };
  /** Where a competency name leads for this viewer (a course list they can open), or nothing. */ courseHref?: (code: string) => string;
}) {
  const cycle = view.cycle!;
  const hasResults = view.members.some((m) => m.meanGap !== null);
  return (
    <>
      <div className="grid gap-6 lg:grid-cols-5">
        <Card title="团队能力雷达" className="lg:col-span-3">
          {hasResults ? (
            <RequirementRadar
              label={`${view.branch.name}团队各项能力平均结果与岗位要求`}
              rows={view.team}
              legend={["团队平均结果", "当前等级平均要求", "下一等级平均要求"]}
            />
          ) : (
            <EmptyState title="本周期还没有评估结果" hint="自评、上级评价或同事评价提交后，这里会显示团队平均水平。" />
          )}
        </Card>
        <Card title="团队平均" className="lg:col-span-2">
          <DataTable testId="team-table" columns={["能力", right("平均结果"), right("平均要求"), right("下一等级")]}>
            {view.team.map((t) => (
              <tr key={t.code} className="border-t border-slate-100">
                <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                  {courseHref ? (
                    <Link href={courseHref(t.code)} className="text-brand-700 underline underline-offset-2" title="查看培养这项能力的课程">
                      {t.name}
                    </Link>
                  ) : (
                    t.name
                  )}
                </th>
                <td className="py-1.5 pr-2 text-right tabular-nums">{t.result?.toFixed(2) ?? "—"}</td>
                <td className="py-1.5 pr-2 text-right tabular-nums">{t.required?.toFixed(2) ?? "—"}</td>
                <td className="py-1.5 text-right tabular-nums">{t.nextRequired?.toFixed(2) ?? "—"}</td>
              </tr>
            ))}
          </DataTable>
          {courseHref ? <p className="mt-2 text-xs text-slate-600">能力名称链接到培养该能力的课程。</p> : null}
        </Card>
      </div>
      <Card title="成员能力差距（对照当前等级）">
        {view.members.length === 0 ? (
          <EmptyState title="本周期没有需要评估的客户经理" />
        ) : (
          <>
            <PagedMemberHeatmap
              competencies={view.competencies}
              members={view.members}
              personHref={personHref}
              paging={{
                sort: paging.sort,
                page: paging.page,
                action: paging.action,
                hidden: { cycle: paging.cycle, open: paging.openPage > 1 ? String(paging.openPage) : undefined },
              }}
            />
            <HeatLegend />
          </>
        )}
      </Card>
      <Card title={`评估进度 · ${cycle.name}`}>
        <ProgressList
          rows={view.progress}
          nominateHref={nominateHref}
          accepting={cycle.acceptingAnswers}
          paging={{
            page: paging.openPage,
            action: paging.action,
            params: { cycle: paging.cycle, sort: paging.sort, page: paging.page > 1 ? String(paging.page) : undefined },
          }}
        />
      </Card>
    </>
  );
}
