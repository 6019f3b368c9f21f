import Link from "next/link";
import { Card } from "@/components/ui/card";
import { quarterLabel } from "@/lib/domain/dates";
import type { LearningMetrics } from "@/lib/domain/curriculum";

/** Training figures on a profile: they feed the appraisal's 学习与成长 dimension. */
export function LearningCard({ metrics, quarter, self }: { metrics: LearningMetrics; quarter: string; self: boolean }) {
  return (
    <Card
      title="培训学习"
      actions={
        self ? (
          <Link href="/me/courses" className="text-sm text-brand-700 hover:underline">
            我的课程 →
          </Link>
        ) : null
      }
    >
      <dl className="grid grid-cols-3 gap-4 text-sm" data-testid="learning-card">
        <div>
          <dt className="text-xs text-slate-600">必修学时完成率</dt>
          <dd className="mt-0.5 text-lg font-medium">{metrics.completionRate.toFixed(1)}%</dd>
          <dd className="text-xs text-slate-600">
            {metrics.completedRequiredHours} / {metrics.requiredHours} 学时
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">{quarterLabel(quarter)}考试均分</dt>
          <dd className="mt-0.5 text-lg font-medium">{metrics.examAverage ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">已完成课程</dt>
          <dd className="mt-0.5 text-lg font-medium">{metrics.completedCount} 门</dd>
        </div>
      </dl>
    </Card>
  );
}
