import { getViewer } from "@/lib/server/auth/viewer";
import { contentType } from "@/lib/server/spreadsheet";
import { exportPhaseReport } from "@/lib/server/dal/programme-forms/report-export";

export const dynamic = "force-dynamic";

/** The phase report as XLSX — HR only; anyone else (or an unknown phase) gets 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ programmeId: string; phaseId: string }> }) {
  const viewer = await getViewer();
  if (!viewer || viewer.role !== "HR") return new Response("页面不存在", { status: 404 });
  const { programmeId, phaseId } = await params;
  const exported = await exportPhaseReport(viewer, programmeId, phaseId);
  if (!exported) return new Response("页面不存在", { status: 404 });
  return new Response(new Uint8Array(exported.file), {
    headers: {
      "Content-Type": contentType("xlsx"),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(exported.fileName)}`,
    },
  });
}
