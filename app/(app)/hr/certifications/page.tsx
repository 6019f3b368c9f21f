import type { Metadata } from "next";
import Link from "next/link";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { listRecentCertifications } from "@/lib/server/dal/review/certifications";
import { DataTable } from "@/components/ui/table";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ImportCertificationsForm, RecordCertificationForm } from "@/components/review/certification-forms";

export const metadata: Metadata = { title: "资格认证" };
export const dynamic = "force-dynamic";

export default async function CertificationsPage() {
  const viewer = await requirePageViewer("hr.view");
  const recent = await listRecentCertifications(viewer, 50);
  const knownCodes = [...new Set(["PROBATION", ...recent.map((r) => r.code)])];
  return (
    <div className="space-y-6">
      <PageHeader title="资格认证" subtitle="岗位资格认证考试与见习期考核的结果；晋级与定级按“通过日期 ≤ 当日 ≤ 有效期至”判断认证是否有效" />
      <Card title="登记一条结果">
        <RecordCertificationForm knownCodes={knownCodes} />
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
                <th scope="row" className="py-2 pr-4 text-left font-normal">
                  <Link href={`/people/${c.userId}`} className="text-brand-700 hover:underline">
                    {c.name}
                  </Link>
                  <span className="ml-1 text-xs text-slate-500 tabular-nums">{c.employeeNo}</span>
                </th>
                <td className="py-2 pr-4">{c.branchName}</td>
                <td className="py-2 pr-4">
                  {c.codeName}
                  {c.codeName !== c.code ? <span className="ml-1 text-xs text-slate-500">{c.code}</span> : null}
                </td>
                <td className="py-2 pr-4 tabular-nums">{c.passedOn}</td>
                <td className="py-2 pr-4 tabular-nums">{c.validUntil ?? "长期有效"}</td>
                <td className="py-2 text-right tabular-nums">{c.score ?? "—"}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
