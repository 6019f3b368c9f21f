// The five-level ladder (DOMAIN §3) and the five-step rating scale (DOMAIN §4).
// Pure data and helpers: no I/O.

export const GRADES = ["TRAINEE", "JUNIOR", "INTERMEDIATE", "SENIOR", "PRINCIPAL"] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<Grade, string> = { TRAINEE: "见习", JUNIOR: "初级", INTERMEDIATE: "中级", SENIOR: "高级", PRINCIPAL: "资深" };

/** Full title, e.g. 中级对公客户经理. */
export function gradeTitle(grade: Grade): string {
  return `${GRADE_LABELS[grade]}对公客户经理`;
}

export function gradeIndex(grade: Grade): number {
  return GRADES.indexOf(grade);
}

/** Grade `steps` up (positive) or down (negative); null when it falls off either end. */
export function shiftGrade(grade: Grade, steps: number): Grade | null {
  const i = gradeIndex(grade) + steps;
  return i >= 0 && i < GRADES.length ? GRADES[i] : null;
}

export function isGrade(value: unknown): value is Grade {
  return typeof value === "string" && (GRADES as readonly string[]).includes(value);
}

export const RATINGS = ["EXCELLENT", "GOOD", "QUALIFIED", "BASIC", "UNQUALIFIED"] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_LABELS: Record<Rating, string> = { EXCELLENT: "优秀", GOOD: "良好", QUALIFIED: "合格", BASIC: "基本合格", UNQUALIFIED: "不合格" };

/** 5 for EXCELLENT … 1 for UNQUALIFIED. */
export function ratingOrder(rating: Rating): number {
  return 5 - RATINGS.indexOf(rating);
}

export function isRating(value: unknown): value is Rating {
  return typeof value === "string" && (RATINGS as readonly string[]).includes(value);
}

export const ROLES = ["HR", "BRANCH_HEAD", "ACCOUNT_MANAGER", "ASSISTANT"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = { HR: "人力资源部", BRANCH_HEAD: "支行长", ACCOUNT_MANAGER: "对公客户经理", ASSISTANT: "业务助理" };

export const GRADE_CHANGE_REASON_LABELS = { INITIAL: "定级", PROMOTION: "晋级", DEMOTION: "降级", EXIT: "退出", MANUAL: "人工调整" } as const;
export type GradeChangeReason = keyof typeof GRADE_CHANGE_REASON_LABELS;
