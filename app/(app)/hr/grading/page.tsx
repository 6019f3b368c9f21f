import { requirePageViewer } from "@/lib/server/auth/guards";
import { listGradingCandidates } from "@/lib/server/dal/review/grading";
import { todayInShanghai } from "@/lib/domain/dates";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { GradingForm } from "@/components/review/grading-form";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("定级", ["HR"]);
export const dynamic = "force-dynamic";

export default async function GradingPage() {
  const viewer = await requirePageViewer("hr.view");
  const today = todayInShanghai();
  const rows = await listGradingCandidates(viewer, today);
  return (
    <div className="space-y-6">
      <PageHeader title="定级" subtitle={`尚未定级的在职客户经理。系统按任职年限、有效认证逐级拟定，再以上年度考核封顶；确认后自 ${today} 起生效。`} />
      <Card>
        {rows.length === 0 ? (
          <EmptyState title="所有在职客户经理均已定级" hint="新任客户经理加入后会出现在这里；也可先在“资格认证”中登记其认证结果。" />
        ) : (
          <GradingForm rows={rows} />
        )}
      </Card>
      <Card title="拟定规则">
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-600">
          <li>从见习起逐级检查：某等级的任职年限与认证条件（按现行晋级条件）及其以下各级均满足，才可拟定为该等级。</li>
          <li>上年度考核：取最近一个已锁定的第四季度考评结果；本人该季度无结果时，取其最近一个已锁定季度的结果；都没有则不封顶。</li>
          <li>考核封顶：合格最高中级，基本合格最高初级，不合格为见习；良好及以上不封顶。</li>
        </ul>
      </Card>
    </div>
  );
}
