import "server-only";
import { IMPORT_LIMITS } from "./limits";

/** The first `maxProblems` problems and how many there were in all, so a report stays small. */
export function capProblems<T>(problems: T[], max = IMPORT_LIMITS.maxProblems): { problems: T[]; totalProblems: number } {
  return { problems: problems.slice(0, max), totalProblems: problems.length };
}
