import { pageLoad } from "@/lib/server/page-load";
import { getPeerNomination } from "@/lib/server/dal/competencies/peers";
import { PeerNomination } from "@/components/competencies/peer-nomination";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("提名同事评估人", ["BRANCH_HEAD"]);
export const dynamic = "force-dynamic";

export default async function BranchPeerNominationPage({ params }: { params: Promise<{ cycleId: string; userId: string }> }) {
  const { cycleId, userId } = await params;
  const { item: view } = await pageLoad("branch.home", (viewer) => getPeerNomination(viewer, cycleId, userId));
  return <PeerNomination view={view} backHref={`/branch/competencies?cycle=${cycleId}`} />;
}
