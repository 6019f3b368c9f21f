import Link from "next/link";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { branchLearning } from "@/lib/server/dal/courses/reports";
import { DataTable, right } from "@/components/ui/table";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { titleFor } from "@/lib/server/page-title";
import { PersonCell } from "@/components/people/person-cell";

export const generateMetadata = titleFor("团队培训", ["BRANCH_HEAD"]);
export const dynamic = "force-dynamic";

/** To the course's roster, where the branch head records completions. */
function RosterLink({ courseId, className }: { courseId: string; className?: string }) {
  return (
    <Link href={`/branch/courses/${courseId}/roster`} className={`text-brand-700 hover:underline${className ? ` ${className}` : ""}`}>
      登记完成
    </Link>
  );
}

export default async function BranchCoursesPage() {
  const viewer = await requirePageViewer("branch.home");
  const { people, courses } = await branchLearning(viewer);
  const overdueCourses = courses.filter((c) => c.overdue > 0);
  return (
    <div className="space-y-6">
      <PageHeader title={`${viewer.branchName} · 团队培训`} subtitle="必修学时按每人当前等级所在层级计算" />
      {overdueCourses.length > 0 ? (
        <Card title="逾期的必修课">
          <ul className="space-y-1 text-sm" data-testid="overdue-courses">
            {overdueCourses.map((c) => (
              <li key={c.courseId}>
                <span className="mr-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">已逾期</span>
                {c.title}：{c.overdue} 人未按期完成 <RosterLink courseId={c.courseId} className="ml-2" />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card title="按人员">
        {people.length === 0 ? (
          <EmptyState title="本机构暂无学员" hint="人员加入后，系统会自动分配本层级必修课。" />
        ) : (
          <DataTable testId="team-learning" columns={["姓名", right("必修学时"), right("完成率"), right("考试均分"), right("逾期")]}>
            {people.map((p) => (
              <tr key={p.userId} className="border-t border-slate-100 tabular-nums">
                <PersonCell id={p.userId} name={p.name} employeeNo={p.employeeNo} />
                <td className="py-2 pr-3 text-right">
                  {p.completedHours} / {p.requiredHours}
                </td>
                <td className="py-2 pr-3 text-right">{p.rate.toFixed(1)}%</td>
                <td className="py-2 pr-3 text-right">{p.examAverage ?? "—"}</td>
                <td className="py-2 text-right">{p.overdue > 0 ? <span className="font-medium text-amber-800">{p.overdue} 门已逾期</span> : "—"}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
      <Card title="按课程">
        {courses.length === 0 ? (
          <EmptyState title="暂无课程记录" />
        ) : (
          <DataTable testId="team-courses" columns={["课程", right("已完成 / 报名"), right("逾期"), "操作"]}>
            {courses.map((c) => (
              <tr key={c.courseId} className="border-t border-slate-100 tabular-nums">
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  {c.title} {c.required ? <span className="rounded bg-brand-50 px-1 text-xs text-brand-700">必修</span> : null}
                </th>
                <td className="py-2 pr-3 text-right">
                  {c.completed} / {c.enrolled}
                </td>
                <td className="py-2 pr-3 text-right">{c.overdue || "—"}</td>
                <td className="py-2">
                  <RosterLink courseId={c.courseId} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
