import type { getCourseRoster } from "@/lib/server/dal/courses/completion";
import { todayInShanghai } from "@/lib/domain/dates";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { RosterForm } from "./roster-form";
import { AssignForm } from "./assign-form";
import { CourseMeta } from "./course-bits";

export type CourseRosterView = NonNullable<Awaited<ReturnType<typeof getCourseRoster>>>;

/** The roster page shared by HR (whole bank) and branch heads (own branch: scoped in the DAL, loaded by the page). */
export function CourseRosterPage({ course, people }: CourseRosterView) {
  return (
    <div className="space-y-6">
      <PageHeader
        title={`课程学员：${course.title}`}
        subtitle={<CourseMeta tier={course.tier} category={course.category} delivery={course.delivery} hours={course.hours} />}
      />
      {course.status === "ACTIVE" ? (
        <Card title="指派课程">
          <AssignForm courseId={course.id} />
        </Card>
      ) : null}
      <Card title="登记完成">
        {people.length === 0 ? (
          <EmptyState title="还没有人报名这门课程" hint="必修课会自动分配；选修课由学员在“我的课程”中报名。" />
        ) : (
          <RosterForm courseId={course.id} hours={course.hours} people={people} today={todayInShanghai()} />
        )}
      </Card>
    </div>
  );
}
