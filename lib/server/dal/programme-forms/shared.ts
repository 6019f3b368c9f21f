import "server-only";
import type { Viewer } from "@/lib/server/auth/viewer";
import { AuthorizationError } from "@/lib/server/errors";

/** Attendance that counts as having attended a session. */
export const ATTENDED = ["PRESENT", "LATE"] as const;

/** Evaluations and action plans are written by participants about themselves. */
export function requireParticipantRole(viewer: Viewer): void {
  if (viewer.role !== "ACCOUNT_MANAGER" && viewer.role !== "ASSISTANT") throw new AuthorizationError("只有参训学员本人可以填写此表");
}

export function iso(d: Date | null | undefined): string | null {
  return d ? d.toISOString() : null;
}

export function isoDay(d: Date | null | undefined): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

export function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}
