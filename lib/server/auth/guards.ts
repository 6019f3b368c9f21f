import "server-only";
import { notFound } from "next/navigation";
import { getViewer, requireViewer, type Viewer } from "./viewer";
import { can, type Permission } from "./permissions";
import { AuthorizationError } from "@/lib/server/errors";

/**
 * The one page guard: the signed-in viewer (else to the login page) holding `permission` in the
 * permission table, else 404 — a page outside one's role does not admit it exists.
 */
export async function requirePageViewer(permission: Permission): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!can(viewer.role, permission)) notFound();
  return viewer;
}

/** The same guard for route handlers (downloads): the viewer holding `permission`, else null. */
export async function routeViewer(permission: Permission): Promise<Viewer | null> {
  const viewer = await getViewer();
  return viewer && can(viewer.role, permission) ? viewer : null;
}

/** A route handler's refusal: the same 404 a page gives, in Chinese. */
export function notFoundResponse(): Response {
  return new Response("页面不存在", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * For server actions: the viewer holding `permission`, else an AuthorizationError (an action
 * must not redirect mid-way; `defineFormAction` turns it into the form's message).
 */
export async function requireActorFor(permission: Permission, options: { allowPendingPasswordChange?: boolean } = {}): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AuthorizationError("登录已失效，请重新登录");
  if (!can(viewer.role, permission)) throw new AuthorizationError();
  // After HR's reset nothing else is done until the user has chosen a new password.
  if (viewer.mustChangePassword && !options.allowPendingPasswordChange) throw new AuthorizationError("请先修改密码（账户 › 修改密码）后再继续");
  return viewer;
}
