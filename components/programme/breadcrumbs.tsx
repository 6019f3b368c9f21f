import Link from "next/link";

/** Where a programme page sits: 培训项目 / the year / the phase, each a link. */
export function ProgrammeBreadcrumbs({ trail }: { trail: { href: string; label: string }[] }) {
  const all = [{ href: "/hr/programmes", label: "培训项目" }, ...trail];
  return (
    <nav aria-label="位置" className="flex flex-wrap gap-1 text-sm">
      {all.map((step, i) => (
        <span key={step.href} className="flex gap-1">
          {i > 0 ? <span aria-hidden="true">/</span> : null}
          <Link href={step.href} className="text-brand-700 hover:underline">
            {step.label}
          </Link>
        </span>
      ))}
    </nav>
  );
}
