import Link from "next/link";

type PageLink = readonly [href: string, label: string];

/**
 * The header actions of a list page: the link that adds one (filled), the links to its other pages
 * (outlined), then any buttons passed as children.
 */
export function HeaderLinks({ add, links, children }: { add: PageLink; links: readonly PageLink[]; children?: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-start gap-2 text-sm">
      <Link href={add[0]} className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
        {add[1]}
      </Link>
      {links.map(([href, label]) => (
        <Link key={href} href={href} className="rounded-md border border-slate-300 px-3 py-1.5 text-slate-800 hover:bg-slate-100">
          {label}
        </Link>
      ))}
      {children}
    </div>
  );
}
