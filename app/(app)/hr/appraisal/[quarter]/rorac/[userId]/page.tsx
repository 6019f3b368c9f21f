import type { Metadata } from "next";
import { roracRoute, RORAC_PAGE_TITLE } from "@/components/appraisal/rorac-page";
import { getRoracEntry } from "@/lib/server/dal/appraisal/rorac";

export const metadata: Metadata = { title: RORAC_PAGE_TITLE };
export const dynamic = "force-dynamic";

export default roracRoute("hr.view", "hr", getRoracEntry);
