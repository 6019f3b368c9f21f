"use client";

import { useState } from "react";
import Link from "next/link";
import type { SheetRow } from "@/lib/server/dal/appraisal/sheet";
import { RATING_SOURCE_LABELS } from "@/lib/domain/appraisal";
import type { RatingBands, ScorecardTemplate } from "@/lib/domain/scoring";
import { GradeBadge } from "@/components/people/grade-badge";
import { EmptyState } from "@/components/ui/card";
import { ACTIONS_COLUMN, DataTable, right } from "@/components/ui/table";
import { AppraisalDialog } from "./appraisal-dialog";
import { RatingBadge } from "./rating-badge";
import { formatScore } from "./text";
import { quarterLabel, quarterShort } from "@/lib/format";
import { previousQuarter } from "@/lib/domain/dates";

/**
 * A quarter's appraisal sheet. `edit`: rate while the quarter is open; `correct`: HR after the
 * lock (every save needs a reason); `readonly`: a branch head after the lock.
 */
export function AppraisalSheet({
  quarter,
  rows,
  template,
  bands,
  mode,
  showBranch,
  emptyHint,
  roracPath,
}: {
  quarter: string;
  rows: SheetRow[];
  template: ScorecardTemplate;
  bands: RatingBands;
  mode: "edit" | "correct" | "readonly";
  showBranch: boolean;
  emptyHint: React.ReactNode;
  /** e.g. /branch/appraisal/2026Q3/rorac: + /<userId> is a person's business-lines page. */
  roracPath: string;
}) {
  const [editing, setEditing] = useState<SheetRow | null>(null);
  const earlier = [previousQuarter(quarter), previousQuarter(previousQuarter(quarter))];
  const [notice, setNotice] = useState<string | null>(null);
  const edit = (row: SheetRow) => {
    setNotice(null);
    setEditing(row);
  };

  return (
    <div>
      <p
        role="status"
        aria-live="polite"
        className={notice ? "mb-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" : "sr-only"}
        data-testid="sheet-notice"
      >
        {notice}
      </p>
      {rows.length === 0 ? (
        <EmptyState title="没有符合条件的客户经理" hint={emptyHint} />
      ) : (
        <DataTable
          testId="appraisal-sheet"
          // The rows' and cells' layout is set once here, not on each of the 25 rows' cells.
          className="w-full min-w-[52rem] text-sm [&>tbody>tr]:border-t [&>tbody>tr]:border-slate-100 [&>tbody>tr]:align-top [&>tbody>tr>*]:py-2 [&>tbody>tr>*]:pr-3"
          density="narrow"
          columns={[
            { label: "姓名", className: "sticky left-0 bg-white" },
            "工号",
            showBranch && "机构",
            "等级",
            // The two quarters before this one, newest first: one column each, named in the header.
            ...earlier.map((q) => ({ label: <abbr title={quarterLabel(q)}>{quarterShort(q)}</abbr> })),
            "本季度评级",
            right("得分"),
            "来源与说明",
            // On a phone the actions stay in view at the right edge while the middle columns scroll.
            { ...ACTIONS_COLUMN, className: "sticky right-0 bg-white md:static" },
          ]}
        >
          {rows.map((r) => (
            <tr key={r.userId} data-testid={`appraisal-row-${r.userId}`}>
              <th scope="row" className="sticky left-0 bg-white text-left font-normal">
                <Link href={`/people/${r.userId}`} className="whitespace-nowrap text-brand-700 hover:underline">
                  {r.name}
                </Link>
              </th>
              <td className="tabular-nums">{r.employeeNo}</td>
              {showBranch ? <td className="whitespace-nowrap">{r.branchName}</td> : null}
              <td className="whitespace-nowrap">
                <GradeBadge grade={r.grade} />
              </td>
              {r.previous.map((p) => (
                <td key={p.quarter}>
                  <RatingBadge rating={p.rating} empty="无" />
                </td>
              ))}
              <td data-testid="current-rating">
                <RatingBadge rating={r.appraisal?.rating} />
              </td>
              <td className="text-right tabular-nums" data-testid="current-score">
                {formatScore(r.appraisal?.score)}
              </td>
              <td className="max-w-64 text-slate-600">
                {r.appraisal ? (
                  <>
                    <span className="text-xs">{RATING_SOURCE_LABELS[r.appraisal.source]}</span>
                    {r.appraisal.reason ? (
                      <span className="block truncate" title={r.appraisal.reason}>
                        {r.appraisal.reason}
                      </span>
                    ) : null}
                  </>
                ) : (
                  <span className="text-xs">—</span>
                )}
              </td>
              <td className="sticky right-0 bg-white md:static">
                <RowActions row={r} mode={mode} href={`${roracPath}/${r.userId}`} onEdit={edit} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {editing ? (
        <AppraisalDialog
          key={`${editing.userId}-${editing.appraisal?.version ?? 0}`}
          quarter={quarter}
          target={editing}
          template={template}
          bands={bands}
          correcting={mode === "correct"}
          roracHref={`${roracPath}/${editing.userId}`}
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setNotice(message);
            setEditing(null);
          }}
        />
      ) : null}
    </div>
  );
}

/**
 * A row's actions: rate / change / correct (not when read-only) and the RORAC business lines;
 * stacked on a phone (the column stays at the right edge), side by side from `md` up.
 */
function RowActions({ row, mode, href, onEdit }: { row: SheetRow; mode: "edit" | "correct" | "readonly"; href: string; onEdit: (row: SheetRow) => void }) {
  const label = mode === "correct" ? "更正" : row.appraisal?.rating ? "修改" : "评分";
  const linkText = row.rorac?.rate != null ? `RORAC ${row.rorac.rate.toFixed(2)}%` : "RORAC 业务条线";
  return (
    <span className="flex flex-col items-end gap-1 md:flex-row md:items-center md:justify-end md:gap-2">
      {mode === "readonly" ? null : (
        <button
          type="button"
          onClick={() => onEdit(row)}
          aria-label={`${label}：${row.name}`}
          className="rounded-md border border-slate-300 px-3 py-1 whitespace-nowrap text-slate-700 hover:bg-slate-100"
        >
          {label}
        </button>
      )}
      <Link href={href} aria-label={`${linkText}：${row.name}`} className="text-xs whitespace-nowrap text-brand-700 hover:underline">
        {linkText}
      </Link>
    </span>
  );
}
