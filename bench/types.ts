import type { PrismaClient } from "../lib/generated/prisma/client";
import type { Viewer } from "../lib/server/auth/viewer";

export interface BenchContext {
  db: PrismaClient;
  /** An HR user of the benchmark bank. */
  hr: Viewer;
  /** The head of the first branch (the 250-person one). */
  head: Viewer;
  branchIds: string[];
  /** Account manager ids, in creation order. */
  managerIds: string[];
  /** The twelve rated quarters, oldest first; the last one is OPEN. */
  quarters: string[];
  today: string;
  /** Free-form values a seed step leaves for the cases. */
  extra: Record<string, unknown>;
}

export interface BenchCase {
  name: string;
  /** What the issue asks for, in ms (reported, not enforced). */
  targetMs?: number;
  /** Runs before each timed run and is not timed (e.g. undoing the previous run's commit). */
  prepare?: (ctx: BenchContext) => Promise<void>;
  run: (ctx: BenchContext) => Promise<unknown>;
  repeat?: number;
}

/** A seed step for one area (bench/seed-*.ts), run after the people are in. */
export type BenchSeed = (ctx: BenchContext) => Promise<void>;
