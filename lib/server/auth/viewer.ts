import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { decode, getToken } from "next-auth/jwt";
import { db } from "@/lib/server/db";
import { AuthorizationError } from "@/lib/server/errors";
import type { Role } from "@/lib/domain/grades";

/** The signed-in user as the database says now: role, branch and status are never taken from the token. */
export interface Viewer {
  id: string;
  name: string;
  employeeNo: string;
  role: Role;
  branchId: string;
  branchName: string;
  /** HR reset the password: every page sends the user to /account/password until they pick a new one. */
  mustChangePassword?: boolean;
  /** A skills-contest judge (any role): the shell shows 比赛评分. Read with the viewer. */
  isJudge?: boolean;
}

export const CHANGE_PASSWORD_PATH = "/account/password";

/** The viewer's one query: the viewer and what decides whether their session still counts. */
type ViewerRow = Required<Viewer> & { status: string; sessionVersion: number };

/**
 * The viewer of this request: the session cookie decoded (next-auth's own `getToken`: the same
 * cookie name, secret and expiry as `getServerSession`), then ONE query for the user, their branch,
 * status, session version and whether they judge in the skills contest — every page and action
 * pays for this, so it is one round trip (getServerSession read the user's status once more in its
 * jwt callback, and Prisma read the branch and the judge row separately: four queries).
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const token = await sessionToken();
  const userId = token?.sub;
  if (!userId) return null;
  const [user] = await db.$queryRaw<ViewerRow[]>`
    SELECT u."id", u."name", u."employeeNo", u."role"::text AS "role", u."branchId", b."name" AS "branchName",
           u."mustChangePassword", u."status"::text AS "status", u."sessionVersion",
           EXISTS (SELECT 1 FROM "ContestJudge" j WHERE j."userId" = u."id") AS "isJudge"
    FROM "User" u JOIN "Branch" b ON b."id" = u."branchId"
    WHERE u."id" = ${userId}`;
  if (!user || user.status !== "ACTIVE") return null;
  // Signed out, exited or password changed since this token was issued (lib/server/auth/sessions.ts).
  if (user.sessionVersion !== (typeof token.sv === "number" ? token.sv : 0)) return null;
  return {
    id: user.id,
    name: user.name,
    employeeNo: user.employeeNo,
    role: user.role,
    branchId: user.branchId,
    branchName: user.branchName,
    mustChangePassword: user.mustChangePassword,
    isJudge: user.isJudge,
  };
});

type Token = { sub?: string; sv?: unknown; exp?: number };

/**
 * Decoded session cookies, by their text (decrypting one costs a key derivation and a JWE
 * decryption on every request): at most 2,000, each until its own expiry. Safe to keep, because
 * whether a session still counts is decided by the database on every request (status and
 * session version above), not by the cookie.
 */
const decoded = ((globalThis as { eagleDecodedTokens?: Map<string, Token | null> }).eagleDecodedTokens ??= new Map());

async function sessionToken(): Promise<Token | null> {
  const raw = await getToken({ req: { cookies: await cookies(), headers: {} } as unknown as Parameters<typeof getToken>[0]["req"], raw: true });
  if (!raw) return null;
  let token = decoded.get(raw);
  if (token === undefined) {
    token = ((await decode({ token: raw, secret: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET ?? "" }).catch(() => null)) as Token | null) ?? null;
    if (decoded.size >= 2000) decoded.delete(decoded.keys().next().value as string);
    decoded.set(raw, token);
  }
  if (token?.exp !== undefined && token.exp * 1000 <= Date.now()) {
    decoded.delete(raw);
    return null;
  }
  return token;
}

/** For pages: the viewer, or a redirect to the login page that comes back here afterwards. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  const path = (await headers()).get("x-eagle-path") ?? "/";
  if (!viewer) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (viewer.mustChangePassword && !path.startsWith(CHANGE_PASSWORD_PATH)) redirect(CHANGE_PASSWORD_PATH);
  return viewer;
}

// Defined with the other expected errors; re-exported here where callers have always found it.
export { AuthorizationError };

/** For server actions: the viewer or an AuthorizationError (an action must not redirect mid-way). */
export async function requireActor(roles?: readonly Role[]): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AuthorizationError("登录已失效，请重新登录");
  if (roles && !roles.includes(viewer.role)) throw new AuthorizationError();
  // After HR's reset nothing else is done until the user has chosen a new password.
  if (viewer.mustChangePassword) throw new AuthorizationError("请先修改密码（账户 › 修改密码）后再继续");
  return viewer;
}

export function homeFor(role: Role): string {
  switch (role) {
    case "HR":
      return "/hr";
    case "BRANCH_HEAD":
      return "/branch";
    default:
      return "/me";
  }
}
