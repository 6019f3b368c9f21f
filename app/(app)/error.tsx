"use client";

import { ErrorView } from "@/components/shell/error-view";

// A failed page or server action inside the signed-in area: the shell (navigation) stays, the
// content becomes the Chinese error view instead of Next.js's English error page.
export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return <ErrorView digest={digest} retry={retry} />;
}
