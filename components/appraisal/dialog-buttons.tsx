/** A dialog's 取消 and submit buttons (the submit one shows its pending label while saving). */
export function DialogButtons({
  onCancel,
  pending,
  label,
  pendingLabel,
  tone = "primary",
}: {
  onCancel: () => void;
  pending: boolean;
  label: string;
  pendingLabel: string;
  tone?: "primary" | "danger";
}) {
  const colours = tone === "danger" ? "bg-red-700 hover:bg-red-800" : "bg-brand-600 hover:bg-brand-700";
  return (
    <>
      <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-4 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
        取消
      </button>
      <button type="submit" disabled={pending} className={`rounded-md px-4 py-1.5 text-sm font-medium text-white disabled:opacity-60 ${colours}`}>
        {pending ? pendingLabel : label}
      </button>
    </>
  );
}
