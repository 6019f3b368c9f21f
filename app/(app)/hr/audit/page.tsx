import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { listAuditEntries } from "@/lib/server/dal/audit/browse";
import { auditActionLabel } from "@/lib/domain/audit-labels";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { AuditTable } from "@/components/audit/audit-table";
import { getCertificationNames } from "@/lib/server/dal/certification-names";
import { FilterForm } from "@/components/ui/fields";
import { auditQuery, parseAuditFilters } from "@/lib/schemas/audit";

export const metadata: Metadata = { title: "审计日志" };
export const dynamic = "force-dynamic";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer("audit.view");
  const filters = parseAuditFilters(await searchParams);
  const [view, certificationNames] = await Promise.all([listAuditEntries(viewer, filters), getCertificationNames()]);
  const params = auditQuery(filters);
  const exportHref = `/hr/audit/export?${new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString()}`;
  return (
    <div className="space-y-6">
      <PageHeader title="审计日志" subtitle="人员、等级、考评、晋级条件、评审、课程与认证的每一次修改，只增不改" />
      <Card title="筛选">
        <FilterForm
          label="筛选审计日志"
          idPrefix="audit"
          fields={[
            { name: "person", label: "涉及人员（工号或姓名）", maxLength: 40 },
            { name: "actor", label: "操作人（工号或姓名）", maxLength: 40 },
            { name: "kind", label: "操作类型", options: view.kinds.map((k) => [k, auditActionLabel(k)] as const) },
            { name: "from", label: "起始日期", type: "date" },
            { name: "to", label: "截止日期", type: "date" },
          ]}
          values={filters}
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
          footerClassName="sm:col-span-2 lg:col-span-5"
        >
          <a href="/hr/audit" className="text-sm text-brand-700 hover:underline">
            清除筛选
          </a>
          <a href={exportHref} className="ml-auto rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-100">
            导出 Excel
          </a>
        </FilterForm>
      </Card>
      <Card title="记录">
        {view.entries.length === 0 ? (
          <EmptyState title="没有符合条件的记录" hint="请放宽筛选条件，例如清空日期或改用姓名中的一个字。" />
        ) : (
          <>
            <AuditTable entries={view.entries} certificationNames={certificationNames} />
            <Pagination basePath="/hr/audit" params={params} page={view.page} pageCount={view.pageCount} matching={view.total} unit="条" />
          </>
        )}
      </Card>
    </div>
  );
}
