import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/server/auth/viewer";
import { CourseRosterPage } from "@/components/courses/roster-page";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("登记完成", ["BRANCH_HEAD"]);
export const dynamic = "force-dynamic";

export default async function BranchRosterPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  if (viewer.role !== "BRANCH_HEAD") notFound();
  return <CourseRosterPage viewer={viewer} courseId={(await params).id} />;
}
