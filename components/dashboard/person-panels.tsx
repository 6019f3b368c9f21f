// Extra panels of a person's profile for HR and the branch head.
import { Panel } from "@/components/ui/card";
import { DataTable, right } from "@/components/ui/table";
import { RatingChips } from "@/components/review/rating-chip";
import { ENROLMENT_STATUS_LABELS } from "@/lib/domain/curriculum-labels";
import { formatDate, formatSigned } from "@/lib/format";
import type { PersonExtrasView } from "@/lib/server/dal/dashboard/person";

/** What each panel says while it has nothing to show, and what to do next. */
const EMPTY = {
  ratings: { title: "暂无已锁定的考评", hint: "季度考评锁定后，这里会按季度显示考评结果。" },
  gaps: { title: "暂无评估结果", hint: "完成一次胜任力评估后，这里会显示各项能力与当前等级、下一等级要求的差距。" },
  courses: { title: "暂无课程", hint: "同步必修课或指派课程后，这里会显示学习进度。" },
};

export function RatingsHistory({ ratings }: { ratings: PersonExtrasView["ratings"] }) {
  return (
    <Panel title="季度考评记录" testId="person-ratings" empty={ratings.length === 0 && EMPTY.ratings}>
      <RatingChips ratings={ratings} />
    </Panel>
  );
}

export function CompetencyGaps({ gaps }: { gaps: PersonExtrasView["gaps"] }) {
  return (
    <Panel title="胜任力差距（最近一次评估）" testId="person-competencies" empty={gaps.length === 0 && EMPTY.gaps}>
      <>
        <DataTable density="compact" caption="差距 = 要求 − 评估结果，正数为不足" columns={["能力", right("对照当前等级"), right("对照下一等级")]}>
          {gaps.map((g) => (
            <tr key={g.code} className="border-t border-slate-100">
              <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                {g.name}
              </th>
              <td className="py-1.5 pr-3 text-right tabular-nums">{formatSigned(g.gap)}</td>
              <td className="py-1.5 text-right tabular-nums">{formatSigned(g.nextGap)}</td>
            </tr>
          ))}
        </DataTable>
        <p className="mt-2 text-xs text-slate-600">差距 = 岗位要求 − 评估结果；正数表示尚未达到要求。</p>
      </>
    </Panel>
  );
}

export function PersonCourses({ courses }: { courses: PersonExtrasView["courses"] }) {
  return (
    <Panel title="课程" testId="person-courses" empty={courses.length === 0 && EMPTY.courses}>
      <ul className="divide-y divide-slate-100 text-sm">
        {courses.map((c) => (
          <li key={c.id} className="flex flex-wrap justify-between gap-2 py-1.5">
            <span>
              <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{c.required ? "必修" : "选修"}</span>
              {c.title}
            </span>
            <span className={`text-xs ${c.overdue ? "font-medium text-orange-800" : "text-slate-600"}`}>
              {ENROLMENT_STATUS_LABELS[c.status]}
              {c.completedOn ? ` · ${formatDate(c.completedOn)}完成` : c.dueDate ? ` · ${c.overdue ? "已逾期，" : ""}${formatDate(c.dueDate)}前完成` : ""}
            </span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
