import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { listBranchRoster } from "@/lib/server/dal/people";
import { db } from "@/lib/server/db";
import { Card, PageHeader } from "@/components/ui/card";
import { RosterTable } from "@/components/people/roster-table";

export const dynamic = "force-dynamic";

export default async function HrBranchPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer("hr.view");
  const { id } = await params;
  const branch = await db.branch.findUnique({ where: { id }, select: { name: true } });
  if (!branch) notFound();
  const roster = await listBranchRoster(viewer, id);
  return (
    <div className="space-y-6">
      <PageHeader title={branch.name} subtitle="人员名单" />
      <Card>
        <RosterTable rows={roster} />
      </Card>
    </div>
  );
}
