import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer, homeFor } from "@/lib/server/auth/viewer";
import { LoginForm } from "@/components/auth/login-form";

export const metadata: Metadata = { title: "登录" };
export const dynamic = "force-dynamic";

/** Only same-site paths are followed after sign-in, never another host. */
function safeCallback(value: string | string[] | undefined): string | null {
  const path = Array.isArray(value) ? value[0] : value;
  return path && path.startsWith("/") && !path.startsWith("//") ? path : null;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  const viewer = await getViewer();
  if (viewer) redirect(callbackUrl ?? homeFor(viewer.role));
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-900 via-brand-700 to-brand-600 px-4">
      <div className="w-full max-w-sm rounded-2xl bg-white p-8 shadow-xl">
        <div className="mb-6 text-center">
          <p className="text-3xl font-bold tracking-wide text-brand-700">鹰阶</p>
          <h1 className="mt-1 text-sm text-slate-600">对公客户经理成长与晋级平台</h1>
        </div>
        <LoginForm callbackUrl={callbackUrl ?? "/"} />
      </div>
    </main>
  );
}
