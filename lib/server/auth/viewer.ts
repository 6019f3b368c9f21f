import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";
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
}

export const CHANGE_PASSWORD_PATH = "/account/password";

/** What a viewer is made of; with the status and session version it is re-read on every request. */
const viewerFields = {
  id: true,
  name: true,
  employeeNo: true,
  role: true,
  branchId: true,
  mustChangePassword: true,
  branch: { select: { name: true } },
} as const;

export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions);
  const sessionUser = session?.user as { id?: string; sv?: number } | undefined;
  const userId = sessionUser?.id;
  if (!userId) return null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { ...viewerFields, status: true, sessionVersion: true } });
  if (!user || user.status !== "ACTIVE") return null;
  // Signed out, exited or password changed since this token was issued (lib/server/auth/sessions.ts).
  if (user.sessionVersion !== (sessionUser.sv ?? 0)) return null;
  return {
    id: user.id,
    name: user.name,
    employeeNo: user.employeeNo,
    role: user.role,
    branchId: user.branchId,
    branchName: user.branch.name,
    mustChangePassword: user.mustChangePassword,
  };
});

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
