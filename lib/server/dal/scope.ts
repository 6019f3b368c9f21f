import "server-only";
import type { Viewer } from "@/lib/server/auth/viewer";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The people a viewer may see (DOMAIN §1): HR the whole bank, a branch head their own branch,
 * everyone else only themselves. Used inside every `where`, so an out-of-scope id matches no row.
 */
export function peopleScope(viewer: Viewer): Prisma.UserWhereInput {
  switch (viewer.role) {
    case "HR":
      return {};
    case "BRANCH_HEAD":
      return { OR: [{ branchId: viewer.branchId }, { id: viewer.id }] };
    default:
      return { id: viewer.id };
  }
}

/** The branch ids a viewer may see, or null for all of them. */
export function branchScope(viewer: Viewer): string[] | null {
  if (viewer.role === "HR") return null;
  return [viewer.branchId];
}
