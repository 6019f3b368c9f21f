import type { Metadata } from "next";
import Link from "next/link";
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
      <p className="text-sm">
        <Link href="/hr/people" className="text-brand-700 hover:underline">
          返回人员管理
        </Link>
      </p>
    </div>
  );
}
