"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { safeRedirectPath } from "@/lib/domain/safe-redirect";
import { SIGN_IN_REFUSED } from "@/lib/domain/sign-in-throttle";
import { LARGE_CONTROL, TextField } from "@/components/ui/fields";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const identifier = String(form.get("identifier") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!identifier || !password) {
      setError("请输入工号或邮箱，以及密码");
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { identifier, password, redirect: false });
    if (!result || result.error) {
      setPending(false);
      // One message for every failure (wrong password, unknown account, locked): it must not
      // reveal whether the account exists.
      setError(SIGN_IN_REFUSED);
      return;
    }
    // A full navigation so that server components see the new session cookie.
    window.location.assign(safeRedirectPath(callbackUrl, window.location.origin) ?? "/");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <TextField id="identifier" name="identifier" label="工号或邮箱" autoComplete="username" required inputClassName={LARGE_CONTROL} />
      <TextField id="password" name="password" label="密码" type="password" autoComplete="current-password" required inputClassName={LARGE_CONTROL} />
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="w-full rounded-md bg-brand-600 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
