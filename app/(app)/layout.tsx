import { requireViewer } from "@/lib/server/auth/viewer";
import { AppShell } from "@/components/shell/app-shell";

export const dynamic = "force-dynamic";

// The layout only draws the shell; each page checks its own access (layouts do not re-run on
// every navigation, so they are no place for authorisation).
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  // A skills-contest judge (any role) gets the 比赛评分 entry: read with the viewer (one query).
  return <AppShell viewer={{ ...viewer, isJudge: viewer.isJudge === true }}>{children}</AppShell>;
}
