import "server-only";
import { cache as reactCache } from "react";
import { db } from "@/lib/server/db";

// Caches for computations that read much and change rarely (the promotion-review preview, the
// bank competency heatmap). Entries are keyed by a data version that PostgreSQL triggers bump
// whenever a table behind the computation changes (table "DataVersion", see the migration
// current_grade_table_and_data_versions). The version is read BEFORE the data, and a
// writer's bump becomes visible in the same instant as its data, so an entry can be newer than
// its version (harmless: recomputed once) but never older. Works across app instances: each keeps
// its own entries, all read the one version.

export type DataTopic = "review" | "competency" | "courses" | "programme";

/**
 * Every topic's version, read once per request: React's `cache` keeps the answer for one render
 * (a page and its layout read the versions of several topics: one round trip instead of three).
 * Outside a render — a server action, a route handler, a script — each call reads afresh, so an
 * action that writes and then reads never sees the versions from before its write.
 */
const allVersions = reactCache(async (): Promise<Map<string, string>> => {
  const rows = await db.$queryRaw<{ topic: string; version: bigint }[]>`SELECT "topic", "version" FROM "DataVersion"`;
  return new Map(rows.map((r) => [r.topic, String(r.version)]));
});

/** The current version of a topic, as a string key. */
export async function dataVersion(topic: DataTopic): Promise<string> {
  return (await allVersions()).get(topic) ?? "none";
}

/**
 * The versions of several topics as one key (in the order asked): for a computation that reads
 * tables behind more than one topic (a person's grade is "review", their enrolments "courses").
 * Read BEFORE the data, as `dataVersion`.
 */
export async function dataVersions(...topics: DataTopic[]): Promise<string> {
  const byTopic = await allVersions();
  return topics.map((t) => byTopic.get(t) ?? "none").join(".");
}

interface Entry<T> {
  version: string;
  value: Promise<T>;
  /** The value once computed (for `fresh`). */
  settled?: { value: T };
}

/**
 * At most `slots` entries (least recently used dropped first), one version per slot: a newer
 * version replaces the slot's entry. Concurrent callers of the same slot and version share one
 * computation; a failed computation is forgotten. Values are shared: callers must not mutate them.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly slots: number) {}

  /**
   * `fresh`, when given, may refuse a computed entry of the right version — for values that also
   * move with time (a form stops being due at its deadline): it is then computed again.
   */
  get(slot: string, version: string, compute: () => Promise<T>, fresh?: (value: T) => boolean): Promise<T> {
    const hit = this.entries.get(slot);
    this.entries.delete(slot);
    if (hit && hit.version === version && !(fresh && hit.settled && !fresh(hit.settled.value))) {
      this.entries.set(slot, hit);
      return hit.value;
    }
    const entry: Entry<T> = { version, value: compute() };
    this.entries.set(slot, entry);
    entry.value.then(
      (value) => {
        entry.settled = { value };
      },
      () => {
        if (this.entries.get(slot) === entry) this.entries.delete(slot);
      },
    );
    while (this.entries.size > this.slots) this.entries.delete(this.entries.keys().next().value as string);
    return entry.value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * `compute()` through `cache`, filed under `slot` and the current versions of `topics` (read
 * before the computation reads its data): the one way a reader caches a computation.
 */
export async function cachedByVersion<T>(
  cache: VersionedCache<T>,
  topics: DataTopic[],
  slot: string,
  compute: () => Promise<T>,
  fresh?: (value: T) => boolean,
): Promise<T> {
  const version = await dataVersions(...topics);
  // A topic without its row (a database its migration has not reached) has no version that moves:
  // compute every time rather than keep an answer no write could ever replace.
  if (version.split(".").includes("none")) return compute();
  return cache.get(slot, version, compute, fresh);
}

// One registry per process, so that route bundles sharing this module share the entries.
const registry = ((globalThis as { eagleCaches?: Map<string, VersionedCache<unknown>> }).eagleCaches ??= new Map());

export function versionedCache<T>(name: string, slots: number): VersionedCache<T> {
  let cache = registry.get(name);
  if (!cache) {
    cache = new VersionedCache<unknown>(slots);
    registry.set(name, cache);
  }
  return cache as VersionedCache<T>;
}
