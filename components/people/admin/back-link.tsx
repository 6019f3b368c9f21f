import Link from "next/link";

/** The way back to the people list from its sub-pages. */
export function BackToPeople() {
  return (
    <p className="text-sm">
      <Link href="/hr/people" className="text-brand-700 hover:underline">
        返回人员管理
      </Link>
    </p>
  );
}
