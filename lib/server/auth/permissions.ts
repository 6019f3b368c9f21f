import "server-only";
import { AuthorizationError } from "@/lib/server/errors";
import type { Role } from "@/lib/domain/grades";

/**
 * THE permission table: which role may do what. Every page guard (`requirePageViewer`), every
 * server action (`defineFormAction`) and every DAL entry point asks this table — nowhere else
 * lists roles. What a permitted viewer may touch is then limited by the one scope rule below.
 * The permission-matrix integration test reads this table to decide what must be allowed.
 */
export const PERMISSIONS = {
  // Pages
  "hr.view": ["HR"],
  /** Branch-level data (HR may drill into any branch). */
  "branch.view": ["HR", "BRANCH_HEAD"],
  /** The branch head's own pages under /branch. */
  "branch.home": ["BRANCH_HEAD"],
  "me.view": ["ACCOUNT_MANAGER", "ASSISTANT", "BRANCH_HEAD", "HR"],
  "audit.view": ["HR"],
  // Quarterly appraisal
  "appraisal.rate": ["HR", "BRANCH_HEAD"],
  "appraisal.quarter": ["HR"],
  "appraisal.template": ["HR"],
  "appraisal.import": ["HR"],
  // Promotion review, rules, initial grading, certifications
  "review.prepare": ["HR"],
  "review.commit": ["HR"],
  "rules.edit": ["HR"],
  "grading.confirm": ["HR"],
  "certification.record": ["HR"],
  // Competencies
  "competency.model": ["HR"],
  "competency.cycle": ["HR"],
  "competency.nominate": ["HR", "BRANCH_HEAD"],
  "competency.assess": ["ACCOUNT_MANAGER", "BRANCH_HEAD"],
  "competency.self": ["ACCOUNT_MANAGER"],
  // Courses
  "course.learn": ["ACCOUNT_MANAGER", "ASSISTANT"],
  "course.record": ["HR", "BRANCH_HEAD"],
  "course.assign": ["HR", "BRANCH_HEAD"],
  "course.catalogue": ["HR"],
  "course.waive": ["HR"],
  "course.import": ["HR"],
  "course.report": ["HR"],
  // People
  "people.create": ["HR"],
  /** Transfers, exits, grade changes, conversions, roster imports, password resets. */
  "people.manage": ["HR"],
  "people.goals": ["ACCOUNT_MANAGER", "ASSISTANT"],
  // Own account: every signed-in person (the DAL checks it is their own)
  "account.password": ["ACCOUNT_MANAGER", "ASSISTANT", "BRANCH_HEAD", "HR"],
  // Programme year (phases, sessions, participants, attendance)
  "programme.manage": ["HR"],
  "programme.propose": ["BRANCH_HEAD"],
  "programme.attend": ["ACCOUNT_MANAGER", "ASSISTANT"],
  /** Self check-in: anyone signed in; the DAL admits only a seated participant. */
  "programme.checkIn": ["ACCOUNT_MANAGER", "ASSISTANT", "BRANCH_HEAD", "HR"],
  // After-phase forms
  "programme.feedback": ["ACCOUNT_MANAGER", "ASSISTANT"],
  "programme.followUp": ["BRANCH_HEAD"],
  // Mentoring
  "mentoring.manage": ["HR"],
  /** Reflections and replies: the DAL admits only the pair's mentee or mentor. */
  "mentoring.reflect": ["ACCOUNT_MANAGER", "ASSISTANT", "BRANCH_HEAD", "HR"],
  // Skills contest
  "contest.manage": ["HR"],
  "contest.team": ["HR", "BRANCH_HEAD"],
  /** Judging: the DAL admits only an assigned judge. */
  "contest.judge": ["ACCOUNT_MANAGER", "ASSISTANT", "BRANCH_HEAD", "HR"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Throws the standard refusal unless the viewer's role holds the permission. */
export function assertCan(viewer: { role: Role } | null | undefined, permission: Permission): void {
  if (!can(viewer?.role, permission)) throw new AuthorizationError();
}

// ---------------------------------------------------------------------------------------------
// The one scope rule: HR the bank, a branch head their own branch, everyone else themselves.

declare const bankBrand: unique symbol;
/** Only `scopeOf` of an HR viewer makes one; a hand-built `{ kind: "bank" }` is refused at run time. */
export type BankScope = { readonly kind: "bank"; readonly [bankBrand]: true };
export type BranchScope = { readonly kind: "branch"; readonly branchId: string };
export type SelfScope = { readonly kind: "self"; readonly userId: string; readonly branchId: string };
export type Scope = BankScope | BranchScope | SelfScope;

const issuedBankScopes = new WeakSet<object>();

export function scopeOf(viewer: { id: string; role: Role; branchId: string }): Scope {
  switch (viewer.role) {
    case "HR": {
      const scope = Object.freeze({ kind: "bank" }) as BankScope;
      issuedBankScopes.add(scope);
      return scope;
    }
    case "BRANCH_HEAD":
      return Object.freeze({ kind: "branch", branchId: viewer.branchId });
    default:
      return Object.freeze({ kind: "self", userId: viewer.id, branchId: viewer.branchId });
  }
}

/** True only for a bank scope issued by `scopeOf` for an HR viewer. */
export function isBankScope(scope: Scope): scope is BankScope {
  if (scope.kind !== "bank") return false;
  if (!issuedBankScopes.has(scope)) throw new AuthorizationError();
  return true;
}

/**
 * HR may look at one branch (a filter); anyone else keeps their own scope whatever they ask for.
 * An empty or missing branch id leaves the scope as it is.
 */
export function narrowToBranch(scope: Scope, branchId: string | null | undefined): Scope {
  if (branchId && isBankScope(scope)) return Object.freeze({ kind: "branch", branchId });
  return scope;
}
