import { pageItem } from "@/lib/server/page-load";
import { getCourse } from "@/lib/server/dal/courses/catalogue";
import { setCourseStatusAction } from "@/lib/actions/courses";
import { Card, PageHeader } from "@/components/ui/card";
import { CourseForm } from "@/components/courses/course-form";
import { ActionButton } from "@/components/courses/action-button";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("编辑课程", ["HR"]);
export const dynamic = "force-dynamic";

export default async function EditCoursePage({ params }: { params: Promise<{ id: string }> }) {
  const { item: course } = await pageItem("hr.view", params, "id", getCourse);
  const retired = course.status === "RETIRED";
  return (
    <div className="space-y-6">
      <PageHeader
        title={`编辑课程 ${course.code}`}
        subtitle={retired ? "已停用：不再分配或推荐，历史学习记录保留" : undefined}
        actions={
          <ActionButton
            action={setCourseStatusAction}
            fields={{ courseId: course.id, status: retired ? "ACTIVE" : "RETIRED" }}
            label={retired ? "重新启用" : "停用课程"}
            confirmText={retired ? undefined : `确定停用《${course.title}》？停用后不再分配或推荐，已有学习记录保留。`}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
          />
        }
      />
      <Card>
        <CourseForm
          initial={{
            id: course.id,
            code: course.code,
            title: course.title,
            description: course.description,
            tier: course.tier,
            category: course.category,
            delivery: course.delivery,
            hours: String(course.hours),
            competencies: course.competencies,
            required: course.required,
          }}
        />
      </Card>
    </div>
  );
}
