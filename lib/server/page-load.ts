import "server-only";
import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/server/auth/guards";
import type { Permission } from "@/lib/server/auth/permissions";
import type { Viewer } from "@/lib/server/auth/viewer";
import { getAppraisalSheet } from "@/lib/server/dal/appraisal/sheet";
import { parseSheetSearchParams } from "@/lib/schemas/appraisal";

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

/**
 * A quarter's appraisal sheet page (HR's and a branch head's): the quarter of the URL and its sheet
 * filtered as the search params say, in the viewer's scope — the DAL always limits a branch head
 * to their own branch, whatever the URL says.
 */
export async function pageQuarterSheet(
  permission: Permission,
  { params, searchParams }: { params: Promise<{ quarter: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> },
) {
  const { quarter } = await params;
  const filters = parseSheetSearchParams(await searchParams);
  const { viewer, item: sheet } = await pageLoad(permission, (viewer) => getAppraisalSheet(viewer, quarter, filters));
  return { viewer, quarter, sheet };
}
