import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { RoracPage, RORAC_PAGE_TITLE } from "@/components/appraisal/rorac-page";

export const metadata: Metadata = { title: RORAC_PAGE_TITLE };
export const dynamic = "force-dynamic";

export default async function HrRoracPage({ params }: { params: Promise<{ quarter: string; userId: string }> }) {
  const viewer = await requirePageViewer("hr.view");
  const { quarter, userId } = await params;
  return <RoracPage viewer={viewer} quarter={quarter} userId={userId} sheetPath={`/hr/appraisal/${quarter}`} />;
}
