import { requirePageViewer } from "@/lib/server/auth/guards";
import { Card, PageHeader } from "@/components/ui/card";
import { CourseForm } from "@/components/courses/course-form";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("新增课程", ["HR"]);
export const dynamic = "force-dynamic";

export default async function NewCoursePage() {
  await requirePageViewer("hr.view");
  return (
    <div className="space-y-6">
      <PageHeader title="新增课程" />
      <Card>
        <CourseForm
          initial={{
            code: "",
            title: "",
            description: "",
            tier: "FOUNDATION",
            category: "PROFESSIONALISM",
            delivery: "FACE_TO_FACE",
            hours: "",
            competencies: [],
            required: false,
          }}
        />
      </Card>
    </div>
  );
}
