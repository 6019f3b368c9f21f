// Sign-in throttling rules (README "Domain choices"): failures are counted per account and per
// client address inside a 15-minute window; reaching the limit locks the key for 15 minutes.
// The counters live in PostgreSQL (lib/server/auth/throttle.ts) so every app instance shares them.

export const LOCK_MINUTES = 15;
export const WINDOW_MINUTES = 15;
/** Failures of one account before it is locked. */
export const ACCOUNT_FAILURE_LIMIT = 5;
/**
 * Failures from one address (over any accounts) before the address is locked. Higher than the
 * account limit: a branch's staff reach the bank's servers through one outward address.
 */
export const ADDRESS_FAILURE_LIMIT = 20;

/** The one message for every refused sign-in: it never tells whether the account exists. */
export const SIGN_IN_REFUSED = "账号或密码错误，或尝试次数过多，请15分钟后再试";

export interface ThrottleState {
  failures: number;
  windowStart: Date;
  lockedUntil: Date | null;
}

export function isLocked(state: ThrottleState | null | undefined, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failure (the same rule the SQL upsert applies atomically). */
export function afterFailure(state: ThrottleState | null | undefined, now: Date, limit: number): ThrottleState {
  const windowOver = !state || now.getTime() - state.windowStart.getTime() >= WINDOW_MINUTES * 60_000;
  const lockOver = !!state?.lockedUntil && state.lockedUntil.getTime() <= now.getTime();
  const fresh = windowOver || lockOver;
  const failures = fresh ? 1 : state!.failures + 1;
  const windowStart = fresh ? now : state!.windowStart;
  const lockedUntil = failures >= limit ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : fresh ? null : state!.lockedUntil;
  return { failures, windowStart, lockedUntil };
}

/**
 * The client address for throttling. `socketAddress` is the TCP peer (set by the start script's
 * request hook). Behind a reverse proxy every request comes from the proxy, so with `trustProxy`
 * the address is the last entry of X-Forwarded-For — the one the trusted proxy itself added;
 * entries before it are whatever the client sent and could be forged.
 */
export function clientAddress(input: { forwardedFor?: string | null; socketAddress?: string | null; trustProxy: boolean }): string {
  if (input.trustProxy && input.forwardedFor) {
    const hops = input.forwardedFor
      .split(",")
      .map((hop) => hop.trim())
      .filter(Boolean);
    const last = hops.at(-1);
    if (last) return normaliseAddress(last);
  }
  if (input.socketAddress) return normaliseAddress(input.socketAddress);
  return "unknown";
}

function normaliseAddress(address: string): string {
  const trimmed = address.trim().toLowerCase().slice(0, 64);
  // IPv4 seen through an IPv6 socket: ::ffff:10.0.0.1 is the same client as 10.0.0.1.
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}
