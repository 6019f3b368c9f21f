import { notFoundResponse, routeViewer } from "@/lib/server/auth/guards";
import { buildImportTemplate } from "@/lib/server/dal/appraisal/import";
import { contentType } from "@/lib/server/spreadsheet";

export const dynamic = "force-dynamic";

/** HR downloads the import template of a quarter (XLSX or CSV), prefilled with the people to rate. */
export async function GET(request: Request, { params }: { params: Promise<{ quarter: string }> }) {
  const viewer = await routeViewer("appraisal.import");
  if (!viewer) return notFoundResponse();
  const { quarter } = await params;
  const url = new URL(request.url);
  const format = url.searchParams.get("format") === "csv" ? "csv" : "xlsx";
  const built = await buildImportTemplate(viewer, quarter, format, url.searchParams.get("branch"));
  if (!built) return notFoundResponse();
  return new Response(new Uint8Array(built.file), {
    headers: {
      "content-type": contentType(format),
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(built.fileName)}`,
      "cache-control": "no-store",
    },
  });
}
