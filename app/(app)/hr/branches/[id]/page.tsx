import { pageItem } from "@/lib/server/page-load";
import { getBranchRoster } from "@/lib/server/dal/people";
import { Card, PageHeader } from "@/components/ui/card";
import { RosterTable } from "@/components/people/roster-table";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("机构名单", ["HR"]);
export const dynamic = "force-dynamic";

export default async function HrBranchPage({ params }: { params: Promise<{ id: string }> }) {
  const { item: branch } = await pageItem("hr.view", params, "id", getBranchRoster);
  return (
    <div className="space-y-6">
      <PageHeader title={branch.name} subtitle="人员名单" />
      <Card>
        <RosterTable rows={branch.roster} />
      </Card>
    </div>
  );
}
