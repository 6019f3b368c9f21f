import { requirePageViewer } from "@/lib/server/auth/guards";
import { CourseRosterPage } from "@/components/courses/roster-page";

export const dynamic = "force-dynamic";

export default async function HrRosterPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer("hr.view");
  return <CourseRosterPage viewer={viewer} courseId={(await params).id} />;
}
