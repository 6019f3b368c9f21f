/** A score table's first cell: who (an entrant or a team), then a small detail (employee number, members). */
export function NameCell({ name, detail, className }: { name: string; detail: React.ReactNode; className: string }) {
  return (
    <td className={className}>
      {name} <span className="text-xs text-slate-600">{detail}</span>
    </td>
  );
}
