import { Card } from "@/components/ui/card";

/** A card listing what waits for the viewer, one line per item with what to do about it; or a line saying nothing waits. */
export function TodoCard<T>({
  title,
  items,
  emptyText,
  emptyTestId,
  listTestId,
  text,
  action,
}: {
  title: string;
  items: T[];
  emptyText: string;
  emptyTestId: string;
  listTestId: string;
  text: (item: T) => React.ReactNode;
  action: (item: T) => React.ReactNode;
}) {
  return (
    <Card title={title}>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid={emptyTestId}>
          {emptyText}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" data-testid={listTestId}>
          {items.map((item, i) => (
            <li key={i} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>{text(item)}</span>
              {action(item)}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
