import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { appraisalQuarterStatus, previewReview, type ReviewPreviewView } from "@/lib/server/dal/review/preview";
import { getCommittedReview, reviewHistory, type ReviewHistoryItem } from "@/lib/server/dal/review/committed";
import { REVIEW_CATEGORIES, type ReviewCategory } from "@/lib/server/dal/review/compute";
import { DomainError } from "@/lib/server/errors";
import { isQuarter, quarterLabel } from "@/lib/domain/dates";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ReviewCountTiles, countsSentence } from "@/components/review/review-counts";
import { ReviewFilters, type FilterValues } from "@/components/review/review-filters";
import { Pagination } from "@/components/ui/pagination";
import { CommittedEntriesTable, ReviewPreviewTable } from "@/components/review/review-table";
import { CommitReviewButton, QuotaForm, RevertReviewButton } from "@/components/review/review-actions";
import { RulesTable } from "@/components/review/rules-table";
import { getCertificationNames } from "@/lib/server/dal/certification-names";
import { ReviewHistoryList } from "@/components/review/review-history";
import { formatDateTime } from "@/lib/format";

export async function generateMetadata({ params }: { params: Promise<{ quarter: string }> }): Promise<Metadata> {
  const { quarter } = await params;
  return { title: isQuarter(quarter) ? `${quarterLabel(quarter)} · 晋级评审` : "晋级评审" };
}
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

