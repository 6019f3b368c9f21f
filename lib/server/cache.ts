import "server-only";
import { db } from "@/lib/server/db";

// Caches for computations that read much and change rarely (the promotion-review preview, the
// bank competency heatmap). Entries are keyed by a data version that PostgreSQL triggers bump
// whenever a table behind the computation changes (table "DataVersion", see the migration
// current_grade_table_and_data_versions). The version is read BEFORE the data, and a
// writer's bump becomes visible in the same instant as its data, so an entry can be newer than
// its version (harmless: recomputed once) but never older. Works across app instances: each keeps
// its own entries, all read the one version.

export type DataTopic = "review" | "competency" | "courses" | "programme";

/** The current version of a topic, as a string key. */
export async function dataVersion(topic: DataTopic): Promise<string> {
  const rows = await db.$queryRaw<{ version: bigint }[]>`SELECT "version" FROM "DataVersion" WHERE "topic" = ${topic}`;
  return String(rows[0]?.version ?? "none");
}

/**
 * The versions of several topics in one query, as one key (in the order asked): for a computation
 * that reads tables behind more than one topic (a person's grade is "review", their enrolments
 * "courses"). Read BEFORE the data, as `dataVersion`.
 */
export async function dataVersions(...topics: DataTopic[]): Promise<string> {
  const rows = await db.$queryRaw<{ topic: string; version: bigint }[]>`SELECT "topic", "version" FROM "DataVersion" WHERE "topic" = ANY(${topics}::text[])`;
  const byTopic = new Map(rows.map((r) => [r.topic, String(r.version)]));
  return topics.map((t) => byTopic.get(t) ?? "none").join(".");
}

interface Entry<T> {
  version: string;
  value: Promise<T>;
}

/**
 * At most `slots` entries (least recently used dropped first), one version per slot: a newer
 * version replaces the slot's entry. Concurrent callers of the same slot and version share one
 * computation; a failed computation is forgotten. Values are shared: callers must not mutate them.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly slots: number) {}

  get(slot: string, version: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(slot);
    this.entries.delete(slot);
    if (hit && hit.version === version) {
      this.entries.set(slot, hit);
      return hit.value;
    }
    const entry: Entry<T> = { version, value: compute() };
    this.entries.set(slot, entry);
    entry.value.catch(() => {
      if (this.entries.get(slot) === entry) this.entries.delete(slot);
    });
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
export async function cachedByVersion<T>(cache: VersionedCache<T>, topics: DataTopic[], slot: string, compute: () => Promise<T>): Promise<T> {
  const version = await dataVersions(...topics);
  // A topic without its row (a database its migration has not reached) has no version that moves:
  // compute every time rather than keep an answer no write could ever replace.
  if (version.split(".").includes("none")) return compute();
  return cache.get(slot, version, compute);
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
