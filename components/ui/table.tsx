/**
 * The table scaffold every list in the app shares: horizontal scroll on narrow screens, small
 * text, a header row of column titles (scope="col"), then the caller's rows.
 */
export interface Column {
  label: React.ReactNode;
  align?: "left" | "right";
}

export function DataTable({ columns, testId, children }: { columns: (Column | string)[]; testId?: string; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto" tabIndex={0}>
      <table className="w-full text-sm" data-testid={testId}>
        <thead className="text-slate-600">
          <tr>
            {columns.map((c, i) => {
              const col = typeof c === "string" ? { label: c } : c;
              const last = i === columns.length - 1;
              return (
                <th key={i} scope="col" className={`py-2 font-normal ${last ? "" : "pr-4"} ${col.align === "right" ? "text-right" : "text-left"}`}>
                  {col.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
