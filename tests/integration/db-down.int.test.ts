// Finding 11: while PostgreSQL was down every page was a bare HTTP 500. Now every page is a
// Chinese 503 「服务暂时不可用，请稍后重试」, and the app recovers by itself once the database is back.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { freePort, startEmbeddedPostgres } from "../../scripts/lib/embedded-pg.mjs";
import { migrateDeploy } from "../../scripts/lib/prisma-cli.mjs";
import { hashPassword } from "@/lib/server/auth/password";
import { AuthClient, ensureBuild, startNext, waitFor, type AppProcess } from "../support/app-process";

const dataDir = path.resolve(`.data/test-db-down-${process.pid}`);
let pgPort: number;
let server: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
let app: AppProcess;

beforeAll(async () => {
  ensureBuild();
  pgPort = await freePort();
  server = await startEmbeddedPostgres({ dataDir, port: pgPort, fast: true });
  migrateDeploy(server.url);
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    await client.query(`INSERT INTO "Branch" (id, code, name) VALUES ('b1', 'B1', '城东支行')`);
    await client.query(
      `INSERT INTO "User" (id, "employeeNo", name, email, "passwordHash", role, "branchId", "updatedAt") VALUES ('u1', '700001', '宕机测试员', 'down@eagle.test', $1, 'ACCOUNT_MANAGER', 'b1', now())`,
      [await hashPassword("Right@2026")],
    );
  } finally {
    await client.end();
  }
  app = await startNext({ port: await freePort(), databaseUrl: server.url, secret: "db-down-test-secret-0123456789" });
}, 300_000);

afterAll(async () => {
  await app?.stop();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("database down", { timeout: 120_000 }, () => {
  it("shows a Chinese 503 page on every page while PostgreSQL is down, and recovers by itself", async () => {
    const user = new AuthClient(app.url);
    expect(await user.signIn("700001", "Right@2026")).toBe(true);
    expect((await user.request("/account/password")).status).toBe(200);

    await server.stop();
    let last: Response | undefined;
    await waitFor(
      async () => {
        last = await user.request("/account/password");
        return last.status === 503;
      },
      15_000,
      "a 503 while the database is down",
    );
    const html = await last!.text();
    expect(html).toContain("服务暂时不可用，请稍后重试");
    expect(html).toContain("<title>服务暂时不可用 · 鹰阶</title>");
    expect(last!.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    for (const pathname of ["/login", "/me", "/hr"]) {
      const response = await new AuthClient(app.url).request(pathname);
      expect(response.status, pathname).toBe(503);
      expect(await response.text()).toContain("服务暂时不可用");
    }
    const api = await user.request("/api/auth/session");
    expect(api.status).toBe(503);
    expect(await api.json()).toEqual({ error: "服务暂时不可用，请稍后重试" });

    server = await startEmbeddedPostgres({ dataDir, port: pgPort, fast: true });
    await waitFor(async () => (await user.request("/account/password")).status === 200, 30_000, "the app to recover");
    // Nobody was signed out by the outage.
    expect((await user.sessionUser())?.name).toBe("宕机测试员");
  });
});
