import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { getPeerNomination } from "@/lib/server/dal/competencies/peers";
import { PeerNomination } from "@/components/competencies/peer-nomination";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("提名同事评估人", ["HR"]);
export const dynamic = "force-dynamic";

export default async function HrPeerNominationPage({ params }: { params: Promise<{ cycleId: string; userId: string }> }) {
  const viewer = await requirePageViewer("hr.view");
  const { cycleId, userId } = await params;
  const view = await getPeerNomination(viewer, cycleId, userId);
  if (!view) notFound();
  return <PeerNomination view={view} backHref={`/hr/competencies/heatmap/${view.assessee.branchId}?cycle=${cycleId}`} />;
}
