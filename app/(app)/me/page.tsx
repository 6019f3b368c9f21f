import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/server/auth/viewer";
import { getProfileForViewer } from "@/lib/server/dal/people";
import { CertificationList, GradeHistory, ProfileSummary } from "@/components/people/profile";

export const metadata: Metadata = { title: "我的成长" };
export const dynamic = "force-dynamic";

export default async function MePage() {
  const viewer = await requireViewer();
  const me = await getProfileForViewer(viewer, viewer.id);
  if (!me) notFound();
  return (
    <div className="space-y-6">
      <ProfileSummary person={me} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <GradeHistory person={me} />
        </div>
        <CertificationList person={me} />
      </div>
    </div>
  );
}
