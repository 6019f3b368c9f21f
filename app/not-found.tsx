import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";

export const metadata: Metadata = { title: "页面不存在" };

export default async function NotFound() {
  // Rendered per request, so that its scripts carry the CSP nonce of that request (proxy.ts).
  await connection();
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-4 px-6 text-center">
      <p className="text-5xl font-bold text-brand-700">404</p>
      <h1 className="text-xl font-semibold">页面不存在</h1>
      <p className="text-slate-600">您访问的页面不存在，或您没有查看权限。</p>
      <Link href="/" className="rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
        返回首页
      </Link>
    </main>
  );
}
