// Tiers, categories and delivery modes of the curricula (DOMAIN §7), with their Chinese labels.
import type { Grade } from "./grades";

export const TIERS = ["FOUNDATION", "ADVANCED", "EXPERT"] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_LABELS: Record<Tier, string> = { FOUNDATION: "基础层", ADVANCED: "进阶层", EXPERT: "专家层" };
/** Who each tier is for, as HR says it. */
export const TIER_AUDIENCE: Record<Tier, string> = { FOUNDATION: "见习、初级", ADVANCED: "中级", EXPERT: "高级、资深" };

export const CATEGORIES = ["PROFESSIONALISM", "KNOWLEDGE", "SKILLS"] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = { PROFESSIONALISM: "职业素养", KNOWLEDGE: "专业知识", SKILLS: "技能提升" };

export const DELIVERIES = ["FACE_TO_FACE", "ONLINE", "CASE_STUDY", "PRACTICE"] as const;
export type Delivery = (typeof DELIVERIES)[number];
export const DELIVERY_LABELS: Record<Delivery, string> = { FACE_TO_FACE: "面授", ONLINE: "线上", CASE_STUDY: "案例研讨", PRACTICE: "实操演练" };

export const ENROLMENT_STATUS_LABELS = { ASSIGNED: "待学习", IN_PROGRESS: "学习中", COMPLETED: "已完成", WAIVED: "已免修" } as const;
export type EnrolmentStatus = keyof typeof ENROLMENT_STATUS_LABELS;

/** The tier a grade studies in; assistants (no grade) study the foundation tier. */
export function tierForGrade(grade: Grade | null): Tier {
  switch (grade) {
    case "INTERMEDIATE":
      return "ADVANCED";
    case "SENIOR":
    case "PRINCIPAL":
      return "EXPERT";
    default:
      return "FOUNDATION";
  }
}
