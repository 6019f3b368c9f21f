/** What a home page shows while its panels are computed: the shell is already there. */
export function DashboardLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <div>
        <p role="status" className="text-sm text-slate-600">
          正在汇总数据…
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-2" aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-48 animate-pulse rounded-xl border border-slate-200 bg-white" />
        ))}
      </div>
    </div>
  );
}
