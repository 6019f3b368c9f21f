"use client";

// The last resort when even the root layout fails: its own document, no global styles, Chinese.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <html lang="zh-CN">
      <body style={{ margin: 0, fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", sans-serif', color: "#0f172a", background: "#f8fafc" }}>
        <title>出错了 · 鹰阶</title>
        <main role="alert" style={{ maxWidth: "28rem", margin: "15vh auto", padding: "0 1.5rem", textAlign: "center" }}>
          <p style={{ fontSize: "2rem", fontWeight: 700, color: "#1e40af", margin: 0 }}>鹰阶</p>
          <h1 style={{ fontSize: "1.25rem" }}>系统出错了，请稍后重试</h1>
          <p style={{ color: "#334155", lineHeight: 1.6 }}>页面未能加载。请稍后重试；如果问题持续，请联系系统管理员。</p>
          <button
            type="button"
            onClick={() => retry()}
            style={{ padding: ".5rem 1rem", borderRadius: ".375rem", background: "#1d4ed8", color: "#fff", border: 0 }}
          >
            重试
          </button>
          {digest ? <p style={{ fontSize: ".75rem", color: "#475569" }}>错误编号：{digest}</p> : null}
        </main>
      </body>
    </html>
  );
}
