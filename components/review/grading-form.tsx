"use client";

import { useActionState, useState } from "react";
import { PersonCell } from "@/components/people/person-cell";
import { confirmInitialGradesAction } from "@/lib/actions/grading";
import { initialActionState } from "@/lib/actions/state";
import { GRADES, GRADE_LABELS, type Grade, type Rating } from "@/lib/domain/grades";
import { formatTenure } from "@/lib/domain/tenure";
import { certificationName } from "@/lib/domain/promotion";
import { quarterLabel } from "@/lib/domain/dates";
import { DataTable } from "@/components/ui/table";
import { SubmitLine } from "@/components/ui/submit-row";
import { RatingChip } from "./rating-chip";
import { formatDate } from "@/lib/format";

export interface GradingRow {
  id: string;
  name: string;
  employeeNo: string;
  branchName: string;
  roleStartDate: string | null;
  tenureMonths: number | null;
  certifications: { code: string; passedOn: string; validUntil?: string | null; score?: number | null }[];
  exam: { code: string; score: number | null; passedOn: string; validUntil: string | null; valid: boolean } | null;
  annualRating: { rating: Rating; quarter: string } | null;
  proposal: { grade: Grade; reason: string };
}

const probation = (r: GradingRow) => r.certifications.find((c) => c.code === "PROBATION");

function Score({ score }: { score: number | null | undefined }) {
  return score != null ? <span className="ml-1 tabular-nums">{score} 分</span> : null;
}

/** A piece of evidence with a small note under it, or what is missing. */
function Fact({
  children,
  note,
  noteClass = "text-slate-600",
  missing,
}: {
  children: React.ReactNode;
  note: React.ReactNode;
  noteClass?: string;
  missing: string;
}) {
  if (!children) return <span className="text-slate-600">{missing}</span>;
  return (
    <>
      <div>{children}</div>
      <div className={`text-xs ${noteClass}`}>{note}</div>
    </>
  );
}

export function GradingForm({ rows }: { rows: GradingRow[] }) {
  const [state, action, pending] = useActionState(confirmInitialGradesAction, initialActionState);
  // Controlled, so a refused confirmation keeps the ticks and choices.
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [grades, setGrades] = useState<Record<string, Grade>>(() => Object.fromEntries(rows.map((r) => [r.id, r.proposal.grade])));
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const overridden = rows.filter((r) => selected.has(r.id) && grades[r.id] !== r.proposal.grade).length;

  return (
    <form
      action={action}
      className="space-y-4"
      onSubmit={(e) => {
        const n = selected.size;
        const extra = overridden ? `（其中 ${overridden} 人与系统建议不同）` : "";
        if (n === 0 || !confirm(`确认为所选 ${n} 人定级${extra}？定级将立即生效并记入等级变动记录。`)) e.preventDefault();
      }}
    >
      <DataTable
        testId="grading-table"
        columns={[
          {
            label: (
              <label className="inline-flex items-center gap-1">
                <input type="checkbox" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))} />
                <span>全选</span>
              </label>
            ),
          },
          ...["姓名", "机构", "任职", "岗位资格认证考试", "见习期考核", "上年度考核", "系统建议与理由", "定级为"],
        ]}
      >
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-slate-100 align-top" data-testid={`grading-row-${r.id}`}>
            <td className="py-2 pr-3">
              <input type="checkbox" name="selected" value={r.id} checked={selected.has(r.id)} onChange={() => toggle(r.id)} aria-label={`选择${r.name}`} />
            </td>
            <PersonCell id={r.id} name={r.name} employeeNo={r.employeeNo} />
            <td className="py-2 pr-4 whitespace-nowrap">{r.branchName}</td>
            <td className="py-2 pr-4 whitespace-nowrap">
              {r.tenureMonths !== null ? formatTenure(r.tenureMonths) : "未登记"}
              {r.roleStartDate ? <div className="text-xs text-slate-600">自{formatDate(r.roleStartDate)}</div> : null}
            </td>
            <td className="py-2 pr-4" data-testid="grading-exam">
              <Fact
                missing="未参加"
                note={r.exam && `${formatDate(r.exam.passedOn)}通过${r.exam.valid ? "，有效" : "，已过期"}`}
                noteClass={r.exam?.valid === false ? "text-orange-900" : undefined}
              >
                {r.exam && (
                  <>
                    {certificationName(r.exam.code)}
                    <Score score={r.exam.score} />
                  </>
                )}
              </Fact>
            </td>
            <td className="py-2 pr-4">
              <Fact missing="未通过" note={probation(r) && formatDate(probation(r)!.passedOn)}>
                {probation(r) && (
                  <>
                    已通过
                    <Score score={probation(r)!.score} />
                  </>
                )}
              </Fact>
            </td>
            <td className="py-2 pr-4">
              <Fact missing="无" note={r.annualRating && quarterLabel(r.annualRating.quarter)}>
                {r.annualRating && <RatingChip rating={r.annualRating.rating} quarter={r.annualRating.quarter} />}
              </Fact>
            </td>
            <td className="py-2 pr-4">
              <span className="font-medium">{GRADE_LABELS[r.proposal.grade]}</span>
              <p className="text-xs text-slate-600">{r.proposal.reason}</p>
            </td>
            <td className="py-2">
              <label htmlFor={`grade-${r.id}`} className="sr-only">
                {r.name}定级为
              </label>
              <select
                id={`grade-${r.id}`}
                name={`grade_${r.id}`}
                value={grades[r.id]}
                onChange={(e) => setGrades((g) => ({ ...g, [r.id]: e.target.value as Grade }))}
                className="rounded-md border border-slate-300 px-2 py-1 text-sm"
              >
                {GRADES.map((g) => (
                  <option key={g} value={g}>
                    {GRADE_LABELS[g]}
                    {g === r.proposal.grade ? "（建议）" : ""}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </DataTable>
      <SubmitLine state={state} pending={pending} pendingText="正在定级…">
        确认所选人员定级（{selected.size} 人）
      </SubmitLine>
    </form>
  );
}
