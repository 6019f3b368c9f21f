import Link from "next/link";

const TABS = [
  { href: "/hr/competencies", label: "胜任力模型" },
  { href: "/hr/competencies/cycles", label: "评估周期" },
  { href: "/hr/competencies/heatmap", label: "全行热力图" },
] as const;

/** The sub-navigation of HR's competency area. */
export function HrCompetencyTabs({ current }: { current: (typeof TABS)[number]["href"] }) {
  return (
    <nav aria-label="胜任力管理" className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-1">
        {TABS.map((t) => (
          <li key={t.href}>
            <Link
              href={t.href}
              aria-current={t.href === current ? "page" : undefined}
              className={`inline-block border-b-2 px-3 py-2 text-sm ${t.href === current ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
