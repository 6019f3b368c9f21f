import Link from "next/link";

/** The first cell of a people table: name linking to the profile, employee number below. */
export function PersonCell({ id, name, employeeNo }: { id: string; name: string; employeeNo: string }) {
  return (
    <th scope="row" className="py-2 pr-4 text-left font-normal">
      <Link href={`/people/${id}`} className="font-medium text-brand-700 hover:underline">
        {name}
      </Link>
      <div className="text-xs text-slate-600 tabular-nums">{employeeNo}</div>
    </th>
  );
}
