import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";

/**
 * A learner's form of the programme (action plan, training evaluation): what was submitted (read
 * only), else the form while the learner may fill it (a draft goes on where it stopped), else why
 * they may not — with the way back to 我的培训 in the header.
 */
export function ProgrammeFormPage({
  title,
  subtitle,
  intro,
  submitted,
  fill,
  refusal,
}: {
  title: string;
  subtitle: string;
  /** What the form is about, above it. */
  intro: React.ReactNode;
  /** The submitted form, or null while there is none. */
  submitted: React.ReactNode;
  /** The form to fill in its card, or null when the learner may not fill it. */
  fill: { title: string; form: React.ReactNode } | null;
  /** Why the learner may not fill it (role="status"), with its test id. */
  refusal: { testId: string; text: React.ReactNode };
}) {
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title={title}
        subtitle={subtitle}
        actions={
          <Link href="/me/programme" className="text-sm text-brand-700 hover:underline">
            返回我的培训
          </Link>
        }
      />
      {intro}
      {submitted ??
        (fill ? (
          <Card title={fill.title}>{fill.form}</Card>
        ) : (
          <Card>
            <p className="text-sm text-slate-700" role="status" data-testid={refusal.testId}>
              {refusal.text}
            </p>
          </Card>
        ))}
    </div>
  );
}
