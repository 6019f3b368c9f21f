import { pageLoad } from "@/lib/server/page-load";
import { getPeerNomination } from "@/lib/server/dal/competencies/peers";
import { PeerNomination } from "@/components/competencies/peer-nomination";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("提名同事评估人", ["HR"]);
export const dynamic = "force-dynamic";

export default async function HrPeerNominationPage({ params }: { params: Promise<{ cycleId: string; userId: string }> }) {
  const { cycleId, userId } = await params;
  const { item: view } = await pageLoad("hr.view", (viewer) => getPeerNomination(viewer, cycleId, userId));
  return <PeerNomination view={view} backHref={`/hr/competencies/heatmap/${view.assessee.branchId}?cycle=${cycleId}`} />;
}
