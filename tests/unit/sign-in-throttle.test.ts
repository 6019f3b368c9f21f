import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ACCOUNT_FAILURE_LIMIT,
  LOCK_MINUTES,
  WINDOW_MINUTES,
  afterFailure,
  clientAddress,
  isLocked,
  type ThrottleState,
} from "../../lib/domain/sign-in-throttle";

const T0 = new Date("2026-11-30T08:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe("afterFailure / isLocked", () => {
  it("locks on the 5th failure within the window, for 15 minutes", () => {
    let state: ThrottleState | null = null;
    for (let i = 1; i <= ACCOUNT_FAILURE_LIMIT; i++) {
      expect(isLocked(state, at(i))).toBe(false);
      state = afterFailure(state, at(i), ACCOUNT_FAILURE_LIMIT);
      expect(state.failures).toBe(i);
    }
    expect(isLocked(state, at(ACCOUNT_FAILURE_LIMIT))).toBe(true);
    expect(isLocked(state, at(ACCOUNT_FAILURE_LIMIT + LOCK_MINUTES - 0.01))).toBe(true);
    expect(isLocked(state, at(ACCOUNT_FAILURE_LIMIT + LOCK_MINUTES))).toBe(false);
  });

  it("starts counting again once the window has passed", () => {
    let state = afterFailure(null, at(0), 5);
    state = afterFailure(state, at(1), 5);
    state = afterFailure(state, at(WINDOW_MINUTES + 0.5), 5);
    expect(state).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it("a failure after the lock ran out counts as the first of a new window", () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 5; i++) state = afterFailure(state, at(0), 5);
    const after = afterFailure(state, at(LOCK_MINUTES + 1), 5);
    expect(after.failures).toBe(1);
    expect(isLocked(after, at(LOCK_MINUTES + 1))).toBe(false);
  });

  it("never locks with fewer failures than the limit, always locks at the limit (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 * 60_000 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 10 }), (gaps, limit) => {
        let state: ThrottleState | null = null;
        let now = T0.getTime();
        for (const gap of gaps) {
          now += gap;
          const when = new Date(now);
          if (isLocked(state, when)) continue; // refused before counting
          state = afterFailure(state, when, limit);
          expect(isLocked(state, when)).toBe(state.failures >= limit);
          expect(state.failures).toBeLessThanOrEqual(limit);
        }
      }),
    );
  });
});

describe("clientAddress", () => {
  it("uses the TCP peer unless a proxy is trusted", () => {
    expect(clientAddress({ forwardedFor: "6.6.6.6", socketAddress: "10.0.0.5", trustProxy: false })).toBe("10.0.0.5");
    expect(clientAddress({ forwardedFor: null, socketAddress: "::ffff:10.0.0.5", trustProxy: false })).toBe("10.0.0.5");
    expect(clientAddress({ forwardedFor: null, socketAddress: null, trustProxy: false })).toBe("unknown");
  });

  it("behind a trusted proxy takes the hop the proxy added (last), not what the client wrote", () => {
    expect(clientAddress({ forwardedFor: "203.0.113.9", socketAddress: "10.0.0.1", trustProxy: true })).toBe("203.0.113.9");
    expect(clientAddress({ forwardedFor: "1.1.1.1, 203.0.113.9", socketAddress: "10.0.0.1", trustProxy: true })).toBe("203.0.113.9");
    expect(clientAddress({ forwardedFor: " , ", socketAddress: "10.0.0.1", trustProxy: true })).toBe("10.0.0.1");
  });

  it("a forged X-Forwarded-For never changes the address without a trusted proxy (property)", () => {
    fc.assert(
      fc.property(fc.string(), (forged) => {
        expect(clientAddress({ forwardedFor: forged, socketAddress: "192.0.2.7", trustProxy: false })).toBe("192.0.2.7");
      }),
    );
  });
});
