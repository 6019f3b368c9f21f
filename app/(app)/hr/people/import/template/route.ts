import { getViewer } from "@/lib/server/auth/viewer";
import { contentType } from "@/lib/server/spreadsheet";
import { rosterTemplate } from "@/lib/server/dal/people-admin";

export const dynamic = "force-dynamic";

/** The roster import template (XLSX or CSV) with one example row per kind of change; HR only. */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer || viewer.role !== "HR") return new Response("页面不存在", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "xlsx";
  const file = await rosterTemplate(format);
  return new Response(new Uint8Array(file), {
    headers: {
      "content-type": contentType(format),
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(`人员名单导入模板.${format}`)}`,
      "cache-control": "no-store",
    },
  });
}
