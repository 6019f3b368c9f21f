// Finding 2: 100 wrong passwords in 6.8 s, then the right one was accepted. Now 5 failures lock the
// account for 15 minutes (20 lock an address), in PostgreSQL, audited, with no hint whether the
// account exists; a success resets the account's counter.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { authenticate } from "@/lib/server/auth/options";
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT } from "@/lib/domain/sign-in-throttle";
import { createSignInUser } from "../factories";

const PASSWORD = "Right@2026";
let n = 0;
const address = () => `198.51.100.${++n}`;

const person = () => createSignInUser(PASSWORD);

describe("sign-in throttling in PostgreSQL", { timeout: 90_000 }, () => {
  it("locks the account after 5 failures: even the right password is refused, from any address", async () => {
    const user = await person();
    const from = address();
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) expect(await authenticate(user.employeeNo, "wrong", from)).toBeNull();
    expect(await authenticate(user.employeeNo, PASSWORD, from)).toBeNull();
    // The e-mail and another address do not get around it: the counter is the account's.
    expect(await authenticate(user.email, PASSWORD, address())).toBeNull();
    const row = await getDb().signInThrottle.findUnique({ where: { key: `account:${user.id}` } });
    expect(row?.failures).toBe(ACCOUNT_FAILURE_LIMIT);
    const minutes = (row!.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
  });

  it("lets the right password in again once the lock has run out", async () => {
    const user = await person();
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await authenticate(user.employeeNo, "wrong", address());
    expect(await authenticate(user.employeeNo, PASSWORD, address())).toBeNull();
    await getDb().signInThrottle.update({
      where: { key: `account:${user.id}` },
      data: { lockedUntil: new Date(Date.now() - 1000), windowStart: new Date(Date.now() - 16 * 60_000) },
    });
    expect(await authenticate(user.employeeNo, PASSWORD, address())).toMatchObject({ id: user.id });
  });

  it("a successful sign-in resets the account's counter", async () => {
    const user = await person();
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++) await authenticate(user.employeeNo, "wrong", address());
    expect(await authenticate(user.employeeNo, PASSWORD, address())).toMatchObject({ id: user.id });
    expect(await getDb().signInThrottle.count({ where: { key: `account:${user.id}` } })).toBe(0);
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++) await authenticate(user.employeeNo, "wrong", address());
    expect(await authenticate(user.employeeNo, PASSWORD, address())).toMatchObject({ id: user.id });
  });

  it("an unknown account is refused the same way and locked the same way", async () => {
    const from = address();
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT + 2; i++) expect(await authenticate("no-such-person", "whatever", from)).toBeNull();
    const row = await getDb().signInThrottle.findUnique({ where: { key: "account:no-such-person" } });
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
  });

  it("locks an address after 20 failures over any accounts, also for a right password from it", async () => {
    const from = address();
    const victim = await person();
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) await authenticate(`guess-${i}`, "wrong", from);
    expect(await authenticate(victim.employeeNo, PASSWORD, from)).toBeNull();
    expect(await authenticate(victim.employeeNo, PASSWORD, address())).toMatchObject({ id: victim.id });
  });

  it("counts concurrent failures exactly (one atomic upsert per key) and locks once", async () => {
    const user = await person();
    await Promise.all(Array.from({ length: 12 }, () => authenticate(user.employeeNo, "wrong", address())));
    const row = await getDb().signInThrottle.findUnique({ where: { key: `account:${user.id}` } });
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(await authenticate(user.employeeNo, PASSWORD, address())).toBeNull();
    const locks = await getDb().auditLog.count({ where: { action: "SIGN_IN_LOCKED", entityId: user.id } });
    expect(locks).toBe(1);
  });

  it("audits every failure and the lock, with the address", async () => {
    const user = await person();
    const from = address();
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await authenticate(user.employeeNo, "wrong", from);
    const rows = await getDb().auditLog.findMany({ where: { entityId: user.id }, orderBy: { id: "asc" } });
    expect(rows.filter((r) => r.action === "SIGN_IN_FAILED")).toHaveLength(ACCOUNT_FAILURE_LIMIT);
    expect(rows.filter((r) => r.action === "SIGN_IN_LOCKED")).toHaveLength(1);
    expect(rows[0].after).toMatchObject({ address: from, accountFailures: 1 });
  });
});
