import { describe, expect, it } from "vitest";
import fc from "fast-check";
import crypto from "node:crypto";
import { passwordProblems, temporaryPassword } from "../../lib/domain/password-policy";

describe("passwordProblems", () => {
  it.each([
    ["Eagle2026x", []],
    ["短1a", ["密码至少 8 个字符"]],
    ["abcdefgh", ["密码须同时包含字母和数字"]],
    ["12345678", ["密码须同时包含字母和数字"]],
    ["鹰阶密码鹰阶密码", ["密码须同时包含字母和数字"]],
  ])("%j → %j", (password, problems) => {
    expect(passwordProblems(password)).toEqual(problems);
  });

  it("refuses the employee number inside, control characters and more than bcrypt's 72 bytes", () => {
    expect(passwordProblems("ab300001cd", { employeeNo: "300001" })).toContain("密码不能包含工号");
    expect(passwordProblems("abc\u0000defg1")).toContain("密码不能包含控制字符");
    expect(passwordProblems("a1" + "鹰".repeat(30)).some((p) => p.includes("72"))).toBe(true);
  });

  it("every temporary password passes the policy (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 24, maxLength: 24 }), (seed) => {
        let calls = 0;
        const password = temporaryPassword((n) => (calls++ === 0 ? seed.slice(0, n) : crypto.randomBytes(n)));
        expect(password).toHaveLength(12);
        expect(passwordProblems(password)).toEqual([]);
      }),
    );
  });
});
