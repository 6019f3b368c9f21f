import Link from "next/link";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { listAssessableBranches, listCycles } from "@/lib/server/dal/competencies/cycles";
import { todayInShanghai } from "@/lib/domain/dates";
import { SOURCE_LABELS, SOURCES } from "@/lib/domain/competency";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ACTIONS_COLUMN, DataTable, right } from "@/components/ui/table";
import { HrCompetencyTabs } from "@/components/competencies/hr-tabs";
import { CloseCycleButton, OpenCycleForm } from "@/components/competencies/cycle-forms";
import { CycleStatus } from "@/components/competencies/panels";
import { formatDate } from "@/lib/format";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("评估周期", ["HR"]);
export const dynamic = "force-dynamic";

export default async function HrCyclesPage() {
  const viewer = await requirePageViewer("hr.view");
  const [cycles, branches] = await Promise.all([listCycles(viewer), listAssessableBranches(viewer)]);
  return (
    <div>
      <PageHeader title="胜任力" subtitle="开启和关闭 360° 评估周期；开启后请支行长或人力资源部为每人提名同事评估人" />
      <HrCompetencyTabs current="/hr/competencies/cycles" />
      <div className="space-y-6">
        <Card title="评估周期">
          {cycles.length === 0 ? (
            <EmptyState title="还没有评估周期" hint="在下方开启第一个评估周期：选择机构、截止日期和评价来源权重。" />
          ) : (
            <DataTable testId="cycles" columns={["名称", "状态", "截止日期", "模型版本", "权重", "机构", right("人数"), right("已提交"), ACTIONS_COLUMN]}>
              {cycles.map((c) => (
                <tr key={c.id} className="border-t border-slate-100 align-top">
                  <th scope="row" className="py-2 pr-4 text-left font-normal">
                    <Link href={`/hr/competencies/heatmap?cycle=${c.id}`} className="text-brand-700 hover:underline">
                      {c.name}
                    </Link>
                  </th>
                  <td className="py-2 pr-4">
                    <CycleStatus cycle={c} />
                  </td>
                  <td className="py-2 pr-4 tabular-nums">{formatDate(c.deadline)}</td>
                  <td className="py-2 pr-4">第 {c.modelVersion} 版</td>
                  <td className="py-2 pr-4 whitespace-nowrap text-slate-600">
                    {SOURCES.map((s) => `${SOURCE_LABELS[s].replace("评价", "")} ${c.weights[s]}`).join(" · ")}
                  </td>
                  <td className="py-2 pr-4 text-slate-600">{c.branches.length === branches.length ? "全部机构" : c.branches.map((b) => b.name).join("、")}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{c.participants}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">
                    {c.submitted}/{c.forms}
                  </td>
                  <td className="py-2 text-right">
                    {c.status === "OPEN" ? <CloseCycleButton cycleId={c.id} name={c.name} pendingForms={c.forms - c.submitted} /> : null}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>
        <Card title="开启新的评估周期">
          <p className="mb-4 text-sm text-slate-600">新周期使用当前版本的胜任力模型；一个机构同时只能在一个进行中的周期里。</p>
          <OpenCycleForm branches={branches} minDate={todayInShanghai()} />
        </Card>
      </div>
    </div>
  );
}
