import type { Metadata } from "next";
import Link from "next/link";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { listProgrammes } from "@/lib/server/dal/programme/years";
import { copyProgrammeAction, createProgrammeAction } from "@/lib/actions/programme";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ActionForm } from "@/components/programme/action-form";
import { SelectField, TextField } from "@/components/ui/fields";
import { programmeField } from "@/components/page/programme-field";
import { PhaseStatusBadge } from "@/components/programme/phase-bits";
import { formatDayRange } from "@/lib/domain/programme-labels";
import { todayInShanghai } from "@/lib/domain/dates";

export const metadata: Metadata = { title: "培训项目" };
export const dynamic = "force-dynamic";

export default async function ProgrammesPage() {
  const viewer = await requirePageViewer("hr.view");
  const programmes = await listProgrammes(viewer);
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const taken = new Set(programmes.map((p) => p.year));
  const suggested = taken.has(thisYear) ? Math.max(...programmes.map((p) => p.year)) + 1 : thisYear;
  const copyable = programmes.filter((p) => !taken.has(p.year + 1));
  return (
    <div className="space-y-6">
      <PageHeader title="培训项目" subtitle="对公客户经理素质提升项目：每年的雏鹰训练营、金鹰训练营和业务技能大比拼" />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="新建年度项目">
          <p className="mb-3 text-sm text-slate-600">新建后自动生成三个默认阶段（4 月雏鹰训练营、7 月金鹰训练营、11 月业务技能大比拼），日期和对象可再修改。</p>
          <ActionForm action={createProgrammeAction} submitLabel="新建项目" pendingLabel="正在新建…" label="新建年度项目">
            <TextField {...programmeField("year", "年度")} type="number" inputMode="numeric" min={2020} max={2100} defaultValue={suggested} required />
            <TextField {...programmeField("name", "项目名称（可不填）")} maxLength={60} placeholder="默认为“某年对公客户经理素质提升项目”" />
          </ActionForm>
        </Card>
        <Card title="复制上一年度">
          {copyable.length === 0 ? (
            <EmptyState title="暂无可复制的项目" hint="先新建一个年度项目；之后可以把它复制为下一年度。" />
          ) : (
            <ActionForm action={copyProgrammeAction} submitLabel="复制为下一年度" pendingLabel="正在复制…" label="复制年度项目">
              <p className="text-sm text-slate-600">
                复制各阶段的日期（顺延一年）、对象职级、目标、预算和计入季度；培训场次和学员不复制，需按新年度重新安排和按职级生成。
              </p>
              <SelectField
                {...programmeField("fromProgrammeId", "复制哪个年度")}
                options={copyable.map((p) => [p.id, `${p.name} → ${p.year + 1} 年`] as const)}
              />
            </ActionForm>
          )}
        </Card>
      </div>
      <Card title="年度项目">
        {programmes.length === 0 ? (
          <EmptyState title="还没有培训项目" hint="在上方“新建年度项目”中填写年度即可开始规划。" />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="programme-list">
            {programmes.map((p) => (
              <li key={p.id} className="py-3">
                <Link href={`/hr/programmes/${p.id}`} className="font-medium text-brand-700 hover:underline">
                  {p.name}
                </Link>
                <ul className="mt-2 grid gap-2 sm:grid-cols-3">
                  {p.phases.map((ph) => (
                    <li key={ph.id} className="rounded-lg border border-slate-200 p-2 text-sm">
                      <div className="flex items-center justify-between gap-2">
                        <Link href={`/hr/programmes/${p.id}/phases/${ph.id}`} className="font-medium text-slate-900 hover:underline">
                          {ph.name}
                        </Link>
                        <PhaseStatusBadge status={ph.status} />
                      </div>
                      <p className="text-slate-600">{formatDayRange(ph.startsOn, ph.endsOn)}</p>
                      <p className="text-slate-600">
                        {ph.sessions} 场培训 · {ph.participants} 名学员
                      </p>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
