import { requirePageViewer } from "@/lib/server/auth/guards";
import { getRulesOverview } from "@/lib/server/dal/review/rules";
import { GRADES, GRADE_LABELS } from "@/lib/domain/grades";
import { certificationNames } from "@/lib/domain/promotion";
import { getCertificationNames } from "@/lib/server/dal/certification-names";
import { DataTable } from "@/components/ui/table";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { RulesTable } from "@/components/review/rules-table";
import { RulesForm } from "@/components/review/rules-form";
import { formatDate, quarterLabel } from "@/lib/format";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("晋级条件", ["HR"]);
export const dynamic = "force-dynamic";

export default async function RulesPage() {
  const viewer = await requirePageViewer("hr.view");
  const [overview, nameMap] = await Promise.all([getRulesOverview(viewer), getCertificationNames()]);
  const names = Object.fromEntries(nameMap);
  const { current } = overview;
  const defaultQuarter =
    overview.earliestAllowedQuarter && overview.earliestAllowedQuarter > overview.currentQuarter ? overview.earliestAllowedQuarter : overview.currentQuarter;
  return (
    <div className="space-y-6">
      <PageHeader title="晋级条件" subtitle="各等级的最低任职年限与须持有的岗位资格认证；按季度分版本，已提交的评审保留当时的条件" />
      <Card title={`现行条件（${quarterLabel(overview.currentQuarter)}）`}>
        <RulesTable
          rules={current.rules}
          names={names}
          caption={current.effectiveFromQuarter ? `自${quarterLabel(current.effectiveFromQuarter)}起适用的版本` : "默认条件（尚未保存任何版本）"}
        />
      </Card>
      <Card title="制定新版本">
        <RulesForm rules={current.rules} defaultQuarter={defaultQuarter} earliest={overview.earliestAllowedQuarter} />
      </Card>
      <Card title="历史版本">
        {overview.versions.length === 0 ? (
          <EmptyState title="还没有保存过晋级条件" hint="目前使用默认条件；在上方保存后即形成第一个版本。" />
        ) : (
          <DataTable
            testId="rule-versions"
            columns={["起始季度", ...GRADES.slice(1).map((g) => GRADE_LABELS[g]), "说明", "制定", { label: "已用于评审", align: "right" }]}
          >
            {overview.versions.map((v) => (
              <tr key={v.id} className="border-t border-slate-100 align-top">
                <th scope="row" className="py-2 pr-4 text-left font-medium whitespace-nowrap">
                  {quarterLabel(v.effectiveFromQuarter)}
                  {v.id === current.ruleSetId ? <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">现行</span> : null}
                </th>
                {GRADES.slice(1).map((g) => (
                  <td key={g} className="py-2 pr-4">
                    {v.rules[g].minTenureMonths} 个月
                    {v.rules[g].certifications?.length ? (
                      <div className="text-xs text-slate-600">
                        {certificationNames(v.rules[g].certifications!, names)}
                        {v.rules[g].byCertification ? "（通过即可晋升）" : ""}
                      </div>
                    ) : null}
                  </td>
                ))}
                <td className="py-2 pr-4 text-slate-600">{v.note ?? ""}</td>
                <td className="py-2 pr-4 text-slate-600">
                  {v.createdBy ?? "系统"}
                  <div className="text-xs text-slate-600">{formatDate(v.createdAt)}</div>
                </td>
                <td className="py-2 text-right tabular-nums">{v.reviews}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
