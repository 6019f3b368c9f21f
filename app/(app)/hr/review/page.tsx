import Link from "next/link";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { listReviewQuarters } from "@/lib/server/dal/review/committed";
import { quarterLabel } from "@/lib/domain/dates";
import { DataTable } from "@/components/ui/table";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { QUARTER_STATUS_LABELS, REVIEW_STATUS_LABELS } from "@/components/review/labels";
import { formatDate } from "@/lib/format";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("晋级评审", ["HR"]);
export const dynamic = "force-dynamic";

export default async function ReviewQuartersPage() {
  const viewer = await requirePageViewer("hr.view");
  const quarters = await listReviewQuarters(viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="晋级评审" subtitle="每季度考评锁定后，按连续两个季度的考评结果预览并提交晋级、降级与退出" />
      <Card>
        {quarters.length === 0 ? (
          <EmptyState title="还没有考评季度" hint="先在季度考评中建立并锁定一个季度，之后即可在这里进行晋级评审。" />
        ) : (
          <DataTable testId="review-quarters" columns={["季度", "考评状态", "晋级评审", { label: "等级变动", align: "right" }, "操作"]}>
            {quarters.map((q) => (
              <tr key={q.quarter} className="border-t border-slate-100">
                <th scope="row" className="py-2 pr-4 text-left font-medium">
                  {quarterLabel(q.quarter)}
                </th>
                <td className="py-2 pr-4">{QUARTER_STATUS_LABELS[q.appraisalStatus]}</td>
                <td className="py-2 pr-4">
                  {REVIEW_STATUS_LABELS[q.reviewStatus]}
                  {q.committedAt ? <span className="ml-1 text-xs text-slate-600">{formatDate(q.committedAt)}</span> : null}
                </td>
                <td className="py-2 pr-4 text-right tabular-nums">{q.reviewStatus === "COMMITTED" ? q.gradeChanges : "—"}</td>
                <td className="py-2">
                  {q.appraisalStatus === "LOCKED" || q.reviewStatus !== "NONE" ? (
                    <Link href={`/hr/review/${q.quarter}`} className="text-brand-700 hover:underline">
                      {q.reviewStatus === "COMMITTED" ? "查看结果" : "预览与提交"}
                      <span className="sr-only">{quarterLabel(q.quarter)}</span>
                    </Link>
                  ) : (
                    <span className="text-slate-600">锁定考评后可评审</span>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
