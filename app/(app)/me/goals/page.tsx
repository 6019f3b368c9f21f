import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { getMyGoals } from "@/lib/server/dal/goals";
import { PageHeader } from "@/components/ui/card";
import { GoalsCard } from "@/components/people/goals-card";

export const metadata: Metadata = { title: "我的目标" };
export const dynamic = "force-dynamic";

export default async function MyGoalsPage() {
  const viewer = await requirePageViewer("people.goals");
  const goals = await getMyGoals(viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="我的目标" subtitle="写下本季度的短期目标和长期的职业目标（例如两年内晋升为高级），支行长会在您的档案中看到。" />
      <GoalsCard goals={goals} editable />
    </div>
  );
}
