import { TabNav } from "@/components/ui/display";

const TABS = [
  { href: "/hr/competencies", label: "胜任力模型" },
  { href: "/hr/competencies/cycles", label: "评估周期" },
  { href: "/hr/competencies/heatmap", label: "全行热力图" },
] as const;

/** The sub-navigation of HR's competency area. */
export function HrCompetencyTabs({ current }: { current: (typeof TABS)[number]["href"] }) {
  return <TabNav label="胜任力管理" tabs={TABS} current={current} />;
}
