/**
 * The table scaffold every list in the app shares: horizontal scroll on narrow screens, small
 * text, a header row of column titles (scope="col"), then the caller's rows.
 */
export interface Column {
  label: React.ReactNode;
  align?: "left" | "right" | "center";
  /** Extra classes of this header cell (e.g. sticky beside a sideways scroll, hidden on phones). */
  className?: string;
}

const ALIGN = { left: "text-left", right: "text-right", center: "text-center" } as const;

/** How roomy the header cells are: vertical padding of each, and the gap after each but the last. */
const DENSITY = { normal: ["py-2", "pr-4"], compact: ["py-1.5", "pr-3"], narrow: ["py-2", "pr-3"], boxed: ["px-3 py-2", ""] } as const;

export function DataTable({
  columns,
  testId,
  caption,
  captionClassName = "sr-only",
  className = "w-full text-sm",
  wrapperClassName = "overflow-x-auto",
  region,
  stickyHead = false,
  density = "normal",
  children,
}: {
  /** The columns; `false`/`null` leaves a column out (e.g. `editable && "操作"`). */
  columns: (Column | string | false | null)[];
  testId?: string;
  /** What the table lists: read by screen readers only unless `captionClassName` shows it. */
  caption?: React.ReactNode;
  captionClassName?: string;
  /** The <table>'s classes (e.g. a minimum width that scrolls sideways on a phone). */
  className?: string;
  /** The scrolling box's classes (e.g. a height limit with `overflow-auto`). */
  wrapperClassName?: string;
  /** Names the scrolling box as a region (for a long list that scrolls inside the page). */
  region?: string;
  /** The header row stays in view while the box scrolls. */
  stickyHead?: boolean;
  density?: keyof typeof DENSITY;
  children: React.ReactNode;
}) {
  const shown = columns.filter((c): c is Column | string => c !== false && c !== null);
  const [pad, gap] = DENSITY[density];
  return (
    <div className={wrapperClassName} tabIndex={0} role={region ? "region" : undefined} aria-label={region}>
      <table className={className} data-testid={testId}>
        {caption ? <caption className={captionClassName}>{caption}</caption> : null}
        <thead className={stickyHead ? "sticky top-0 bg-white text-slate-600" : "text-slate-600"}>
          <tr>
            {shown.map((c, i) => {
              const col = typeof c === "string" ? { label: c } : c;
              const last = i === shown.length - 1;
              return (
                <th key={i} scope="col" className={`${pad} font-normal ${last ? "" : gap} ${ALIGN[col.align ?? "left"]} ${col.className ?? ""}`}>
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
