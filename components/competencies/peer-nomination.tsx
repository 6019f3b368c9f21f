import Link from "next/link";
import type { PeerNominationView } from "@/lib/server/dal/competencies/peers";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { GradeBadge } from "@/components/people/grade-badge";
import { PeerForm } from "./peer-form";
import { formatDate } from "@/lib/format";

/** The page body for naming one account manager's peers (HR and branch heads share it). */
export function PeerNomination({ view, backHref }: { view: PeerNominationView; backHref: string }) {
  const { cycle, assessee } = view;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`提名同事评估人 · ${assessee.name}`}
        subtitle={
          <>
            {assessee.branchName} · {assessee.employeeNo} · <GradeBadge grade={assessee.grade} /> · {cycle.name}（截止 {formatDate(cycle.deadline)}）
          </>
        }
        actions={
          <Link href={backHref} className="text-sm text-brand-700 hover:underline">
            ← 返回
          </Link>
        }
      />
      <Card>
        {view.lockedReason ? (
          <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" role="note">
            {view.lockedReason}
          </p>
        ) : null}
        <p className="mb-4 text-sm text-slate-600">
          同事评估人须为同一机构的在职客户经理（不含本人）。被评估人和支行长只能看到同事评分的平均值，而且要至少 3
          名同事提交后才显示；谁给了多少分不会出现在任何页面上。
        </p>
        {view.candidates.length === 0 ? (
          <EmptyState title="本机构没有其他在职客户经理" hint="同事评价需要同一机构的同事；本周期该员工的结果将只来自自评和上级评价。" />
        ) : (
          <PeerForm cycleId={cycle.id} assesseeId={assessee.id} candidates={view.candidates} disabled={!cycle.acceptingAnswers} />
        )}
      </Card>
    </div>
  );
}
