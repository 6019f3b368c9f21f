import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { getMyProgramme } from "@/lib/server/dal/programme/people";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { MyPhaseCard } from "@/components/programme/my-programme";

export const metadata: Metadata = { title: "我的培训" };
export const dynamic = "force-dynamic";

export default async function MyProgrammePage() {
  const viewer = await requirePageViewer("programme.attend");
  const phases = await getMyProgramme(viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="我的培训" subtitle="素质提升项目中您参加的训练营和培训场次：时间、地点、讲师、座位和出勤。" />
      {phases.length === 0 ? (
        <EmptyState title="您目前没有安排的培训" hint="人力资源部按职级生成各训练营名单后，您的场次会显示在这里；也可以请支行长推荐您参加。" />
      ) : (
        phases.map((p) => <MyPhaseCard key={p.phaseId} phase={p} />)
      )}
    </div>
  );
}
