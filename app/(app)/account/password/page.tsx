import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { Card, PageHeader } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/auth/change-password-form";

export const metadata: Metadata = { title: "修改密码" };
export const dynamic = "force-dynamic";

export default async function ChangePasswordPage() {
  const viewer = await requirePageViewer("account.password");
  return (
    <div className="space-y-6">
      <PageHeader title="修改密码" subtitle={`${viewer.name}（工号 ${viewer.employeeNo}）`} />
      {viewer.mustChangePassword ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-slate-800">
          您的密码已由人力资源部重置。请先设置新密码，然后才能继续使用系统；“当前密码”请填写收到的临时密码。
        </p>
      ) : null}
      <Card>
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
