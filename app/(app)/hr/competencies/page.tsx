import { requirePageViewer } from "@/lib/server/auth/guards";
import { getCurrentModel } from "@/lib/server/dal/competencies/model";
import { listModelVersions } from "@/lib/server/dal/competencies/model-admin";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";
import { HrCompetencyTabs } from "@/components/competencies/hr-tabs";
import { ModelEditor } from "@/components/competencies/model-editor";
import { formatDateTime } from "@/lib/format";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("胜任力模型", ["HR"]);
export const dynamic = "force-dynamic";

export default async function HrCompetencyModelPage() {
  const viewer = await requirePageViewer("hr.view");
  const [model, versions] = await Promise.all([getCurrentModel(), listModelVersions(viewer)]);
  return (
    <div>
      <PageHeader title="胜任力" subtitle="九大重要能力的定义、各级行为指标和各等级的要求；评估周期与全行差距热力图" />
      <HrCompetencyTabs current="/hr/competencies" />
      {!model ? (
        <EmptyState title="尚未建立胜任力模型" hint="请联系系统管理员导入默认模型。" />
      ) : (
        <div className="space-y-6">
          <p className="text-sm text-slate-600">
            当前为<strong className="mx-1">第 {model.version} 版</strong>。保存修改会生成新版本；已开启的评估周期继续使用开启时的版本。
          </p>
          <ModelEditor version={model.version} competencies={model.competencies} />
          <Card title="版本记录">
            <DataTable testId="model-versions" columns={["版本", "保存时间", "保存人", "说明", "使用该版本的评估周期"]}>
              {versions.map((v) => (
                <tr key={v.id} className="border-t border-slate-100">
                  <th scope="row" className="py-2 pr-4 text-left font-normal">
                    第 {v.version} 版{v.isCurrent ? <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-800">当前</span> : null}
                  </th>
                  <td className="py-2 pr-4 tabular-nums">{formatDateTime(v.createdAt)}</td>
                  <td className="py-2 pr-4">{v.createdByName ?? "系统"}</td>
                  <td className="py-2 pr-4 text-slate-600">{v.note ?? "—"}</td>
                  <td className="py-2 text-slate-600">{v.cycles.join("、") || "—"}</td>
                </tr>
              ))}
            </DataTable>
          </Card>
        </div>
      )}
    </div>
  );
}
