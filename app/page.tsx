import { redirect } from "next/navigation";
import { homeFor, requireViewer } from "@/lib/server/auth/viewer";

export const dynamic = "force-dynamic";

export default async function Home() {
  const viewer = await requireViewer();
  redirect(homeFor(viewer.role));
}
