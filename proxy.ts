import { NextResponse, type NextRequest } from "next/server";
import pg from "pg";
import { safeRedirectPath } from "@/lib/domain/safe-redirect";

// Runs before every request (Node.js runtime):
// 1. security headers, with a fresh CSP nonce per request that Next.js puts on its own scripts;
// 2. a Chinese 503 page while PostgreSQL cannot be reached (it recovers by itself);
// 3. optimistic only: visitors without a session cookie go to the login page, which comes back
//    to the path afterwards. Every page and action still checks the session itself.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

function contentSecurityPolicy(nonce: string, tls: boolean): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Charts (recharts) and a few components set inline style attributes; a style nonce would
    // turn 'unsafe-inline' off, so styles stay at 'self' + inline.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(tls ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

function servedOverTls(request: NextRequest): boolean {
  return request.headers.get("x-forwarded-proto") === "https" || (process.env.NEXTAUTH_URL ?? "").startsWith("https:");
}

function withSecurityHeaders(response: NextResponse, csp: string, tls: boolean): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  if (tls) response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
}

// ── Database reachability: one tiny query at most every 2 s per instance while it is up, on
// every request while it is down (a refused connection fails at once).
const health = globalThis as unknown as { eagleDbHealth?: { checkedAt: number; up: boolean; pending?: Promise<boolean> } };

async function databaseUp(): Promise<boolean> {
  const url = process.env.DATABASE_URL;
  if (!url) return true;
  const state = (health.eagleDbHealth ??= { checkedAt: 0, up: true });
  if (state.up && Date.now() - state.checkedAt < 2000) return true;
  state.pending ??= (async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500, query_timeout: 1500 });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      return true;
    } catch (error) {
      // A check that only timed out while the database was up says the server is busy (twenty
      // renders at once keep the event loop from reading the answer in time), not that the
      // database is gone: answering 503 then turned load into errors. Refused connections count.
      return state.up && /timeout/i.test(String((error as Error)?.message)) ? true : false;
    } finally {
      client.end().catch(() => {});
    }
  })().then((up) => {
    state.up = up;
    state.checkedAt = Date.now();
    state.pending = undefined;
    return up;
  });
  return state.pending;
}

const UNAVAILABLE_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>服务暂时不可用 · 鹰阶</title>
<style>body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#0f172a;background:#f8fafc}
main{max-width:28rem;margin:15vh auto;padding:0 1.5rem;text-align:center}h1{font-size:1.25rem}p{color:#334155;line-height:1.6}
a{display:inline-block;margin-top:1rem;padding:.5rem 1rem;border-radius:.375rem;background:#1d4ed8;color:#fff;text-decoration:none}</style></head>
<body><main><p style="font-size:2rem;font-weight:700;color:#1e40af;margin:0">鹰阶</p>
<h1>服务暂时不可用，请稍后重试</h1>
<p>系统正在恢复与数据库的连接，通常几分钟内即可恢复，您无需任何操作。已保存的数据不会丢失。</p>
<a href="">重新加载</a></main></body></html>`;

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const tls = servedOverTls(request);
  const csp = contentSecurityPolicy(nonce, tls);

  if (!(await databaseUp())) {
    const api = pathname.startsWith("/api/");
    const body = api ? JSON.stringify({ error: "服务暂时不可用，请稍后重试" }) : UNAVAILABLE_HTML;
    const response = new NextResponse(body, {
      status: 503,
      headers: { "Content-Type": api ? "application/json; charset=utf-8" : "text/html; charset=utf-8", "Retry-After": "10", "Cache-Control": "no-store" },
    });
    return withSecurityHeaders(response, csp, tls);
  }

  const headers = new Headers(request.headers);
  headers.set("x-eagle-path", pathname + search);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);

  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!signedIn && pathname !== "/login" && !pathname.startsWith("/api/")) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    const back = safeRedirectPath(pathname + search, request.nextUrl.origin);
    url.search = pathname === "/" || !back ? "" : `?callbackUrl=${encodeURIComponent(back)}`;
    return withSecurityHeaders(NextResponse.redirect(url), csp, tls);
  }
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), csp, tls);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|css|js|woff2?)$).*)"],
};
