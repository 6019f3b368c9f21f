import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { listBranchOptions, listPeople } from "@/lib/server/dal/people-admin";
import { PeopleFiltersInput } from "@/lib/schemas/people";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { PeopleFiltersForm } from "@/components/people/admin/people-filters";
import { PeopleTable } from "@/components/people/admin/people-table";
import { HeaderLinks } from "@/components/page/header-links";

export const metadata: Metadata = { title: "人员管理" };
export const dynamic = "force-dynamic";

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer("hr.view");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filters = PeopleFiltersInput.parse(raw);
  const [page, branches] = await Promise.all([listPeople(viewer, filters), listBranchOptions()]);
  const params = { q: filters.q, branchId: filters.branchId, role: filters.role, grade: filters.grade, status: filters.status };
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  const linkClass = "rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100";
  return (
    <div className="space-y-6">
      <PageHeader
        title="人员管理"
        subtitle="全行人员：新增、业务助理转岗、调动、退出和手工调整等级；所有变更记入历史和审计日志，只能以新的变更更正。"
        actions={<HeaderLinks add={["/hr/people/new", "新增人员"]} links={[["/hr/people/import", "导入名单"]]} />}
      />
      <Card>
        <div className="space-y-4">
          <PeopleFiltersForm filters={filters} branches={branches} />
          <div className="flex flex-wrap gap-2 text-sm">
            <span className="py-1.5 text-slate-700">导出当前筛选结果：</span>
            <a href={`/hr/people/export?${query}${query ? "&" : ""}format=xlsx`} className={linkClass} download>
              Excel 表格
            </a>
            <a href={`/hr/people/export?${query}${query ? "&" : ""}format=csv`} className={linkClass} download>
              CSV 文件
            </a>
          </div>
          {page.rows.length === 0 ? (
            <EmptyState title="没有符合条件的人员" hint="请调整筛选条件，或点击“新增人员”“导入名单”添加人员。" />
          ) : (
            <>
              <PeopleTable rows={page.rows} />
              <Pagination basePath="/hr/people" params={params} page={page.page} pageCount={page.pageCount} matching={page.total} />
            </>
          )}
        </div>
      </Card>
    </div>
  );
}
