import { pageLoad } from "@/lib/server/page-load";
import { getBranchCompetencies } from "@/lib/server/dal/competencies/results";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { BranchCompetencyPanels, CyclePicker, CycleStatus, PendingFormsList } from "@/components/competencies/panels";
import { formatDate } from "@/lib/format";
import { titleFor } from "@/lib/server/page-title";
import { pageParam } from "@/components/dashboard/paging";

export const generateMetadata = titleFor("团队胜任力", ["BRANCH_HEAD"]);
export const dynamic = "force-dynamic";

/** Manager forms listed at once (a 250-person branch has 250; each submitted one makes room for the next). */
const FORMS_SHOWN = 20;

export default async function BranchCompetenciesPage({
  searchParams,
}: {
  searchParams: Promise<{ cycle?: string; submitted?: string; sort?: string; page?: string; open?: string }>;
}) {
  const { cycle: cycleId, submitted, sort, page, open } = await searchParams;
  const { item: view } = await pageLoad("branch.home", (viewer) => getBranchCompetencies(viewer, { cycleId }));
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${view.branch.name} · 团队胜任力`}
        subtitle={
          view.cycle ? (
            <span className="inline-flex items-center gap-2">
              {view.cycle.name} · 截止 {formatDate(view.cycle.deadline)} <CycleStatus cycle={view.cycle} />
            </span>
          ) : undefined
        }
        actions={<CyclePicker cycles={view.cycles} selected={view.cycle?.id ?? null} />}
      />
      {submitted ? (
        <p role="status" className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900">
          上级评价已提交。
        </p>
      ) : null}
      {!view.cycle ? (
        <EmptyState title="本机构还没有胜任力评估" hint="人力资源部开启评估周期后，您可以在这里为团队成员提名同事评估人、填写上级评价并查看团队能力差距。" />
      ) : (
        <>
          <Card
            title="待我填写的上级评价"
            actions={
              view.myManagerForms.length > FORMS_SHOWN ? (
                <span className="text-sm text-slate-700">
                  共 {view.myManagerForms.length} 份，显示前 {FORMS_SHOWN} 份
                </span>
              ) : undefined
            }
          >
            <PendingFormsList
              forms={view.myManagerForms.slice(0, FORMS_SHOWN)}
              empty={view.cycle.acceptingAnswers ? "本周期的上级评价您已全部提交。" : "本周期已不再接受提交。"}
            />
            {view.myManagerForms.length > FORMS_SHOWN ? <p className="mt-2 text-xs text-slate-600">提交一份后，其余的会依次显示在这里。</p> : null}
          </Card>
          <BranchCompetencyPanels
            view={view}
            nominateHref={`/branch/competencies/cycles/${view.cycle.id}/peers`}
            personHref="/people"
            paging={{ sort, page: pageParam(page), openPage: pageParam(open), action: "/branch/competencies", cycle: cycleId }}
          />
        </>
      )}
    </div>
  );
}
