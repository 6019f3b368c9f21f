import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { getCourseRoster } from "@/lib/server/dal/courses/completion";
import { CourseRosterPage } from "@/components/courses/roster-page";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("登记完成", ["HR"]);
export const dynamic = "force-dynamic";

export default async function HrRosterPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer("hr.view");
  const roster = await getCourseRoster(viewer, (await params).id);
  if (!roster) notFound();
  return <CourseRosterPage {...roster} />;
}