function filterValues(sp: SearchParams): FilterValues {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const outcome = one(sp.outcome);
  const page = Number(one(sp.page));
  return {
    branch: one(sp.branch) || undefined,
    outcome: outcome && (REVIEW_CATEGORIES as readonly string[]).includes(outcome) ? (outcome as ReviewCategory) : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** What the committed result and the preview share: the page of the list, its branch and outcome filter and its page links. */
type ListPage = Pick<ReviewPreviewView, "branches" | "scopeCounts" | "page" | "pageCount" | "matching">;

/** The filtered, paged list of entries (committed or previewed). */
function ReviewList({ base, values, list, children }: { base: string; values: FilterValues; list: ListPage; children: React.ReactNode }) {
  return (
    <div className="space-y-4">
      <ReviewFilters base={base} branches={list.branches} values={values} scopeCounts={list.scopeCounts} />
      {children}
      <Pagination
        basePath={base}
        params={{ branch: values.branch, outcome: values.outcome }}
        page={list.page}
        pageCount={list.pageCount}
        matching={list.matching}
      />
    </div>
  );
}

/** The rules the review applies beside the quarter's review history. */
function RulesAndHistory({ title, history, children }: { title: string; history: ReviewHistoryItem[]; children: React.ReactNode }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title={title}>{children}</Card>
      <Card title="评审记录">
        <ReviewHistoryList items={history} />
      </Card>
    </div>
  );
}

/** The quarter's review page: its header (where the review stands, what can be done) above the content. */
function ReviewPage({ name, status, actions, children }: { name: string; status?: React.ReactNode; actions: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="space-y-6">
      <PageHeader title={`${name}晋级评审`} subtitle={status ? <span data-testid="review-status">{status}</span> : undefined} actions={actions} />
      {children}
    </div>
  );
}

/** A quarter that cannot be reviewed (yet): the header and why. */
function NotReviewable({ name, back, title, hint }: { name: string; back: React.ReactNode; title: string; hint: string }) {
  return (
    <ReviewPage name={name} actions={back}>
      <Card>
        <EmptyState title={title} hint={hint} />
      </Card>
    </ReviewPage>
  );
}

export default async function ReviewQuarterPage({ params, searchParams }: { params: Promise<{ quarter: string }>; searchParams: Promise<SearchParams> }) {
  const viewer = await requirePageViewer("hr.view");
  const quarter = (await params).quarter.toUpperCase();
  if (!isQuarter(quarter)) notFound();
  const status = await appraisalQuarterStatus(viewer, quarter);
  if (!status) notFound();
  const values = filterValues(await searchParams);
  // 25 rows a page: each row carries four rating chips, the reason and the exclusion control.
  const filters = { branchId: values.branch, category: values.outcome, page: values.page, pageSize: 25 };
  const base = `/hr/review/${quarter}`;
  const name = quarterLabel(quarter);
  const [committed, history, nameMap] = await Promise.all([
    getCommittedReview(viewer, quarter, filters),
    reviewHistory(viewer, quarter),
    getCertificationNames(),
  ]);
  const certificationNames = Object.fromEntries(nameMap);
  const back = (
    <Link href="/hr/review" className="text-sm text-brand-700 hover:underline">
      ← 全部季度
    </Link>
  );

  if (committed) {
    return (
      <ReviewPage
        name={name}
        status={<>已提交{committed.committedBy ? `（${committed.committedBy}，${formatDateTime(committed.committedAt)}）` : ""}· 结果只读</>}
        actions={back}
      >
        <ReviewCountTiles counts={committed.counts} />
        <Card title="评审结果" actions={<RevertReviewButton quarter={quarter} quarterName={name} />}>
          <ReviewList base={base} values={values} list={committed}>
            <CommittedEntriesTable rows={committed.rows} />
          </ReviewList>
        </Card>
        <RulesAndHistory title="本次评审适用的晋级条件" history={history}>
          {committed.rulesSnapshot ? (
            <RulesTable
              rules={committed.rulesSnapshot}
              names={certificationNames}
              caption={committed.ruleSetFrom ? `规则版本：自 ${committed.ruleSetFrom} 起适用（提交时冻结）` : "默认条件（提交时冻结）"}
            />
          ) : (
            <EmptyState title="未记录规则快照" />
          )}
        </RulesAndHistory>
      </ReviewPage>
    );
  }

  if (status === "OPEN") {
    return (
      <NotReviewable
        name={name}
        back={back}
        title={`${name}的考评尚未锁定`}
        hint="晋级评审要用到本季度的最终考评结果。请先在季度考评中锁定该季度，再回到这里预览和提交评审。"
      />
    );
  }

  let preview: ReviewPreviewView;
  try {
    preview = await previewReview(viewer, quarter, filters);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return <NotReviewable name={name} back={back} title="暂时无法进行评审" hint={error.message} />;
  }

  return (
    <ReviewPage
      name={name}
      status={
        <>
          预览（尚未提交）· 依据 {preview.ratingQuarters[2]} 与 {quarter} 两个季度的考评 · 晋级条件：
          {preview.rules.effectiveFromQuarter ? `自 ${preview.rules.effectiveFromQuarter} 起适用的版本` : "默认条件"}（
          <Link href="/hr/rules" className="text-brand-700 hover:underline">
            查看
          </Link>
          ）
        </>
      }
      actions={
        <div className="flex flex-wrap items-center gap-3">
          {back}
          <CommitReviewButton quarter={quarter} quarterName={name} summary={countsSentence(preview.counts)} />
        </div>
      }
    >
      <ReviewCountTiles counts={preview.counts} />
      {preview.ungraded.count > 0 ? (
        <p className="rounded-md bg-amber-50 px-4 py-2 text-sm text-amber-900">
          另有 {preview.ungraded.count} 名客户经理尚未定级（{preview.ungraded.names.join("、")}
          {preview.ungraded.count > preview.ungraded.names.length ? " 等" : ""}），不参加本次评审。
          <Link href="/hr/grading" className="ml-1 font-medium underline">
            去定级
          </Link>
        </p>
      ) : null}
      <Card title="晋升名额">
        <QuotaForm quarter={quarter} quotas={preview.quotas} candidates={preview.promotionCandidates} />
      </Card>
      <Card title="评审名单">
        <ReviewList base={base} values={values} list={preview}>
          <ReviewPreviewTable quarter={quarter} rows={preview.rows} editable />
        </ReviewList>
      </Card>
      <RulesAndHistory title="适用的晋级条件" history={history}>
        <RulesTable
          rules={preview.rules.rules}
          names={certificationNames}
          caption={preview.rules.effectiveFromQuarter ? `规则版本：自 ${preview.rules.effectiveFromQuarter} 起适用` : "默认条件"}
        />
      </RulesAndHistory>
    </ReviewPage>
  );
}
