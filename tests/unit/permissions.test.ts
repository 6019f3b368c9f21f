import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { can, isBankScope, narrowToBranch, PERMISSIONS, scopeOf, type Scope } from "@/lib/server/auth/permissions";
import { scopeWhere, userScopeSql } from "@/lib/server/dal/scope";
import { ROLES, type Role } from "@/lib/domain/grades";
import { AuthorizationError } from "@/lib/server/errors";

const viewer = (role: Role) => ({ id: "u1", role, branchId: "b1" });

describe("the permission table", () => {
  it("gives writes on the whole bank's records to HR only", () => {
    for (const p of [
      "appraisal.quarter",
      "appraisal.template",
      "appraisal.import",
      "review.commit",
      "rules.edit",
      "grading.confirm",
      "certification.record",
      "competency.model",
      "competency.cycle",
      "course.catalogue",
      "course.waive",
      "course.import",
      "people.create",
      "audit.view",
    ] as const) {
      expect(PERMISSIONS[p], p).toEqual(["HR"]);
    }
  });
  it("lets branch heads rate, record and assign within their branch, and learners learn", () => {
    expect(can("BRANCH_HEAD", "appraisal.rate")).toBe(true);
    expect(can("BRANCH_HEAD", "course.record")).toBe(true);
    expect(can("ACCOUNT_MANAGER", "appraisal.rate")).toBe(false);
    expect(can("ASSISTANT", "course.learn")).toBe(true);
    expect(can("HR", "course.learn")).toBe(false);
    expect(can(null, "me.view")).toBe(false);
  });
});

describe("the scope rule", () => {
  it("HR the bank, a branch head the branch, everyone else themselves", () => {
    expect(isBankScope(scopeOf(viewer("HR")))).toBe(true);
    expect(scopeOf(viewer("BRANCH_HEAD"))).toEqual({ kind: "branch", branchId: "b1" });
    expect(scopeOf(viewer("ACCOUNT_MANAGER"))).toEqual({ kind: "self", userId: "u1", branchId: "b1" });
    expect(scopeOf(viewer("ASSISTANT"))).toEqual({ kind: "self", userId: "u1", branchId: "b1" });
  });

  it("no non-HR viewer ever gets the bank, whatever branch they ask to narrow to (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROLES.filter((r) => r !== "HR")), fc.option(fc.string()), (role, branch) => {
        const scope = narrowToBranch(scopeOf(viewer(role)), branch);
        expect(scope.kind).not.toBe("bank");
        expect(scope).toEqual(scopeOf(viewer(role)));
        expect(userScopeSql(scope).sql).not.toBe("TRUE");
        expect(scopeWhere(scope)).not.toEqual({});
      }),
    );
  });

  it("HR narrows to one branch when asked, keeps the bank otherwise", () => {
    expect(narrowToBranch(scopeOf(viewer("HR")), "b9")).toEqual({ kind: "branch", branchId: "b9" });
    expect(isBankScope(narrowToBranch(scopeOf(viewer("HR")), ""))).toBe(true);
  });

  it("refuses a hand-made bank scope in Prisma wheres and raw SQL alike", () => {
    const forged = { kind: "bank" } as unknown as Scope;
    expect(() => userScopeSql(forged)).toThrow(AuthorizationError);
    expect(() => scopeWhere(forged)).toThrow(AuthorizationError);
    expect(userScopeSql(scopeOf(viewer("HR"))).sql).toBe("TRUE");
    expect(userScopeSql(scopeOf(viewer("BRANCH_HEAD"))).values).toEqual(["b1"]);
  });
});
