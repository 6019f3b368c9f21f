import type { Metadata } from "next";
import { BackToPeople } from "@/components/people/admin/back-link";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { listBranchOptions } from "@/lib/server/dal/people-admin";
import { todayInShanghai } from "@/lib/domain/dates";
import { Card, PageHeader } from "@/components/ui/card";
import { NewPersonForm } from "@/components/people/admin/new-person-form";

export const metadata: Metadata = { title: "新增人员" };
export const dynamic = "force-dynamic";

export default async function NewPersonPage() {
  await requirePageViewer("hr.view");
  const branches = await listBranchOptions();
  return (
    <div className="space-y-6">
      <PageHeader title="新增人员" subtitle="对公客户经理、业务助理、支行长或人力资源部人员。业务助理转为客户经理请在其人员页面办理“转岗”。" />
      <Card>
        <NewPersonForm branches={branches} today={todayInShanghai()} />
      </Card>
      <BackToPeople />
    </div>
  );
}
