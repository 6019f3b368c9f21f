"use client";

import { useId, useState } from "react";

export interface ChartTable {
  /** Column headings; the first column names the row. */
  columns: string[];
  rows: (string | number)[][];
}

/**
 * The frame every chart sits in: a title, the unit, the chart (or an empty state saying what fills
 * it), a legend drawn by the chart itself, and "查看数据表" to read the same numbers as a table —
 * for screen readers, for copying, and for anyone who would rather read than look.
 */
export function ChartCard({
  title,
  unit,
  description,
  table,
  empty,
  emptyHint,
  actions,
  testId,
  children,
}: {
  title: string;
  unit?: string;
  description?: React.ReactNode;
  table: ChartTable;
  /** When true the chart is replaced by the empty state. */
  empty?: boolean;
  emptyHint?: React.ReactNode;
  actions?: React.ReactNode;
  testId?: string;
  children: React.ReactNode;
}) {
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  return (
    <section className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5" data-testid={testId} aria-label={title}>
      <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="text-base font-semibold text-slate-800">{title}</h2>
          {unit || description ? (
            <p className="mt-0.5 text-xs text-slate-600">
              {unit ? <>单位：{unit}</> : null}
              {unit && description ? "；" : null}
              {description}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {actions}
          {empty ? null : (
            <button
              type="button"
              aria-expanded={showTable}
              aria-controls={tableId}
              onClick={() => setShowTable((v) => !v)}
              className="rounded-md border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50"
            >
              {showTable ? "收起数据表" : "查看数据表"}
            </button>
          )}
        </div>
      </div>
      {empty ? (
        <div className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center" data-testid="chart-empty">
          <p className="font-medium text-slate-700">暂无数据</p>
          {emptyHint ? <p className="mt-1 text-sm text-slate-600">{emptyHint}</p> : null}
        </div>
      ) : (
        <>
          {children}
          <div id={tableId} hidden={!showTable} tabIndex={0} className="mt-3 max-h-96 overflow-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">{title}（数据表）</caption>
              <thead className="sticky top-0 bg-white text-slate-600">
                <tr>
                  {table.columns.map((c, i) => (
                    <th key={i} scope="col" className={`py-1.5 pr-3 font-normal ${i === 0 ? "text-left" : "text-right"}`}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, r) => (
                  <tr key={r} className="border-t border-slate-100">
                    {row.map((cell, i) =>
                      i === 0 ? (
                        <th key={i} scope="row" className="py-1.5 pr-3 text-left font-normal">
                          {cell}
                        </th>
                      ) : (
                        <td key={i} className="py-1.5 pr-3 text-right tabular-nums">
                          {cell}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
