/** One fact: its label and its value. */
export type Fact = readonly [label: string, value: React.ReactNode];

/**
 * Label–value pairs as a description list (<dl>), one row (<div>) a fact; the classes place each
 * label above, beside or inline before its value.
 */
export function Facts({
  facts,
  className,
  testId,
  rowClassName,
  labelClassName = "text-slate-600",
  valueClassName,
}: {
  facts: readonly Fact[];
  className: string;
  testId?: string;
  rowClassName?: string;
  labelClassName?: string;
  valueClassName?: string;
}) {
  return (
    <dl className={className} data-testid={testId}>
      {facts.map(([label, value]) => (
        <div key={label} className={rowClassName}>
          <dt className={labelClassName}>{label}</dt>
          <dd className={valueClassName}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
