import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { getCourseRoster } from "@/lib/server/dal/courses/completion";
import { CourseRosterPage } from "@/components/courses/roster-page";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("登记完成", ["BRANCH_HEAD"]);
export const dynamic = "force-dynamic";

export default async function BranchRosterPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer("branch.home");
  const roster = await getCourseRoster(viewer, (await params).id);
  if (!roster) notFound();
  return <CourseRosterPage {...roster} />;
}
