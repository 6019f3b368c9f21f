import "server-only";
import { safeRedirectPath } from "@/lib/domain/safe-redirect";

/** The app's own origin: NEXTAUTH_URL (what users open), else a placeholder that only paths resolve against. */
export function appOrigin(): string {
  try {
    return new URL(process.env.NEXTAUTH_URL ?? "http://localhost").origin;
  } catch {
    return "http://localhost";
  }
}

/** A same-site path to go to after sign-in, or null (lib/domain/safe-redirect.ts). */
export function safeCallbackPath(value: unknown): string | null {
  return safeRedirectPath(value, appOrigin());
}
