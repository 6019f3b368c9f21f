import { requirePageViewer } from "@/lib/server/auth/guards";
import { listRecentCertifications } from "@/lib/server/dal/review/certifications";
import { DataTable } from "@/components/ui/table";
import { PersonCell } from "@/components/people/person-cell";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ImportCertificationsForm, RecordCertificationForm } from "@/components/review/certification-forms";
import { formatDate } from "@/lib/format";
import { listCertificationNames } from "@/lib/server/dal/certification-names";
import { CertificationNameForm } from "@/components/review/certification-name-form";
import { titleFor } from "@/lib/server/page-title";
import { certificationName } from "@/lib/domain/promotion";

export const generateMetadata = titleFor("资格认证", ["HR"]);
export const dynamic = "force-dynamic";

export default async function CertificationsPage() {
  const viewer = await requirePageViewer("hr.view");
  const [recent, names] = await Promise.all([listRecentCertifications(viewer, 50), listCertificationNames(viewer)]);
  // The form offers every code in use by its Chinese name, 见习期考核 first.
  // Codes without a name yet are recorded through 其他认证 by their import code.
  const types = names
    .filter((n) => n.name !== null || certificationName(n.code) !== n.code)
    .map((n) => ({ code: n.code, name: n.name ?? certificationName(n.code) }))
    .sort((a, b) => Number(b.code === "PROBATION") - Number(a.code === "PROBATION"));
  return (
    <div className="space-y-6">
      <PageHeader title="资格认证" subtitle="岗位资格认证考试与见习期考核的结果；晋级与定级按“通过日期 ≤ 当日 ≤ 有效期至”判断认证是否有效" />
      <Card title="登记一条结果">
        <RecordCertificationForm types={types} />
      </Card>
      <Card title="认证名称">
        <p className="mb-2 text-sm text-slate-600">认证代码由人力资源部登记；页面上只显示这里的中文名称。</p>
        <div data-testid="certification-names">
          {names.map((n) => (
            <CertificationNameForm key={n.code} code={n.code} name={n.name} holders={n.holders} />
          ))}
        </div>
      </Card>
      <Card title="批量导入">
        <ImportCertificationsForm />
      </Card>
      <Card title="最近登记">
        {recent.length === 0 ? (
          <EmptyState title="还没有认证记录" hint="用上方表单登记，或批量导入考试结果。" />
        ) : (
          <DataTable testId="recent-certifications" columns={["姓名", "机构", "认证", "通过日期", "有效期至", { label: "成绩", align: "right" }]}>
            {recent.map((c) => (
              <tr key={c.id} className="border-t border-slate-100">
                <PersonCell id={c.userId} name={c.name} employeeNo={c.employeeNo} />
                <td className="py-2 pr-4">{c.branchName}</td>
                <td className="py-2 pr-4">{c.codeName}</td>
                <td className="py-2 pr-4 tabular-nums">{formatDate(c.passedOn)}</td>
                <td className="py-2 pr-4 tabular-nums">{c.validUntil ? formatDate(c.validUntil) : "长期有效"}</td>
                <td className="py-2 text-right tabular-nums">{c.score ?? "—"}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
