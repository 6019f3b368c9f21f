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
}

export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, employeeNo: true, role: true, status: true, branchId: true, branch: { select: { name: true } } },
  });
  if (!user || user.status !== "ACTIVE") return null;
  return {
    id: user.id,
    name: user.name,
    employeeNo: user.employeeNo,
    role: user.role,
    branchId: user.branchId,
    branchName: user.branch.name,
  };
});

/** For pages: the viewer, or a redirect to the login page that comes back here afterwards. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) {
    const path = (await headers()).get("x-eagle-path") ?? "/";
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  return viewer;
}

// Defined beside DomainError so the DAL can throw it without importing the auth configuration
// (plain-Node callers such as the benchmark cannot load next-auth's providers).
export { AuthorizationError } from "@/lib/server/errors";

/** For server actions: the viewer or an AuthorizationError (an action must not redirect mid-way). */
export async function requireActor(roles?: readonly Role[]): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AuthorizationError("登录已失效，请重新登录");
  if (roles && !roles.includes(viewer.role)) throw new AuthorizationError();
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
