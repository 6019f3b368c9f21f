import { getViewer } from "@/lib/server/auth/viewer";
import { contentType } from "@/lib/server/spreadsheet";
import { exportPeople } from "@/lib/server/dal/people-admin";
import { PeopleFiltersInput } from "@/lib/schemas/people";
import { todayInShanghai } from "@/lib/domain/dates";

export const dynamic = "force-dynamic";

/** GET with the list's filters and format=xlsx|csv — HR only; anyone else gets 404. */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer || viewer.role !== "HR") return new Response("页面不存在", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const url = new URL(request.url);
  const filters = PeopleFiltersInput.parse(Object.fromEntries(url.searchParams));
  const format = url.searchParams.get("format") === "csv" ? "csv" : "xlsx";
  const file = await exportPeople(viewer, filters, format);
  const name = `人员名单-${todayInShanghai()}.${format}`;
  return new Response(new Uint8Array(file), {
    headers: {
      "content-type": contentType(format),
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "no-store",
    },
  });
}
