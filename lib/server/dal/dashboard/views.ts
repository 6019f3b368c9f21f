// View models of the dashboards: types only, so components never import a DAL implementation.
import type { Grade, Rating } from "@/lib/domain/grades";
import type { Quarter, IsoDate } from "@/lib/domain/dates";
import type { CompetencyCode } from "@/lib/domain/competency";
import type { Outlook } from "@/lib/domain/dashboard";

export interface BranchProgressRow {
  branchId: string;
  branchName: string;
  total: number;
  rated: number;
}

export interface DistributionRow {
  branchId: string;
  branchName: string;
  counts: Record<Rating, number>;
  total: number;
}

export interface ReviewSummaryView {
  quarter: Quarter | null;
  status: "NONE" | "DRAFT" | "COMMITTED";
  counts: { PROMOTE: number; DEMOTE: number; EXIT: number; BLOCKED: number } | null;
}

export interface CycleOption {
  id: string;
  name: string;
}

export interface NineBoxView {
  /** The two locked quarters read, oldest first. */
  quarters: Quarter[];
  cycle: CycleOption | null;
  /** "PERF-COMP" → people, e.g. "HIGH-MID". */
  counts: Record<string, number>;
  placed: number;
  unplaced: number;
  cell: string | null;
  members: { id: string; name: string; employeeNo: string; branchName: string; grade: Grade; ratings: (Rating | null)[]; above: number | null }[];
  membersTotal: number;
}

export interface NewInRoleView {
  bank: { newInRole: number; total: number; share: number | null; alert: boolean };
  branches: { branchId: string; branchName: string; newInRole: number; total: number; share: number | null; alert: boolean }[];
}

export interface CertificationRateRow {
  code: string;
  name: string;
  /** Grades whose next grade requires it. */
  forGrades: Grade[];
  needing: number;
  holding: number;
}

export type HrTodo =
  | { kind: "GRADING"; count: number; href: string }
  | { kind: "LOCK_QUARTER"; quarter: Quarter; href: string }
  | { kind: "REVIEW"; quarter: Quarter; href: string }
  | { kind: "CLOSE_CYCLE"; name: string; deadline: IsoDate; href: string };

export interface ProgrammePhaseProgress {
  id: string;
  name: string;
  kind: string;
  status: string;
  participants: number;
  sessions: number;
  attended: number;
  recorded: number;
  evaluations: number;
  evaluationMean: number | null;
  plans: number;
  followUps: number;
  offTrack: number;
}

export interface ProgrammeProgressView {
  year: number;
  name: string;
  phases: ProgrammePhaseProgress[];
}

// ── Branch head ──

export interface TeamMemberView {
  id: string;
  name: string;
  employeeNo: string;
  role: "ACCOUNT_MANAGER" | "ASSISTANT";
  grade: Grade | null;
  roleStartDate: IsoDate | null;
  tenureMonths: number | null;
  /** The last four locked quarters, oldest first. */
  ratings: { quarter: Quarter; rating: Rating | null }[];
  outlook: Outlook;
}

export type WaitingItem =
  | { kind: "RATINGS"; quarter: Quarter; count: number; href: string }
  | { kind: "MANAGER_ASSESSMENTS"; cycleName: string; count: number; href: string }
  | { kind: "PEER_NOMINATIONS"; cycleName: string; count: number; href: string }
  | { kind: "FOLLOW_UPS"; count: number; href: string | null }
  | { kind: "REFLECTIONS"; count: number; href: string | null };

export interface TeamLearningSummary {
  requiredEnrolments: number;
  completed: number;
  overdue: number;
  overduePeople: { id: string; name: string; overdue: number }[];
}

export interface RadarRow {
  code: CompetencyCode;
  name: string;
  result: number | null;
  required: number | null;
  nextRequired: number | null;
}

// ── Account manager / assistant ──

export interface TimelineEvent {
  date: IsoDate;
  kind: "ROLE_START" | "GRADE" | "RATING" | "CERTIFICATION" | "COURSE";
  text: string;
}
