import "server-only";
import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/server/auth/guards";
import type { Permission } from "@/lib/server/auth/permissions";
import type { Viewer } from "@/lib/server/auth/viewer";

/**
 * The preamble of a page that shows what the viewer may see: the viewer holding `permission`
 * (else 404), then `load` in the viewer's scope — null (missing or out of scope) is a 404 too, so a
 * page never admits a record the viewer may not see.
 */
export async function pageLoad<T>(permission: Permission, load: (viewer: Viewer) => Promise<T | null | undefined>): Promise<{ viewer: Viewer; item: T }> {
  const viewer = await requirePageViewer(permission);
  const item = await load(viewer);
  if (!item) notFound();
  return { viewer, item };
}

/** `pageLoad` for a page about one record named by its URL: `load(viewer, params[key])`. */
export async function pageItem<K extends string, T>(
  permission: Permission,
  params: Promise<Record<K, string>>,
  key: K,
  load: (viewer: Viewer, id: string) => Promise<T | null | undefined>,
): Promise<{ viewer: Viewer; item: T }> {
  return pageLoad(permission, async (viewer) => load(viewer, (await params)[key]));
}
