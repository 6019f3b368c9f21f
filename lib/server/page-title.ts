import "server-only";
import type { Metadata } from "next";
import { getViewer } from "@/lib/server/auth/viewer";
import type { Role } from "@/lib/domain/grades";

/** The tab title of the 404 page; a page a role may not open says the same. */
export const NOT_FOUND_TITLE = "页面不存在";

/**
 * generateMetadata for a page only some roles may open: its own title for them, and the 404
 * page's title for anyone else (otherwise the refusal page would carry e.g. 我的课程 in its tab).
 * The viewer is the request's cached one, so this costs no query.
 */
export function titleFor(title: string, roles: readonly Role[]) {
  return async function generateMetadata(): Promise<Metadata> {
    const viewer = await getViewer();
    return { title: !viewer || roles.includes(viewer.role) ? title : NOT_FOUND_TITLE };
  };
}
