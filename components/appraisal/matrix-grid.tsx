/** A square pairwise-comparison grid: items as column and row headers, `cell(i, j)` inside. */
export function MatrixGrid({ items, cell }: { items: { code: string; name: string }[]; cell: (i: number, j: number) => React.ReactNode }) {
  return (
    <div className="overflow-x-auto" tabIndex={0}>
      <table className="text-sm">
        <thead>
          <tr>
            <td />
            {items.map((c) => (
              <th key={c.code} scope="col" className="px-2 py-1 text-left font-normal text-slate-600">
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((r, i) => (
            <tr key={r.code}>
              <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-600">
                {r.name}
              </th>
              {items.map((c, j) => (
                <td key={c.code} className={`px-2 py-1 tabular-nums ${i < j ? "" : "text-center text-slate-600"}`}>
                  {cell(i, j)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
