// Runs the production app (`next start`, or the `npm start` supervisor) as a child process for
// integration tests that need real HTTP: sign-in throttling across instances, sessions, the
// database-down page, the supervisor. Reuses the production build (builds it when stale).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildIsStale, nextBin, root, runBuild } from "../../scripts/lib/app-env.mjs";

export const clientAddressHook = path.join(root, "scripts", "lib", "client-address-hook.cjs");

// Vitest runs the files that need the app in parallel: one builds, the others wait for it
// (two `next build`s into one .next folder would break each other).
export function ensureBuild() {
  const lock = path.join(root, ".data", "build.lock");
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock older than the deadline was left by a killed run.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 15 * 60_000 || Date.now() > deadline) fs.rmSync(lock, { recursive: true, force: true });
      else sleep(1000);
    }
  }
  try {
    if (buildIsStale()) runBuild();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export interface AppProcess {
  url: string;
  proc: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

function collect(proc: ChildProcess) {
  let text = "";
  const add = (chunk: Buffer) => {
    text = (text + chunk.toString("utf8")).slice(-20_000);
  };
  proc.stdout?.on("data", add);
  proc.stderr?.on("data", add);
  return () => text;
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string, intervalMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ""}`);
}

export async function answers(url: string, status = 200): Promise<boolean> {
  const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5000) });
  await response.arrayBuffer();
  return response.status === status;
}

function stopper(proc: ChildProcess, signal: NodeJS.Signals) {
  return () =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      const timer = setTimeout(() => proc.kill("SIGKILL"), 15_000);
      proc.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      proc.kill(signal);
    });
}

/** The started process once its login page answers (stopped, with its output in the error, if it never does). */
async function answering(proc: ChildProcess, url: string, how: { signal: NodeJS.Signals; timeoutMs: number; what: string }): Promise<AppProcess> {
  const output = collect(proc);
  const stop = stopper(proc, how.signal);
  try {
    await waitFor(() => answers(`${url}/login`), how.timeoutMs, how.what);
  } catch (error) {
    await stop();
    throw new Error(`${String(error)}\n${output()}`);
  }
  return { url, proc, output, stop };
}

/** `next start` on `port` against `databaseUrl`, with the client-address hook, like npm start runs it. */
export async function startNext(options: { port: number; databaseUrl: string; secret: string; env?: Record<string, string> }): Promise<AppProcess> {
  const url = `http://localhost:${options.port}`;
  const proc = spawn(process.execPath, [nextBin(), "start", "-p", String(options.port)], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: options.secret,
      NEXTAUTH_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_OPTIONS: `--require ${JSON.stringify(clientAddressHook)}`,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return answering(proc, url, { signal: "SIGTERM", timeoutMs: 90_000, what: `next start on ${url}` });
}

/** `node scripts/start.mjs` (the supervisor) with the given environment; resolves once the app answers. */
export async function startSupervisor(options: { port: number; env: Record<string, string>; args?: string[] }): Promise<AppProcess> {
  const url = `http://localhost:${options.port}`;
  // Not the integration run's DATABASE_URL: the supervisor runs its own embedded PostgreSQL.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(options.port), NEXTAUTH_URL: url };
  delete env.DATABASE_URL;
  const proc = spawn(process.execPath, [path.join(root, "scripts", "start.mjs"), ...(options.args ?? [])], {
    cwd: root,
    env: { ...env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return answering(proc, url, { signal: "SIGINT", timeoutMs: 120_000, what: `npm start on ${url}` });
}

/** A browser-less next-auth client: a cookie jar, sign-in with the credentials provider, sign-out. */
export class AuthClient {
  private cookies = new Map<string, string>();
  constructor(public baseUrl: string) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /max-age=0\b/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get sessionCookie(): string | undefined {
    return this.cookies.get("next-auth.session-token");
  }

  /** Uses a session token obtained elsewhere (another instance, another device). */
  useSessionCookie(value: string) {
    this.cookies.set("next-auth.session-token", value);
  }

  async request(pathname: string, init: RequestInit = {}) {
    const response = await fetch(`${this.baseUrl}${pathname}`, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader() },
      signal: AbortSignal.timeout(20_000),
    });
    this.remember(response);
    return response;
  }

  private async csrf(): Promise<string> {
    const response = await this.request("/api/auth/csrf");
    return ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  /** True when next-auth accepted the credentials and set a session cookie. */
  async signIn(identifier: string, password: string): Promise<boolean> {
    this.cookies.delete("next-auth.session-token");
    const csrfToken = await this.csrf();
    const response = await this.request("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, identifier, password, callbackUrl: this.baseUrl, json: "true" }).toString(),
    });
    await response.arrayBuffer();
    return response.status === 200 && !!this.sessionCookie;
  }

  async signOut(): Promise<void> {
    const csrfToken = await this.csrf();
    const response = await this.request("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: this.baseUrl, json: "true" }).toString(),
    });
    await response.arrayBuffer();
  }

  /** The user next-auth reports for this cookie jar, or null. */
  async sessionUser(): Promise<{ name?: string; email?: string } | null> {
    const response = await this.request("/api/auth/session");
    const body = (await response.json()) as { user?: { name?: string; email?: string } };
    return body.user ?? null;
  }
}
