import Link from "next/link";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { getMyCourses } from "@/lib/server/dal/courses/learner";
import { enrolElectiveAction, startCourseAction } from "@/lib/actions/courses";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ActionButton } from "@/components/courses/action-button";
import { CourseMeta, HoursBar, StatusBadge, competencyName } from "@/components/courses/course-bits";
import { CATEGORIES, TIERS, TIER_AUDIENCE, TIER_LABELS } from "@/lib/domain/curriculum-labels";
import { ElectiveList } from "@/components/courses/elective-list";
import { TIER_CATEGORY_FILTERS } from "@/components/courses/filters";
import { FilterForm } from "@/components/ui/fields";
import { COMPETENCY_CODES } from "@/lib/domain/competency";
import { formatDate } from "@/lib/format";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("我的课程", ["ACCOUNT_MANAGER", "ASSISTANT"]);
export const dynamic = "force-dynamic";

export default async function MyCoursesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await requirePageViewer("course.learn");
  const params = await searchParams;
  const competency = params.competency && (COMPETENCY_CODES as readonly string[]).includes(params.competency) ? params.competency : null;
  const my = await getMyCourses(viewer, competency);
  const q = (params.q ?? "").trim();
  const tier = TIERS.find((t) => t === params.tier) ?? null;
  const category = CATEGORIES.find((c) => c === params.category) ?? null;
  const electives = my.electives.filter(
    (c) => (!tier || c.tier === tier) && (!category || c.category === category) && (!q || c.title.includes(q) || c.description.includes(q)),
  );
  return (
    <div className="space-y-6">
      <PageHeader title="我的课程" subtitle={`${TIER_LABELS[my.tier]}（${TIER_AUDIENCE[my.tier]}）课程体系`} />
      {competency ? (
        <p className="text-sm">
          <span className="rounded-full bg-brand-50 px-3 py-1 text-brand-700">只看：{competencyName(competency)}</span>{" "}
          <Link href="/me/courses" className="ml-2 text-brand-700 hover:underline">
            查看全部
          </Link>
        </p>
      ) : null}

      <Card title="必修课程">
        <HoursBar done={my.metrics.completedRequiredHours} total={my.metrics.requiredHours} />
        {my.required.length === 0 ? (
          <div className="mt-4">
            <EmptyState title="暂无必修课程" hint="人力资源部分配必修课后会显示在这里。" />
          </div>
        ) : (
          <ul className="mt-4 divide-y divide-slate-100" data-testid="required-courses">
            {my.required.map((c) => (
              <li key={c.enrolmentId} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid={`course-${c.code}`}>
                <div>
                  <p className="font-medium">{c.title}</p>
                  <CourseMeta tier={c.tier} category={c.category} delivery={c.delivery} hours={c.hours} />
                </div>
                <div className="flex items-center gap-3 text-sm">
                  {c.overdue ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">已逾期</span> : null}
                  {c.dueDate && c.status !== "COMPLETED" ? <span className="text-slate-600">截止 {formatDate(c.dueDate)}</span> : null}
                  {c.completedOn ? (
                    <span className="text-slate-600">
                      {formatDate(c.completedOn)} 完成{c.examScore !== null ? `，成绩 ${c.examScore}` : ""}
                    </span>
                  ) : null}
                  <StatusBadge status={c.status} />
                  {c.status === "ASSIGNED" ? (
                    <ActionButton
                      action={startCourseAction}
                      fields={{ enrolmentId: c.enrolmentId }}
                      label="开始学习"
                      className="rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
                    />
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title="推荐课程（按能力差距）">
        {!my.hasAssessment ? (
          <EmptyState title="完成首次胜任力评估后，这里会按差距推荐课程" hint="评估结果出来后，系统按与下一等级要求差距最大的能力推荐。" />
        ) : my.recommendations.length === 0 ? (
          <EmptyState title="暂无需要补强的能力" hint="各项能力已达到下一等级要求，或相关课程都已完成。" />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="recommendations">
            {my.recommendations.map((r) => (
              <li key={r.courseId} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-medium">{r.course.title}</p>
                  <p className="text-sm text-amber-800">
                    提升：{competencyName(r.competency)}（差距 {r.gap.toFixed(1)}）
                  </p>
                  <CourseMeta tier={r.course.tier} category={r.course.category} delivery={r.course.delivery} hours={r.course.hours} />
                </div>
                {r.enrolled ? (
                  <span className="text-sm text-slate-600">已在学习计划中</span>
                ) : r.course.required ? (
                  <span className="text-sm text-slate-600">必修课，由人力资源部分配</span>
                ) : (
                  <ActionButton action={enrolElectiveAction} fields={{ courseId: r.courseId }} label="报名" />
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title="选修课程">
        {my.enrolledElectives.length > 0 ? (
          <ul className="mb-4 divide-y divide-slate-100" data-testid="my-electives">
            {my.enrolledElectives.map((c) => (
              <li key={c.enrolmentId} className="flex flex-wrap items-center justify-between gap-3 py-2">
                <span>{c.title}</span>
                <StatusBadge status={c.status} />
              </li>
            ))}
          </ul>
        ) : null}
        <FilterForm
          label="筛选选修课"
          idPrefix="elective"
          fields={[{ name: "q", label: "搜索", type: "search", placeholder: "课程名称或简介" }, ...TIER_CATEGORY_FILTERS]}
          values={{ q, tier: tier ?? undefined, category: category ?? undefined }}
          hidden={{ competency: competency ?? undefined }}
          className="mb-3 flex flex-wrap items-end gap-3"
        />
        {my.electives.length === 0 ? (
          <EmptyState title="没有可报名的选修课" hint="您已报名所有开放的选修课。" />
        ) : electives.length === 0 ? (
          <EmptyState title="没有符合条件的选修课" hint="换一个关键词，或把层级、类别改为“全部”。" />
        ) : (
          <ElectiveList electives={electives} />
        )}
      </Card>
    </div>
  );
}
