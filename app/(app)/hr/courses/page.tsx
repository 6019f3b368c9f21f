import Link from "next/link";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { listCourses, type CourseFilters } from "@/lib/server/dal/courses/catalogue";
import { syncRequiredAction } from "@/lib/actions/courses";
import { DataTable } from "@/components/ui/table";
import { FilterForm, optionsOf, type FilterField } from "@/components/ui/fields";
import { TIER_CATEGORY_FILTERS } from "@/components/courses/filters";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ActionButton } from "@/components/courses/action-button";
import { competencyName } from "@/components/courses/course-bits";
import { COMPETENCY_CODES } from "@/lib/domain/competency";
import { CATEGORIES, CATEGORY_LABELS, DELIVERIES, DELIVERY_LABELS, TIERS, TIER_AUDIENCE, TIER_LABELS } from "@/lib/domain/curriculum-labels";
import { titleFor } from "@/lib/server/page-title";
import { HeaderLinks } from "@/components/page/header-links";

export const generateMetadata = titleFor("培训课程", ["HR"]);
export const dynamic = "force-dynamic";

function pick<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

const FILTERS: FilterField[] = [
  ...TIER_CATEGORY_FILTERS,
  { name: "delivery", label: "方式", options: optionsOf(DELIVERIES, DELIVERY_LABELS) },
  { name: "kind", label: "性质", options: { required: "必修", elective: "选修" } },
  { name: "status", label: "状态", options: { ACTIVE: "在用", RETIRED: "已停用" } },
  { name: "competency", label: "能力", options: COMPETENCY_CODES.map((c) => [c, competencyName(c)] as const) },
  { name: "q", label: "搜索", type: "search", placeholder: "名称或编号" },
];

export default async function HrCoursesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await requirePageViewer("hr.view");
  const p = await searchParams;
  const filters: CourseFilters = {
    tier: pick(p.tier, TIERS),
    category: pick(p.category, CATEGORIES),
    delivery: pick(p.delivery, DELIVERIES),
    status: pick(p.status, ["ACTIVE", "RETIRED"] as const),
    kind: pick(p.kind, ["required", "elective"] as const),
    competency: pick(p.competency, COMPETENCY_CODES),
    q: p.q,
  };
  const [all, list] = await Promise.all([listCourses(viewer, { status: "ACTIVE" }), listCourses(viewer, filters)]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="培训课程"
        subtitle="分层级培训课程体系：基础层、进阶层、专家层 × 职业素养、专业知识、技能提升"
        actions={
          <HeaderLinks
            add={["/hr/courses/new", "新增课程"]}
            links={[
              ["/hr/courses/import", "导入完成记录"],
              ["/hr/courses/report", "完成情况报表"],
            ]}
          >
            <ActionButton
              action={syncRequiredAction}
              fields={{}}
              label="同步必修课"
              pendingLabel="正在同步…"
              className="rounded-md border border-slate-300 px-3 py-1.5 text-slate-800 hover:bg-slate-100"
            />
          </HeaderLinks>
        }
      />
      <Card title="课程体系（在用课程）">
        <DataTable testId="course-matrix" columns={["层级", ...CATEGORIES.map((c) => CATEGORY_LABELS[c])]}>
          {TIERS.map((t) => (
            <tr key={t} className="border-t border-slate-100 align-top" data-testid={`matrix-${t}`}>
              <th scope="row" className="py-2 pr-4 text-left font-medium">
                {TIER_LABELS[t]}
                <div className="text-xs font-normal text-slate-600">{TIER_AUDIENCE[t]}</div>
              </th>
              {CATEGORIES.map((c) => (
                <td key={c} className="py-2 pr-4" data-testid={`matrix-${t}-${c}`}>
                  <ul className="space-y-0.5">
                    {all
                      .filter((x) => x.tier === t && x.category === c)
                      .map((x) => (
                        <li key={x.id}>
                          {x.title}
                          {x.required ? <span className="ml-1 rounded bg-brand-50 px-1 text-xs text-brand-700">必修</span> : null}
                          <span className="ml-1 text-xs text-slate-600">{x.hours}h</span>
                        </li>
                      ))}
                  </ul>
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      </Card>
      <Card title="课程列表">
        <FilterForm label="筛选课程" idPrefix="course" fields={FILTERS} values={filters} className="mb-4 flex flex-wrap items-end gap-3" />
        {list.length === 0 ? (
          <EmptyState title="没有符合条件的课程" hint="调整筛选条件，或新增课程。" />
        ) : (
          <DataTable
            testId="course-list"
            columns={["编号", "课程", "层级 / 类别 / 方式", "培养能力", { label: "学时", align: "right" }, { label: "已完成 / 报名", align: "right" }, "操作"]}
          >
            {list.map((c) => (
              <tr key={c.id} className="border-t border-slate-100" data-testid={`course-row-${c.code}`}>
                <td className="py-2 pr-3 tabular-nums">{c.code}</td>
                <th scope="row" className="py-2 pr-3 text-left font-medium">
                  {c.title}
                  {c.required ? (
                    <span className="ml-1 rounded bg-brand-50 px-1 text-xs text-brand-700">必修</span>
                  ) : (
                    <span className="ml-1 text-xs text-slate-600">选修</span>
                  )}
                  {c.status === "RETIRED" ? <span className="ml-1 rounded bg-slate-200 px-1 text-xs text-slate-700">已停用</span> : null}
                </th>
                <td className="py-2 pr-3 text-slate-600">
                  {TIER_LABELS[c.tier]} / {CATEGORY_LABELS[c.category]} / {DELIVERY_LABELS[c.delivery]}
                </td>
                <td className="py-2 pr-3 text-slate-600">{c.competencies.map(competencyName).join("、")}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{c.hours}</td>
                <td className="py-2 pr-3 text-right tabular-nums">
                  {c.completed} / {c.enrolled}
                </td>
                <td className="py-2 whitespace-nowrap">
                  <Link href={`/hr/courses/${c.id}/edit`} className="text-brand-700 hover:underline">
                    编辑
                  </Link>
                  <Link href={`/hr/courses/${c.id}/roster`} className="ml-3 text-brand-700 hover:underline">
                    登记完成
                  </Link>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
