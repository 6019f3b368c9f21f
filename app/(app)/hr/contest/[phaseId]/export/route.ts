import { getViewer } from "@/lib/server/auth/viewer";
import { contestResults } from "@/lib/server/dal/contest/results";
import { rankingsWorkbook } from "@/lib/server/dal/contest/export";
import { contentType } from "@/lib/server/spreadsheet";

export const dynamic = "force-dynamic";

/** GET — every ranking of the contest as one XLSX workbook (a sheet per ranking). HR only; anyone else 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ phaseId: string }> }) {
  const viewer = await getViewer();
  if (!viewer || viewer.role !== "HR") return new Response("页面不存在", { status: 404 });
  const results = await contestResults((await params).phaseId);
  if (!results) return new Response("页面不存在", { status: 404 });
  const file = await rankingsWorkbook(results);
  const name = `${results.contest.name}-排名.xlsx`;
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": contentType("xlsx"),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  });
}
