import Link from "next/link";

/**
 * Search by branch name as a plain GET form (?q=, works without JavaScript, the URL can be shared);
 * `hidden` keeps the page's other filters. A new search starts on page 1.
 */
export function BranchSearch({ action, query, hidden = {} }: { action: string; query: string; hidden?: Record<string, string | undefined> }) {
  const kept = new URLSearchParams(Object.entries(hidden).filter((e): e is [string, string] => !!e[1])).toString();
  return (
    <form method="get" action={action} role="search" aria-label="按机构名称搜索" className="mb-3 flex flex-wrap items-end gap-2 text-sm">
      {Object.entries(hidden).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <label className="flex flex-col text-slate-700">
        机构名称
        <input
          type="search"
          name="q"
          defaultValue={query}
          maxLength={50}
          placeholder="例如：城东"
          className="w-48 rounded-md border border-slate-300 px-2 py-1.5"
        />
      </label>
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50">
        搜索
      </button>
      {query ? (
        <Link href={kept ? `${action}?${kept}` : action} className="py-1.5 text-brand-700 underline underline-offset-2">
          清除搜索
        </Link>
      ) : null}
    </form>
  );
}
