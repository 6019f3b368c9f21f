import { pageItem } from "@/lib/server/page-load";
import { getCourseRoster } from "@/lib/server/dal/courses/completion";
import { CourseRosterPage } from "@/components/courses/roster-page";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("登记完成", ["HR"]);
export const dynamic = "force-dynamic";

export default async function HrRosterPage({ params }: { params: Promise<{ id: string }> }) {
  const { item: roster } = await pageItem("hr.view", params, "id", getCourseRoster);
  return <CourseRosterPage {...roster} />;
}
