import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer, homeFor } from "@/lib/server/auth/viewer";
import { safeCallbackPath } from "@/lib/server/auth/redirect";
import { LoginForm } from "@/components/auth/login-form";

export const metadata: Metadata = { title: "登录" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Only same-site paths are followed after sign-in, never another host.
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  const viewer = await getViewer();
  if (viewer) redirect(callbackUrl ?? homeFor(viewer.role));
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-900 via-brand-700 to-brand-600 px-4">
      <div className="w-full max-w-sm rounded-2xl bg-white p-8 shadow-xl">
        <div className="mb-6 text-center">
          <p className="text-3xl font-bold tracking-wide text-brand-700">鹰阶</p>
          <h1 className="mt-1 text-sm text-slate-600">对公客户经理成长与晋级平台</h1>
        </div>
        {params.changed === "1" ? (
          <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            密码已修改，请用新密码重新登录。
          </p>
        ) : null}
        <LoginForm callbackUrl={callbackUrl ?? "/"} />
      </div>
    </main>
  );
}
