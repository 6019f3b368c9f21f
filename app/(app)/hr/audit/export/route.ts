import { notFoundResponse, routeViewer } from "@/lib/server/auth/guards";
import { exportAuditEntries } from "@/lib/server/dal/audit/browse";
import { contentType, writeTable, type Column } from "@/lib/server/spreadsheet";
import { auditActionLabel, auditEntityLabel, describeAuditValues } from "@/lib/domain/audit-labels";
import type { AuditEntryView } from "@/lib/server/dal/audit/views";
import { parseAuditFilters } from "@/lib/schemas/audit";
import { getCertificationNames } from "@/lib/server/dal/certification-names";
import { formatStamp } from "@/lib/format";

export const dynamic = "force-dynamic";

const columns = (names: ReadonlyMap<string, string>): Column<AuditEntryView>[] => [
  { header: "时间", value: (e) => formatStamp(e.at, { seconds: true }), width: 22 },
  { header: "操作人", value: (e) => (e.actorName ? `${e.actorName}（${e.actorEmployeeNo}）` : "系统"), width: 20 },
  { header: "操作", value: (e) => auditActionLabel(e.action), width: 20 },
  { header: "对象", value: (e) => (e.personName ? `${e.personName}（${e.personEmployeeNo}）` : auditEntityLabel(e.entity)), width: 20 },
  { header: "修改前", value: (e) => describeAuditValues(e.before, names).join("\n"), width: 40 },
  { header: "修改后", value: (e) => describeAuditValues(e.after, names).join("\n"), width: 40 },
  { header: "说明", value: (e) => e.note, width: 30 },
];

/** GET with the page's filters: the matching audit entries as XLSX. HR only; anyone else gets 404. */
export async function GET(request: Request) {
  const viewer = await routeViewer("audit.view");
  if (!viewer) return notFoundResponse();
  const filters = parseAuditFilters(Object.fromEntries(new URL(request.url).searchParams));
  const [entries, names] = await Promise.all([exportAuditEntries(viewer, filters), getCertificationNames()]);
  const file = await writeTable("xlsx", "审计日志", columns(names), entries);
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": contentType("xlsx"),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent("审计日志.xlsx")}`,
    },
  });
}
