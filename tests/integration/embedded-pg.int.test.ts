// npm start must come back after a killed run: the stale postmaster.pid is detected and removed.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { freePort, startEmbeddedPostgres } from "../../scripts/lib/embedded-pg.mjs";

const dataDir = path.resolve(`.data/test-stale-${process.pid}`);

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("embedded PostgreSQL", () => {
  it("restarts on the same data after the previous server was killed with SIGKILL", async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port });
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query("CREATE TABLE survivor (note text); INSERT INTO survivor VALUES ('仍在')");
    await client.end();
    const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(pid, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fs.existsSync(path.join(dataDir, "postmaster.pid"))).toBe(true);

    const second = await startEmbeddedPostgres({ dataDir, port });
    try {
      const again = new pg.Client({ connectionString: second.url });
      await again.connect();
      const { rows } = await again.query("SELECT note FROM survivor");
      await again.end();
      expect(rows).toEqual([{ note: "仍在" }]);
    } finally {
      await second.stop();
    }
  });
});
