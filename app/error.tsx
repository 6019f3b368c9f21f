"use client";

import { ErrorView } from "@/components/shell/error-view";

// Any failure outside the signed-in area (e.g. the login page) ends here, in Chinese.
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <main>
      <ErrorView digest={digest} retry={retry} />
    </main>
  );
}
