import Link from "next/link";

/**
 * A row of tabs for the sections of one area: links (work without JavaScript), the current one
 * marked with aria-current="page"; scrolls sideways on a narrow screen instead of the page.
 */
export function TabNav({ label, tabs, current }: { label: string; tabs: readonly { href: string; label: string }[]; current: string }) {
  return (
    <nav aria-label={label} className="mb-6 overflow-x-auto">
      <ul className="flex gap-1 border-b border-slate-200 text-sm">
        {tabs.map((t) => {
          const active = t.href === current;
          const style = active ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900";
          return (
            <li key={t.href}>
              <Link href={t.href} aria-current={active ? "page" : undefined} className={`block border-b-2 px-3 py-2 whitespace-nowrap ${style}`}>
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
