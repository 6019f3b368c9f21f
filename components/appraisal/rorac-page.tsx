import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/server/auth/guards";
import type { Viewer } from "@/lib/server/auth/viewer";
import type { RoracEntry } from "@/lib/server/dal/appraisal/rorac";
import { Card, PageHeader } from "@/components/ui/card";
import { QuarterStatusBadge } from "./quarter-status-badge";
import { RoracFiguresTable } from "./rorac-figures";
import { RoracForm } from "./rorac-form";
import { LOCKED_NOTICE_FOR_HEAD } from "./text";

export const RORAC_PAGE_TITLE = "RORAC 业务条线";

/** The RORAC page of one account manager (HR and branch head alike; the DAL scoped the entry). */
export function RoracPage({ entry, sheetPath }: { entry: RoracEntry; sheetPath: string }) {
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${entry.person.name} · ${RORAC_PAGE_TITLE}`}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <QuarterStatusBadge status={entry.quarter.status} />
            <span>
              {entry.quarter.label} · {entry.person.employeeNo} · {entry.person.branchName}
            </span>
            <Link href={sheetPath} className="text-brand-700 hover:underline">
              返回考评名单
            </Link>
          </span>
        }
      />
      <Card title="计算结果">
        <RoracFiguresTable figures={entry.figures} />
        <p className="mt-2 text-sm text-slate-700">
          条线 RORAC = k0 × 存量 RORAC + 新增 RORAC，k0 取 0.8 与 1 − 0.05n 中的较大值；RORAC = 收入 E −（直接成本 Cd + 分摊管理成本 Cm + 分摊固定成本 Cf +
          风险成本 Cr）− 税收 T。目标完成率在下次保存评分时计入「RORAC 目标完成率」指标。
        </p>
      </Card>
      {entry.mode === "readonly" ? (
        <p role="note" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-800">
          {LOCKED_NOTICE_FOR_HEAD}
        </p>
      ) : (
        <Card title={entry.mode === "correct" ? "更正业务条线" : "录入业务条线"}>
          {/* Not re-keyed on save: the form keeps what was typed and shows the save's message. */}
          <RoracForm
            quarter={entry.quarter.quarter}
            userId={entry.person.id}
            target={entry.figures.target}
            lines={entry.figures.lines}
            correcting={entry.mode === "correct"}
          />
        </Card>
      )}
    </div>
  );
}

/**
 * The route of a person's RORAC page under /hr/appraisal (HR) or /branch/appraisal (branch head):
 * out of scope (another branch's person for a branch head) or no such quarter is a 404.
 */
export function roracRoute(
  permission: "hr.view" | "branch.home",
  area: "hr" | "branch",
  load: (viewer: Viewer, quarter: string, userId: string) => Promise<RoracEntry | null>,
) {
  return async function RoracRoute({ params }: { params: Promise<{ quarter: string; userId: string }> }) {
    const viewer = await requirePageViewer(permission);
    const { quarter, userId } = await params;
    const entry = await load(viewer, quarter, userId);
    if (!entry) notFound();
    return <RoracPage entry={entry} sheetPath={`/${area}/appraisal/${quarter}`} />;
  };
}
