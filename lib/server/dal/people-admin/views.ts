// Types the people-administration screens render (no implementation, so components import only these).
import type { Grade, GradeChangeReason, Role } from "@/lib/domain/grades";

export interface PeopleFilters {
  q?: string;
  branchId?: string;
  role?: Role;
  /** A grade, or "NONE" for account managers not graded yet. */
  grade?: Grade | "NONE";
  status?: "ACTIVE" | "EXITED";
  page?: number;
}

export interface PersonRowView {
  id: string;
  employeeNo: string;
  name: string;
  email: string;
  role: Role;
  status: "ACTIVE" | "EXITED";
  branchName: string;
  grade: Grade | null;
  roleStartDate: string | null;
  tenureMonths: number | null;
}

export interface PeoplePage {
  rows: PersonRowView[];
  total: number;
  page: number;
  pageCount: number;
}

export interface MembershipView {
  id: string;
  branchName: string;
  role: Role;
  startDate: string;
  endDate: string | null;
  startReason: string;
  endReason: string | null;
  note: string | null;
}

export interface PersonAdminView extends PersonRowView {
  branchId: string;
  exitedAt: string | null;
  memberships: MembershipView[];
  gradeHistory: { id: string; effectiveDate: string; from: Grade | null; to: Grade | null; reason: GradeChangeReason; note: string | null; voided: boolean }[];
}

export interface BranchOption {
  id: string;
  code: string;
  name: string;
}

export const MEMBERSHIP_REASON_LABELS: Record<string, string> = {
  HIRE: "入职",
  SEED: "建档",
  TRANSFER: "调动",
  ROLE_CHANGE: "转岗",
  EXIT: "退出",
};
