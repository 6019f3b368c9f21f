// Wording of the people-administration screens in one place.
import { GRADE_LABELS, ROLE_LABELS, type Grade, type Role } from "@/lib/domain/grades";

export const STATUS_LABELS = { ACTIVE: "在职", EXITED: "已退出" } as const;

export function gradeCell(grade: Grade | null, role: Role, status: "ACTIVE" | "EXITED"): string {
  if (grade) return GRADE_LABELS[grade];
  return role === "ACCOUNT_MANAGER" && status === "ACTIVE" ? "未定级" : "—";
}

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}
