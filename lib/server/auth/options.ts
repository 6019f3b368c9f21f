import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT, clientAddress } from "@/lib/domain/sign-in-throttle";
import { safeRedirectPath } from "@/lib/domain/safe-redirect";
import { verifyPassword } from "./password";
import { accountKey, addressKey, clearKey, countFailure, lockedKeys } from "./throttle";
import { endSessions, sessionIsCurrent } from "./sessions";

const Credentials = z.object({
  identifier: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

/** Thrown by the jwt callback for an ended session; next-auth then clears the cookie and returns no session. */
const SESSION_ENDED = "SESSION_ENDED";

/**
 * Finds an active user by employee number or e-mail and checks the password; null otherwise.
 * Throttled per account and per client address (lib/domain/sign-in-throttle.ts): while either is
 * locked even the right password is refused, and the caller cannot tell a lock from a wrong
 * password or an unknown account (same answer, same bcrypt work).
 */
export async function authenticate(identifier: string, password: string, address = "unknown") {
  const user = await db.user.findFirst({
    where: {
      OR: [{ employeeNo: identifier }, { email: { equals: identifier, mode: "insensitive" } }],
    },
    select: { id: true, name: true, email: true, role: true, status: true, passwordHash: true, sessionVersion: true },
  });
  // Unknown accounts are counted under what was typed, known ones under their id (so the employee
  // number and the e-mail share one counter).
  const account = accountKey(user?.id ?? identifier);
  const from = addressKey(address);
  const locked = await lockedKeys([account, from]);
  if (locked.length > 0) {
    await verifyPassword(password, undefined);
    return null;
  }
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!user || !ok || user.status !== "ACTIVE") {
    const [perAccount, perAddress] = await Promise.all([countFailure(account, ACCOUNT_FAILURE_LIMIT), countFailure(from, ADDRESS_FAILURE_LIMIT)]);
    await audit(db, [
      {
        actorId: null,
        action: "SIGN_IN_FAILED",
        entity: user ? "User" : "SignIn",
        entityId: user?.id ?? identifier.slice(0, 100),
        after: { address, accountFailures: perAccount.failures, addressFailures: perAddress.failures },
      },
      ...(perAccount.lockedNow
        ? [
            {
              actorId: null,
              action: "SIGN_IN_LOCKED",
              entity: user ? "User" : "SignIn",
              entityId: user?.id ?? identifier.slice(0, 100),
              after: { key: "account", address },
            },
          ]
        : []),
      ...(perAddress.lockedNow ? [{ actorId: null, action: "SIGN_IN_LOCKED", entity: "SignIn", entityId: address, after: { key: "address", address } }] : []),
    ]);
    return null;
  }
  await clearKey(account);
  return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
}

function headerOf(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** The caller's address: the TCP peer, or the trusted proxy's X-Forwarded-For entry (README: TRUST_PROXY). */
export function addressOf(headers: unknown): string {
  return clientAddress({
    forwardedFor: headerOf(headers, "x-forwarded-for"),
    socketAddress: headerOf(headers, "x-eagle-client-address"),
    trustProxy: process.env.TRUST_PROXY === "1" || process.env.TRUST_PROXY === "true",
  });
}

function appOrigin(baseUrl: string): string {
  return process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : new URL(baseUrl).origin;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "工号或邮箱",
      credentials: {
        identifier: { label: "工号或邮箱", type: "text" },
        password: { label: "密码", type: "password" },
      },
      async authorize(raw, request) {
        const parsed = Credentials.safeParse(raw);
        if (!parsed.success) return null;
        return authenticate(parsed.data.identifier, parsed.data.password, addressOf(request?.headers));
      },
    }),
  ],
  callbacks: {
    // The role in the token is only used for optimistic redirects; every request re-reads the
    // user row (lib/server/auth/viewer.ts) before deciding what the caller may see or do. The
    // session version is checked here on every session read, so that sign-out, exit and a new
    // password end the session on every instance (also for /api/auth/session).
    async jwt({ token, user }) {
      if (user) {
        token.role = (user as { role?: string }).role;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        return token;
      }
      let current: boolean;
      try {
        current = !!token.sub && (await sessionIsCurrent(token.sub, token.sv));
      } catch {
        // Database unreachable: keep the cookie (nobody is signed out by an outage); every page
        // needs the database to re-read the viewer anyway, and that read checks the version too.
        return token;
      }
      if (!current) throw new Error(SESSION_ENDED);
      return token;
    },
    async session({ session, token }) {
      if (session.user) {
        (session.user as { id?: string }).id = token.sub;
        (session.user as { role?: unknown }).role = token.role;
        (session.user as { sv?: unknown }).sv = token.sv;
      }
      return session;
    },
    // Only paths of this site are followed after sign-in or sign-out (lib/domain/safe-redirect.ts).
    async redirect({ url, baseUrl }) {
      const origin = appOrigin(baseUrl);
      const path = safeRedirectPath(url, origin);
      return `${origin}${path ?? "/"}`;
    },
  },
  events: {
    // Signing out raises the session version: the token that was just discarded, and any copy of
    // it, no longer opens a page on any instance.
    async signOut({ token }) {
      if (token?.sub) await endSessions(token.sub, "SIGN_OUT");
    },
  },
  logger: {
    error(code, metadata) {
      const message = (metadata as { message?: string } | undefined)?.message ?? (metadata as { error?: { message?: string } } | undefined)?.error?.message;
      if (code === "JWT_SESSION_ERROR" && message === SESSION_ENDED) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      if (code === "NEXTAUTH_URL" || code === "NO_SECRET") console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
};
