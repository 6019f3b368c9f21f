import type { Role } from "@/lib/domain/grades";

export interface NavItem {
  href: string;
  label: string;
}

/** Each role sees only its own areas. Later areas add their entries here. */
export const NAV_BY_ROLE: Record<Role, NavItem[]> = {
  HR: [
    { href: "/hr", label: "全行概览" },
    { href: "/hr/appraisal", label: "季度考评" },
    { href: "/hr/review", label: "晋级评审" },
    { href: "/hr/rules", label: "晋级条件" },
    { href: "/hr/grading", label: "定级" },
    { href: "/hr/certifications", label: "资格认证" },
    { href: "/hr/competencies", label: "胜任力" },
    { href: "/hr/courses", label: "培训课程" },
    { href: "/hr/audit", label: "审计日志" },
  ],
  BRANCH_HEAD: [
    { href: "/branch", label: "团队概览" },
    { href: "/branch/appraisal", label: "季度考评" },
    { href: "/branch/competencies", label: "团队胜任力" },
    { href: "/branch/courses", label: "团队培训" },
    { href: "/me", label: "我的档案" },
  ],
  ACCOUNT_MANAGER: [
    { href: "/me", label: "我的成长" },
    { href: "/me/competencies", label: "我的胜任力" },
    { href: "/me/courses", label: "我的课程" },
  ],
  ASSISTANT: [
    { href: "/me", label: "我的成长" },
    { href: "/me/courses", label: "我的课程" },
  ],
};
