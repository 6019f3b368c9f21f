// Finding 7: sign-out did not end the session, and an exited user's token still worked. The
// session version in the token is checked against the database on every session read.
import { describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { getDb } from "@/lib/server/db";
import { authOptions } from "@/lib/server/auth/options";
import { endSessions, sessionIsCurrent } from "@/lib/server/auth/sessions";
import { changeOwnPassword, findPersonForReset, resetPassword } from "@/lib/server/auth/account";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import { authenticate } from "@/lib/server/auth/options";
import { DomainError } from "@/lib/server/errors";
import { createBranch, createUser, viewerOf } from "../factories";

const PASSWORD = "Right@2026";

async function person(role: "ACCOUNT_MANAGER" | "HR" = "ACCOUNT_MANAGER") {
  const branch = await createBranch();
  return createUser({ role, branchId: branch.id, passwordHash: await hashPassword(PASSWORD) });
}

/** What next-auth does when a request reads the session: decode the token, run the jwt callback. */
async function readSession(token: JWT): Promise<"valid" | "ended"> {
  const jwt = authOptions.callbacks!.jwt!;
  try {
    await jwt({ token, user: undefined as never, account: null, trigger: undefined } as never);
    return "valid";
  } catch {
    return "ended";
  }
}

async function signInToken(identifier: string, password = PASSWORD): Promise<JWT> {
  const user = await authenticate(identifier, password, "203.0.113.1");
  expect(user).not.toBeNull();
  const jwt = authOptions.callbacks!.jwt!;
  return (await jwt({ token: { sub: user!.id }, user: user as never, account: null } as never)) as JWT;
}

describe("sessions end on the server", { timeout: 90_000 }, () => {
  it("sign-out (next-auth's signOut event) ends every copy of the token", async () => {
    const user = await person();
    const token = await signInToken(user.employeeNo);
    const copy = { ...token };
    expect(await readSession(token)).toBe("valid");
    await authOptions.events!.signOut!({ token, session: undefined as never });
    expect(await readSession(token)).toBe("ended");
    expect(await readSession(copy)).toBe("ended");
    // Signing in again gives a new, valid session.
    expect(await readSession(await signInToken(user.employeeNo))).toBe("valid");
  });

  it("an exit ends the session, whoever writes the status (database trigger)", async () => {
    const user = await person();
    const token = await signInToken(user.employeeNo);
    await getDb().user.update({ where: { id: user.id }, data: { status: "EXITED", exitedAt: new Date() } });
    expect(await readSession(token)).toBe("ended");
    // Even brought back (a review revert), the old token stays ended.
    await getDb().user.update({ where: { id: user.id }, data: { status: "ACTIVE", exitedAt: null } });
    expect(await readSession(token)).toBe("ended");
  });

  it("a token without a session version (issued before this change) or of another version is refused", async () => {
    const user = await person();
    await endSessions(user.id, "SIGN_OUT");
    expect(await sessionIsCurrent(user.id, undefined)).toBe(false);
    expect(await sessionIsCurrent(user.id, 0)).toBe(false);
    expect(await sessionIsCurrent(user.id, 1)).toBe(true);
    expect(await sessionIsCurrent("no-such-user", 0)).toBe(false);
  });

  it("changing one's own password ends the other sessions and needs the current password", async () => {
    const user = await person();
    const token = await signInToken(user.employeeNo);
    await expect(changeOwnPassword(viewerOf(user), "wrong", "NewPass2027")).rejects.toThrow("当前密码不正确");
    await expect(changeOwnPassword(viewerOf(user), PASSWORD, "short")).rejects.toBeInstanceOf(DomainError);
    expect(await readSession(token)).toBe("valid");
    await changeOwnPassword(viewerOf(user), PASSWORD, "NewPass2027");
    expect(await readSession(token)).toBe("ended");
    expect(await authenticate(user.employeeNo, "NewPass2027", "203.0.113.2")).toMatchObject({ id: user.id });
    const audit = await getDb().auditLog.findMany({ where: { entityId: user.id, action: "PASSWORD_CHANGED" } });
    expect(audit).toHaveLength(1);
  });

  it("HR's reset: a temporary password, open sessions end, the change is forced, a lockout is lifted", async () => {
    const hr = await person("HR");
    const user = await person();
    const token = await signInToken(user.employeeNo);
    for (let i = 0; i < 5; i++) await authenticate(user.employeeNo, "wrong", "203.0.113.3");
    expect(await authenticate(user.employeeNo, PASSWORD, "203.0.113.4")).toBeNull();

    expect(await findPersonForReset(viewerOf(hr), user.employeeNo)).toMatchObject({ id: user.id, active: true });
    const { temporaryPassword } = await resetPassword(viewerOf(hr), user.id);
    expect(await readSession(token)).toBe("ended");
    const row = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.mustChangePassword).toBe(true);
    expect(await verifyPassword(temporaryPassword, row.passwordHash)).toBe(true);
    expect(await authenticate(user.employeeNo, temporaryPassword, "203.0.113.5")).toMatchObject({ id: user.id });

    await changeOwnPassword(viewerOf(user), temporaryPassword, "Chosen2027x");
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(false);
    expect(await getDb().auditLog.count({ where: { entityId: user.id, action: "PASSWORD_RESET", actorId: hr.id } })).toBe(1);
  });

  it("only HR resets, never an exited person or themselves", async () => {
    const hr = await person("HR");
    const manager = await person();
    const other = await person();
    await expect(resetPassword(viewerOf(manager), other.id)).rejects.toThrow("您没有权限");
    await expect(findPersonForReset(viewerOf(manager), other.employeeNo)).rejects.toThrow("您没有权限");
    await expect(resetPassword(viewerOf(hr), hr.id)).rejects.toThrow("不能重置自己的密码");
    await getDb().user.update({ where: { id: other.id }, data: { status: "EXITED", exitedAt: new Date() } });
    await expect(resetPassword(viewerOf(hr), other.id)).rejects.toThrow("已离职");
    expect((await getDb().user.findUniqueOrThrow({ where: { id: other.id } })).mustChangePassword).toBe(false);
  });
});
