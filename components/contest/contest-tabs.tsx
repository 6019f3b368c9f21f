import Link from "next/link";

const TABS = [
  { key: "", label: "设置与锁定" },
  { key: "entrants", label: "参赛人员" },
  { key: "teams", label: "团队" },
  { key: "judges", label: "评委" },
  { key: "results", label: "排名与颁奖" },
] as const;

export type ContestTab = (typeof TABS)[number]["key"];

/** The HR contest area's sections. */
export function ContestTabs({ phaseId, current }: { phaseId: string; current: ContestTab }) {
  return (
    <nav aria-label="比赛管理" className="mb-6 overflow-x-auto">
      <ul className="flex gap-1 border-b border-slate-200 text-sm">
        {TABS.map((t) => (
          <li key={t.key}>
            <Link
              href={`/hr/contest/${phaseId}${t.key ? `/${t.key}` : ""}`}
              aria-current={current === t.key ? "page" : undefined}
              className={`block whitespace-nowrap border-b-2 px-3 py-2 ${current === t.key ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-700 hover:text-slate-900"}`}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
