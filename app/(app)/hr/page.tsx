import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { headcountsByGrade } from "@/lib/server/dal/people";
import { Card, PageHeader } from "@/components/ui/card";
import { HeadcountTable } from "@/components/people/headcount-table";

export const metadata: Metadata = { title: "全行概览" };
export const dynamic = "force-dynamic";

export default async function HrHome() {
  const viewer = await requirePageViewer("hr.view");
  const rows = await headcountsByGrade(viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="全行概览" subtitle="对公客户经理按机构与等级分布（在职）" />
      <Card title="各机构等级分布">
        <HeadcountTable rows={rows} linkBranches />
      </Card>
    </div>
  );
}
