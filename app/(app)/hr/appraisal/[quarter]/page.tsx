import { quarterSheetMetadata, type SheetPageProps } from "@/components/appraisal/sheet-page";
import { pageQuarterSheet } from "@/lib/server/page-load";
import { QuarterSheetPage } from "@/components/page/quarter-sheet-page";

export const generateMetadata = quarterSheetMetadata;
export const dynamic = "force-dynamic";

export default async function HrQuarterPage(props: SheetPageProps) {
  const { viewer, quarter, sheet } = await pageQuarterSheet("hr.view", props);
  return <QuarterSheetPage role="HR" quarter={quarter} sheet={sheet} branchName={viewer.branchName} />;
}
