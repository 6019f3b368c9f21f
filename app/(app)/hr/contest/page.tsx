import type { Metadata } from "next";
import Link from "next/link";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { listContests } from "@/lib/server/dal/contest/setup";
import { parseIsoDate, todayInShanghai } from "@/lib/domain/dates";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";
import { CreateContestForm } from "@/components/contest/setup-forms";
import { formatDate } from "@/components/contest/text";

export const metadata: Metadata = { title: "业务技能大比拼" };
export const dynamic = "force-dynamic";

export default async function ContestListPage() {
  await requirePageViewer("hr.view");
  const contests = await listContests();
  const year = parseIsoDate(todayInShanghai()).y;
  const hasThisYear = contests.some((c) => c.year === year);
  return (
    <div className="space-y-6">
      <PageHeader title="业务技能大比拼" subtitle="素质提升项目第三阶段：业务基础知识、业务操作技能、个人营销技能展示、团队营销方案设计四个项目" />
      <Card title="各年度比赛">
        {contests.length === 0 ? (
          <EmptyState title="还没有比赛" hint="在下方创建本年度的业务技能大比拼，系统会按开始日的等级生成参赛名单。" />
        ) : (
          <DataTable testId="contests" columns={["比赛", "日期", { label: "参赛人数", align: "right" }, { label: "团队", align: "right" }, "项目锁定", "操作"]}>
            {contests.map((c) => (
              <tr key={c.id} className="border-t border-slate-100">
                <th scope="row" className="py-2 pr-4 text-left font-medium">
                  {c.name}
                </th>
                <td className="py-2 pr-4 whitespace-nowrap">
                  {formatDate(c.startsOn)}–{formatDate(c.endsOn)}
                </td>
                <td className="py-2 pr-4 text-right tabular-nums">{c.entrants}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{c.teams}</td>
                <td className="py-2 pr-4">{c.lockedEvents} / 4</td>
                <td className="py-2">
                  <Link href={`/hr/contest/${c.id}`} className="text-brand-700 hover:underline">
                    打开<span className="sr-only">{c.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
      {!hasThisYear ? (
        <Card title={`创建${year}年比赛`}>
          <p className="mb-3 text-sm text-slate-600">
            若本年度的素质提升项目尚未建立，系统会一并创建该项目年度及其「业务技能大比拼」阶段（面向全体对公客户经理），并按默认设置建立四个比赛项目，之后可调整日期、满分和权重。
          </p>
          <CreateContestForm year={year} />
        </Card>
      ) : null}
    </div>
  );
}
