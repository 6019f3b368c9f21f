"use client";

import Link from "next/link";

const EXITS = [
  ["/", "返回首页"],
  ["/login", "重新登录"],
] as const;

/**
 * The Chinese page shown instead of a failed page or action (app/error.tsx, app/(app)/error.tsx).
 * Details never reach the browser (production errors carry only a digest), so it names the
 * usual causes and offers a retry; the digest lets an administrator find the server log line.
 */
export function ErrorView({ digest, retry }: { digest?: string; retry?: () => void }) {
  return (
    <div className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-4 px-6 text-center" role="alert">
      <title>出错了 · 鹰阶</title>
      <p className="text-4xl font-bold text-brand-700">出错了</p>
      <h1 className="text-xl font-semibold text-slate-900">操作未能完成</h1>
      <p className="text-slate-700">
        可能是登录已失效、您没有此操作的权限、上传的文件超过 10 MB，或系统暂时繁忙。请返回后重试；如果刚才上传了文件，请确认文件不超过 10 MB 后再试。
      </p>
      <div className="flex flex-wrap justify-center gap-3">
        {retry ? (
          <button type="button" onClick={() => retry()} className="rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
            重试
          </button>
        ) : null}
        {EXITS.map(([href, label]) => (
          <Link key={href} href={href} className="rounded-md border border-slate-300 px-4 py-2 text-slate-700 hover:bg-slate-100">
            {label}
          </Link>
        ))}
      </div>
      {digest ? <p className="text-xs text-slate-600">错误编号：{digest}（联系系统管理员时请提供）</p> : null}
    </div>
  );
}
