import { describe, expect, it } from "vitest";
import { VersionedCache } from "@/lib/server/cache";

// The cache behind the review preview, the heatmap and the course report (lib/server/cache.ts);
// the database side (versions bumped by triggers) is tested in perf-structures.int.test.ts.

describe("VersionedCache", () => {
  it("computes once per slot and version, and shares one computation between concurrent callers", async () => {
    const cache = new VersionedCache<number>(4);
    let runs = 0;
    const compute = async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 10));
      return runs;
    };
    const [a, b, c] = await Promise.all([cache.get("2026Q2", "7", compute), cache.get("2026Q2", "7", compute), cache.get("2026Q2", "7", compute)]);
    expect([a, b, c]).toEqual([1, 1, 1]);
    expect(await cache.get("2026Q2", "7", compute)).toBe(1);
    expect(runs).toBe(1);
  });

  it("recomputes when the version moves on and keeps only the newest version of a slot", async () => {
    const cache = new VersionedCache<string>(4);
    expect(await cache.get("s", "1", async () => "old")).toBe("old");
    expect(await cache.get("s", "2", async () => "new")).toBe("new");
    // Back to an old version (another instance's read that started earlier): computed afresh.
    expect(await cache.get("s", "1", async () => "again")).toBe("again");
  });

  it("forgets a failed computation so the next caller tries again", async () => {
    const cache = new VersionedCache<string>(4);
    await expect(cache.get("s", "1", async () => Promise.reject(new Error("数据库不可用")))).rejects.toThrow("数据库不可用");
    expect(await cache.get("s", "1", async () => "ok")).toBe("ok");
  });

  it("holds at most its number of slots, dropping the least recently used", async () => {
    const cache = new VersionedCache<string>(2);
    let runs = 0;
    const value = (v: string) => async () => {
      runs += 1;
      return v;
    };
    await cache.get("a", "1", value("a"));
    await cache.get("b", "1", value("b"));
    await cache.get("a", "1", value("a")); // a is now the most recent
    await cache.get("c", "1", value("c")); // drops b
    expect(runs).toBe(3);
    await cache.get("a", "1", value("a"));
    expect(runs).toBe(3);
    await cache.get("b", "1", value("b"));
    expect(runs).toBe(4);
  });

  it("recomputes an entry of the right version that `fresh` refuses (values that also move with time)", async () => {
    const cache = new VersionedCache<{ until: number; n: number }>(4);
    let runs = 0;
    const compute = async () => ({ until: 100, n: ++runs });
    const at = (now: number) => (v: { until: number }) => now <= v.until;
    expect((await cache.get("me", "1", compute, at(50))).n).toBe(1);
    expect((await cache.get("me", "1", compute, at(100))).n).toBe(1);
    // Past the deadline the entry holds no more: computed again, then kept.
    expect((await cache.get("me", "1", compute, at(101))).n).toBe(2);
    expect((await cache.get("me", "1", compute, () => true)).n).toBe(2);
  });
});
