import { quarterSheetMetadata, type SheetPageProps } from "@/components/appraisal/sheet-page";
import { pageQuarterSheet } from "@/lib/server/page-load";
import { QuarterSheetPage } from "@/components/page/quarter-sheet-page";

export const generateMetadata = quarterSheetMetadata;
export const dynamic = "force-dynamic";

export default async function BranchQuarterPage(props: SheetPageProps) {
  const { viewer, quarter, sheet } = await pageQuarterSheet("branch.home", props);
  return <QuarterSheetPage role="BRANCH_HEAD" quarter={quarter} sheet={sheet} branchName={viewer.branchName} />;
}
