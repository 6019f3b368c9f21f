import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/server/auth/viewer";
import { branchLearning } from "@/lib/server/dal/courses/reports";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "团队培训" };
export const dynamic = "force-dynamic";

export default async function BranchCoursesPage() {
  const viewer = await requireViewer();
  if (viewer.role !== "BRANCH_HEAD") notFound();
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
                {c.title}：{c.overdue} 人未按期完成 <Link href={`/branch/courses/${c.courseId}/roster`} className="ml-2 text-brand-700 hover:underline">登记完成</Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card title="按人员">
        {people.length === 0 ? (
          <EmptyState title="本机构暂无学员" hint="人员加入后，系统会自动分配本层级必修课。" />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="team-learning">
              <thead className="text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-3 text-left font-normal">姓名</th>
                  <th scope="col" className="py-2 pr-3 text-right font-normal">必修学时</th>
                  <th scope="col" className="py-2 pr-3 text-right font-normal">完成率</th>
                  <th scope="col" className="py-2 pr-3 text-right font-normal">考试均分</th>
                  <th scope="col" className="py-2 text-right font-normal">逾期</th>
                </tr>
              </thead>
              <tbody>
                {people.map((p) => (
                  <tr key={p.userId} className="border-t border-slate-100 tabular-nums">
                    <th scope="row" className="py-2 pr-3 text-left font-normal"><Link href={`/people/${p.userId}`} className="text-brand-700 hover:underline">{p.name}</Link></th>
                    <td className="py-2 pr-3 text-right">{p.completedHours} / {p.requiredHours}</td>
                    <td className="py-2 pr-3 text-right">{p.rate.toFixed(1)}%</td>
                    <td className="py-2 pr-3 text-right">{p.examAverage ?? "—"}</td>
                    <td className="py-2 text-right">{p.overdue > 0 ? <span className="font-medium text-amber-800">{p.overdue} 门已逾期</span> : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title="按课程">
        {courses.length === 0 ? (
          <EmptyState title="暂无课程记录" />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="team-courses">
              <thead className="text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-3 text-left font-normal">课程</th>
                  <th scope="col" className="py-2 pr-3 text-right font-normal">已完成 / 报名</th>
                  <th scope="col" className="py-2 pr-3 text-right font-normal">逾期</th>
                  <th scope="col" className="py-2 font-normal">操作</th>
                </tr>
              </thead>
              <tbody>
                {courses.map((c) => (
                  <tr key={c.courseId} className="border-t border-slate-100 tabular-nums">
                    <th scope="row" className="py-2 pr-3 text-left font-normal">{c.title} {c.required ? <span className="rounded bg-brand-50 px-1 text-xs text-brand-700">必修</span> : null}</th>
                    <td className="py-2 pr-3 text-right">{c.completed} / {c.enrolled}</td>
                    <td className="py-2 pr-3 text-right">{c.overdue || "—"}</td>
                    <td className="py-2"><Link href={`/branch/courses/${c.courseId}/roster`} className="text-brand-700 hover:underline">登记完成</Link></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
