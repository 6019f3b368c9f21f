// Several app instances behind one address share one database: a lockout earned on one holds on
// the other, and a sign-out on one ends the session on both (finding 2 and 7 across instances).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { freePort } from "../../scripts/lib/embedded-pg.mjs";
import { AuthClient, ensureBuild, startNext, type AppProcess } from "../support/app-process";
import { createSignInUser } from "../factories";

const PASSWORD = "Right@2026";
const SECRET = "two-instances-test-secret-0123456789";
let a: AppProcess;
let b: AppProcess;

beforeAll(async () => {
  ensureBuild();
  const databaseUrl = process.env.DATABASE_URL!;
  const [portA, portB] = [await freePort(), await freePort()];
  [a, b] = await Promise.all([startNext({ port: portA, databaseUrl, secret: SECRET }), startNext({ port: portB, databaseUrl, secret: SECRET })]);
}, 300_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const person = () => createSignInUser(PASSWORD);

/** A new person signed in on instance A, whose session cookie B is then sent. */
async function signedInOnBoth() {
  const user = await person();
  const onA = new AuthClient(a.url);
  expect(await onA.signIn(user.employeeNo, PASSWORD)).toBe(true);
  const onB = new AuthClient(b.url);
  onB.useSessionCookie(onA.sessionCookie!);
  return { user, onA, onB };
}

describe("two app instances on one database", { timeout: 120_000 }, () => {
  it("a lockout earned on one instance holds on the other", async () => {
    const user = await person();
    const onA = new AuthClient(a.url);
    const onB = new AuthClient(b.url);
    for (let i = 0; i < 5; i++) expect(await onA.signIn(user.employeeNo, "wrong")).toBe(false);
    expect(await onB.signIn(user.employeeNo, PASSWORD)).toBe(false);
    expect(await onA.signIn(user.email, PASSWORD)).toBe(false);
    // Someone else is not affected.
    const other = await person();
    expect(await onB.signIn(other.employeeNo, PASSWORD)).toBe(true);
  });

  it("a sign-out on one instance ends the session on both", async () => {
    const { user, onA, onB } = await signedInOnBoth();
    expect((await onB.sessionUser())?.name).toBe(user.name);
    expect((await onB.request("/account/password")).status).toBe(200);

    const stolen = onA.sessionCookie!;
    await onA.signOut();
    expect(await onA.sessionUser()).toBeNull();
    // B never saw the sign-out request: the session version in the database ends it there too.
    const later = new AuthClient(b.url);
    later.useSessionCookie(stolen);
    expect(await later.sessionUser()).toBeNull();
    const again = new AuthClient(b.url);
    again.useSessionCookie(stolen);
    const page = await again.request("/account/password");
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toContain("/login");
  });

  it("an exit ends the session on both instances; /api/auth/session no longer names the person", async () => {
    const { user, onA, onB } = await signedInOnBoth();
    expect((await onB.sessionUser())?.email).toBe(user.email);
    await getDb().user.update({ where: { id: user.id }, data: { status: "EXITED", exitedAt: new Date() } });
    const body = await (await onB.request("/api/auth/session")).json();
    expect(body).toEqual({});
    expect(await onA.sessionUser()).toBeNull();
  });
});
