import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { getRoracEntry } from "@/lib/server/dal/appraisal/rorac";
import { RoracPage, RORAC_PAGE_TITLE } from "@/components/appraisal/rorac-page";

export const metadata: Metadata = { title: RORAC_PAGE_TITLE };
export const dynamic = "force-dynamic";

export default async function BranchRoracPage({ params }: { params: Promise<{ quarter: string; userId: string }> }) {
  const viewer = await requirePageViewer("branch.home");
  const { quarter, userId } = await params;
  // Out of scope (another branch's person for a branch head) or no such quarter: 404.
  const entry = await getRoracEntry(viewer, quarter, userId);
  if (!entry) notFound();
  return <RoracPage entry={entry} sheetPath={`/branch/appraisal/${quarter}`} />;
}
