import { notFoundResponse, routeViewer } from "@/lib/server/auth/guards";
import { contentType } from "@/lib/server/spreadsheet";
import { exportCompletionReport, type ReportPart } from "@/lib/server/dal/courses/report-export";

export const dynamic = "force-dynamic";

/** GET ?part=tier|branch|category&format=xlsx|csv — HR only; anyone else gets 404. */
export async function GET(request: Request) {
  const viewer = await routeViewer("course.report");
  if (!viewer) return notFoundResponse();
  const url = new URL(request.url);
  const part = (["tier", "branch", "category"] as const).find((p) => p === url.searchParams.get("part")) ?? "branch";
  const format = url.searchParams.get("format") === "csv" ? "csv" : "xlsx";
  const file = await exportCompletionReport(viewer, part as ReportPart, format);
  const name = `培训完成情况-${{ tier: "按层级", branch: "按机构", category: "按类别" }[part]}.${format}`;
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": contentType(format),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  });
}
