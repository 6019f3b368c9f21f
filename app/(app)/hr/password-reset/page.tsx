import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { findPersonForReset } from "@/lib/server/auth/account";
import { FindByEmployeeNoInput } from "@/lib/schemas/account";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ResetPasswordButton } from "@/components/auth/reset-password-button";
import { FilterForm, type FilterField } from "@/components/ui/fields";

export const metadata: Metadata = { title: "重置密码" };
export const dynamic = "force-dynamic";

const FIND: FilterField[] = [{ name: "employeeNo", label: "工号", inputMode: "numeric", maxLength: 32, required: true, className: "w-48" }];

export default async function PasswordResetPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer("hr.view");
  const raw = (await searchParams).employeeNo;
  const parsed = FindByEmployeeNoInput.safeParse({ employeeNo: Array.isArray(raw) ? raw[0] : (raw ?? "") });
  const employeeNo = parsed.success ? parsed.data.employeeNo : "";
  const person = employeeNo ? await findPersonForReset(viewer, employeeNo) : null;
  return (
    <div className="space-y-6">
      <PageHeader title="重置密码" subtitle="忘记密码的员工由人力资源部重置：系统生成临时密码，本人下次登录后必须先设置新密码。" />
      <Card title="按工号查找">
        <FilterForm label="查找要重置密码的人员" idPrefix="reset" fields={FIND} values={{ employeeNo }} submitLabel="查找" />
        {!parsed.success ? (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {parsed.error.issues[0]?.message}
          </p>
        ) : null}
      </Card>
      {employeeNo ? (
        <Card title="查找结果">
          {!person ? (
            <EmptyState title={`没有工号为 ${employeeNo} 的人员`} hint="请核对工号后重新查找。" />
          ) : (
            <div className="space-y-4" data-testid="reset-candidate">
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-slate-600">姓名</dt>
                <dd className="font-medium text-slate-900">{person.name}</dd>
                <dt className="text-slate-600">工号</dt>
                <dd>{person.employeeNo}</dd>
                <dt className="text-slate-600">岗位</dt>
                <dd>
                  {person.roleLabel} · {person.branchName}
                </dd>
                <dt className="text-slate-600">状态</dt>
                <dd>{person.active ? (person.mustChangePassword ? "在职 · 密码已重置，等待本人修改" : "在职") : "已离职"}</dd>
              </dl>
              {!person.active ? (
                <p className="text-sm text-slate-700">已离职人员不能登录，无需重置密码。</p>
              ) : person.id === viewer.id ? (
                <p className="text-sm text-slate-700">
                  这是您自己的账号，请在{" "}
                  <a href="/account/password" className="text-brand-700 underline">
                    修改密码
                  </a>{" "}
                  中修改。
                </p>
              ) : (
                <ResetPasswordButton userId={person.id} name={person.name} />
              )}
            </div>
          )}
        </Card>
      ) : null}
    </div>
  );
}
