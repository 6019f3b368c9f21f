import Link from "next/link";
import { ROLE_LABELS, type Role } from "@/lib/domain/grades";
import { navItemsFor } from "./nav";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import { UploadSizeGuard } from "./upload-size-guard";

export function AppShell({ viewer, children }: { viewer: { name: string; role: Role; branchName: string; isJudge?: boolean }; children: React.ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-xl font-bold text-brand-700">
            鹰阶
          </Link>
          <nav aria-label="主导航" className="order-3 w-full sm:order-none sm:w-auto">
            <NavLinks items={navItemsFor(viewer.role, { judge: viewer.isJudge })} />
          </nav>
          <div className="ml-auto flex flex-wrap items-center justify-end gap-x-3 gap-y-1 text-sm">
            <span data-testid="viewer">
              <span className="font-medium">{viewer.name}</span>
              <span className="ml-2 text-slate-600">
                {ROLE_LABELS[viewer.role]} · {viewer.branchName}
              </span>
            </span>
            <Link href="/account/password" className="text-slate-700 underline-offset-2 hover:underline">
              修改密码
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      <UploadSizeGuard />
    </div>
  );
}
