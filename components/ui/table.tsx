/**
 * The table scaffold every list in the app shares: horizontal scroll on narrow screens, small
 * text, a header row of column titles (scope="col"), then the caller's rows.
 */
export interface Column {
  label: React.ReactNode;
  align?: "left" | "right" | "center";
}

const ALIGN = { left: "text-left", right: "text-right", center: "text-center" } as const;

export function DataTable({
  columns,
  testId,
  caption,
  captionClassName = "sr-only",
  children,
}: {
  columns: (Column | string)[];
  testId?: string;
  /** What the table lists: read by screen readers only unless `captionClassName` shows it. */
  caption?: React.ReactNode;
  captionClassName?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="overflow-x-auto" tabIndex={0}>
      <table className="w-full text-sm" data-testid={testId}>
        {caption ? <caption className={captionClassName}>{caption}</caption> : null}
        <thead className="text-slate-600">
          <tr>
            {columns.map((c, i) => {
              const col = typeof c === "string" ? { label: c } : c;
              const last = i === columns.length - 1;
              return (
                <th key={i} scope="col" className={`py-2 font-normal ${last ? "" : "pr-4"} ${ALIGN[col.align ?? "left"]}`}>
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

/** The last column of a table whose rows end in buttons or links: named for screen readers only. */
export const ACTIONS_COLUMN: Column = { label: <span className="sr-only">操作</span> };

/** A right-aligned column (numbers, amounts). */
export const right = (label: React.ReactNode): Column => ({ label, align: "right" });
