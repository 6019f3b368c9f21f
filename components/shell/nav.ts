import type { Role } from "@/lib/domain/grades";

export interface NavItem {
  href: string;
  label: string;
}

/** Each role sees only its own areas. Later areas add their entries here. */
export const NAV_BY_ROLE: Record<Role, NavItem[]> = {
  HR: [
    { href: "/hr", label: "全行概览" },
    { href: "/hr/people", label: "人员管理" },
    { href: "/hr/appraisal", label: "季度考评" },
    { href: "/hr/review", label: "晋级评审" },
    { href: "/hr/rules", label: "晋级条件" },
    { href: "/hr/grading", label: "定级" },
    { href: "/hr/certifications", label: "资格认证" },
    { href: "/hr/competencies", label: "胜任力" },
    { href: "/hr/courses", label: "培训课程" },
    { href: "/hr/programmes", label: "培训项目" },
    { href: "/hr/mentoring", label: "导师计划" },
    { href: "/hr/contest", label: "技能大比拼" },
    { href: "/hr/audit", label: "审计日志" },
  ],
  BRANCH_HEAD: [
    { href: "/branch", label: "团队概览" },
    { href: "/branch/appraisal", label: "季度考评" },
    { href: "/branch/competencies", label: "团队胜任力" },
    { href: "/branch/courses", label: "团队培训" },
    { href: "/branch/programme", label: "培训安排" },
    { href: "/branch/action-plans", label: "行动计划跟进" },
    { href: "/mentoring", label: "导师带教" },
    { href: "/branch/contest", label: "技能大比拼" },
    { href: "/me", label: "我的档案" },
  ],
  ACCOUNT_MANAGER: [
    { href: "/me", label: "我的成长" },
    { href: "/me/competencies", label: "我的胜任力" },
    { href: "/me/courses", label: "我的课程" },
    { href: "/me/programme", label: "我的培训" },
    { href: "/mentoring", label: "导师带教" },
    { href: "/contest/results", label: "比赛成绩" },
    { href: "/me/goals", label: "我的目标" },
  ],
  ASSISTANT: [
    { href: "/me", label: "我的成长" },
    { href: "/me/courses", label: "我的课程" },
    { href: "/me/programme", label: "我的培训" },
  ],
};

/** Judges of the skills contest may have any role: they get one more entry. */
export const JUDGE_NAV_ITEM: NavItem = { href: "/contest/judge", label: "比赛评分" };

export function navItemsFor(role: Role, options: { judge?: boolean } = {}): NavItem[] {
  return options.judge ? [...NAV_BY_ROLE[role], JUDGE_NAV_ITEM] : NAV_BY_ROLE[role];
}
