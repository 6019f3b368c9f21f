import { Card, EmptyState } from "@/components/ui/card";
import { GRADE_LABELS, gradeTitle } from "@/lib/domain/grades";
import type { PathView } from "@/lib/server/dal/review/next-grade";
import { RatingChips } from "./rating-chip";
import { formatDate } from "@/lib/format";

function TenureBar({ months, need, compact = false }: { months: number; need: number; compact?: boolean }) {
  const pct = need === 0 ? 100 : Math.min(100, Math.round((months / need) * 100));
  return (
    <div
      role="progressbar"
      aria-label="任职年限进度"
      aria-valuemin={0}
      aria-valuemax={need}
      aria-valuenow={Math.min(months, need)}
      aria-valuetext={`${months}/${need} 个月`}
      className={`overflow-hidden rounded-full bg-slate-200 ${compact ? "h-1.5 w-24" : "h-2.5 w-full"}`}
    >
      <div className={`h-full rounded-full ${pct >= 100 ? "bg-blue-700" : "bg-blue-400"}`} style={{ width: `${pct}%` }} />
    </div>
  );
}

/** /me: what the next grade still needs, in plain words. */
export function NextGradePath({ view }: { view: PathView | null }) {
  if (!view) {
    return (
      <Card title="晋升路径">
        <EmptyState title="尚未定级" hint="人力资源部完成定级后，这里会显示晋升到下一等级还需要什么。" />
      </Card>
    );
  }
  const { path } = view;
  return (
    <Card title={path.next ? `晋升为${gradeTitle(path.next)}` : "晋升路径"}>
      <div className="space-y-4">
        <p className="text-base font-medium text-slate-900" data-testid="next-grade-sentence">
          {path.sentence}
        </p>
        {path.riskSentence ? (
          <p className="rounded-md bg-orange-50 px-3 py-2 text-sm text-orange-900 ring-1 ring-orange-300" data-testid="demotion-risk">
            <span aria-hidden="true">▼ </span>
            {path.riskSentence}
          </p>
        ) : null}
        {path.tenure ? (
          <div>
            <div className="mb-1 flex justify-between text-sm">
              <span>任职年限</span>
              <span className="tabular-nums text-slate-600">
                {path.tenure.months}/{path.tenure.needMonths} 个月
                {path.tenure.remaining > 0 && path.tenure.reachedOn ? `（${formatDate(path.tenure.reachedOn)}满足）` : "（已满足）"}
              </span>
            </div>
            <TenureBar months={path.tenure.months} need={path.tenure.needMonths} />
          </div>
        ) : null}
        <div>
          <p className="mb-1 text-sm">
            连续优秀：<strong className="tabular-nums">{path.streak}</strong> 个季度
            <span className="ml-1 text-xs text-slate-600">（只计已锁定、且在上次等级变动之后的季度；需连续两个季度优秀）</span>
          </p>
          <RatingChips ratings={view.ratings} />
        </div>
        {path.byCertification ? (
          <p className="rounded-md bg-blue-50 px-3 py-2 text-sm text-blue-950 ring-1 ring-blue-200" data-testid="certification-path">
            {path.byCertification.passed
              ? `${path.byCertification.names}已通过：满足任职年限后，季度评审即可晋升，无须连续两个季度优秀。`
              : `通过${path.byCertification.names}即可晋升（须满足任职年限，且在上次等级调整之后通过），无须连续两个季度优秀。`}
          </p>
        ) : null}
        {path.next ? (
          <p className="text-sm">
            认证：
            {path.missingCertifications.length === 0 ? (
              <span className="text-slate-600">{GRADE_LABELS[path.next]}无需额外认证或已持有有效认证</span>
            ) : (
              <span className="text-orange-900">还需 {path.missingCertifications.map((c) => `“${c.name}”`).join("、")}</span>
            )}
          </p>
        ) : null}
      </div>
    </Card>
  );
}
