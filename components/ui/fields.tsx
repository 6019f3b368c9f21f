import type { ActionState } from "@/lib/actions/state";
import { FieldError } from "@/components/ui/field-error";

// Form fields: a label, its control and the field's error from a refused action, in one piece.
// No hooks, so server pages (GET filter forms) and client forms use the same fields.

/** A select's choices: [value, label]. */
export type Option = readonly [value: string, label: React.ReactNode];

/** Choices as [value, label] pairs, or as a record of labels by value (in its key order). */
export type Options = readonly Option[] | Readonly<Record<string, React.ReactNode>>;

function optionList(options: Options): readonly Option[] {
  return Array.isArray(options) ? (options as readonly Option[]) : Object.entries(options);
}

/** Choices from codes and their Chinese labels. */
export function optionsOf<K extends string>(codes: readonly K[], labels: Record<K, React.ReactNode>): Option[] {
  return codes.map((c) => [c, labels[c]]);
}

/** Choices from rows with an id and a name (branches, cycles…), in their order. */
export function namedOptions(rows: readonly { id: string; name: string }[]): Option[] {
  return rows.map((r) => [r.id, r.name]);
}

export const LABEL = "mb-1 block text-sm font-medium text-slate-700";
/** A control at the body's text size (sign-in and password forms: no zoom on a phone's focus). */
export const LARGE_CONTROL = "w-full rounded-md border border-slate-300 px-3 py-2 focus:border-brand-600 aria-invalid:border-red-400";
export const CONTROL = `${LARGE_CONTROL} text-sm`;
/** The small label of a filter form. */
export const FILTER_LABEL = "mb-1 block text-xs text-slate-600";

/** What the user typed, given back after a refusal (else the default). */
export function valueAfter(state: ActionState<unknown> | undefined, name: string | undefined, fallback: unknown): string | undefined {
  const typed = state && !state.ok && name ? state.values?.[name] : undefined;
  if (typeof typed === "string") return typed;
  return fallback == null ? undefined : String(fallback);
}

interface FieldProps {
  id: string;
  label: React.ReactNode;
  /** The refused action whose field error and typed value this field shows. */
  state?: ActionState<unknown>;
  /** A line under the control. */
  hint?: React.ReactNode;
  /** The wrapper's class. */
  className?: string;
  labelClassName?: string;
}

/** A label above any control, then the hint and the field's error. */
export function Field({
  id,
  label,
  state,
  name,
  hint,
  className,
  labelClassName = LABEL,
  children,
}: FieldProps & { name?: string; children: React.ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {state && name ? <FieldError state={state} name={name} id={`${id}-error`} /> : null}
    </div>
  );
}

/** A field's props: the label's and the control's own (`inputClassName` styles the control). */
type Labelled<A> = FieldProps & Omit<A, "id" | "className" | "defaultValue"> & { name?: string; defaultValue?: unknown; inputClassName?: string };

/** Whether a refused action names this field. */
function refused(state: ActionState<unknown> | undefined, name: string | undefined) {
  return !!(state && !state.ok && name && state.fieldErrors?.[name]?.length);
}

/**
 * Splits a field's props into the label part and the control part: the typed value back after a
 * refusal, and the control described by its hint and error (and marked invalid while refused).
 */
function split<P extends Labelled<object>>(props: P) {
  const { id, label, state, hint, className, labelClassName, inputClassName = CONTROL, defaultValue, ...control } = props;
  const field = { id, label, state, hint, className, labelClassName, name: props.name };
  const invalid = refused(state, props.name);
  const describedBy = [hint ? `${id}-hint` : "", invalid ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return {
    field,
    control: {
      "aria-describedby": describedBy,
      "aria-invalid": invalid || undefined,
      ...control,
      id,
      className: inputClassName,
      // A controlled control (with `value`) takes no default.
      defaultValue: "value" in control ? undefined : valueAfter(state, props.name, defaultValue),
    },
  };
}

/** A labelled control of the given tag. */
function labelled<A>(tag: "input" | "textarea") {
  const Control = tag as "input";
  return function LabelledControl(props: Labelled<A>) {
    const { field, control } = split(props);
    return <Field {...field}>{<Control {...(control as React.InputHTMLAttributes<HTMLInputElement>)} />}</Field>;
  };
}

/** A labelled <input>. */
export const TextField = labelled<React.InputHTMLAttributes<HTMLInputElement>>("input");

/** A labelled <textarea>. */
export const TextareaField = labelled<React.TextareaHTMLAttributes<HTMLTextAreaElement>>("textarea");

/**
 * A labelled <select>; `empty` adds a first choice with the value "" (e.g. 全部), `placeholder` a
 * first choice that cannot be chosen back (e.g. 请选择机构, with `required`).
 */
export function SelectField({
  options,
  empty,
  placeholder,
  children,
  ...props
}: Labelled<React.SelectHTMLAttributes<HTMLSelectElement>> & { options: Options; empty?: React.ReactNode; placeholder?: string }) {
  const { field, control } = split(props);
  return (
    <Field {...field}>
      <select {...control}>
        {empty !== undefined || placeholder ? (
          <option value="" disabled={!!placeholder}>
            {placeholder ?? empty}
          </option>
        ) : null}
        {optionList(options).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
        {children}
      </select>
    </Field>
  );
}

/** One control of a GET filter form: a select when it has options, else an input. */
export interface FilterField {
  name: string;
  label: string;
  options?: Options;
  /** The first choice's label (value ""); default 全部; null: no such choice (the options hold "all"). */
  empty?: string | null;
  type?: "search" | "date" | "text";
  placeholder?: string;
  maxLength?: number;
  required?: boolean;
  inputMode?: "numeric" | "text";
  /** The wrapper's class (e.g. a wider search box). */
  className?: string;
}

const FILTER_CONTROL = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/**
 * A plain GET filter form (the list is filtered on the server, also without JavaScript): the
 * fields, then 筛选 and whatever the page adds beside it (清除筛选, an export link).
 */
export function FilterForm({
  label,
  idPrefix,
  fields,
  values,
  action,
  hidden = {},
  className = "flex flex-wrap items-end gap-3",
  submitLabel = "筛选",
  search = false,
  footerClassName = "",
  children,
}: {
  /** The form's accessible name, e.g. 筛选课程. */
  label: string;
  idPrefix: string;
  fields: readonly FilterField[];
  /** The current filter values by field name (anything else in it is ignored). */
  values: object;
  action?: string;
  hidden?: Readonly<Record<string, string | undefined>>;
  className?: string;
  submitLabel?: string;
  /** role="search" (a form with a name is otherwise role="form"). */
  search?: boolean;
  /** Extra classes of the row with 筛选 (e.g. a full grid row). */
  footerClassName?: string;
  children?: React.ReactNode;
}) {
  return (
    <form method="get" action={action} role={search ? "search" : undefined} aria-label={label} className={className}>
      {Object.entries(hidden).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      {fields.map(({ name, label: text, options, empty = "全部", className: wrapper, ...input }) => {
        const common = {
          id: `${idPrefix}-${name}`,
          name,
          label: text,
          defaultValue: String((values as Record<string, unknown>)[name] ?? ""),
          labelClassName: FILTER_LABEL,
          inputClassName: FILTER_CONTROL,
          className: wrapper,
        };
        return options ? <SelectField key={name} {...common} options={options} empty={empty ?? undefined} /> : <TextField key={name} {...common} {...input} />;
      })}
      <div className={`flex flex-wrap items-center gap-3 ${footerClassName}`}>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          {submitLabel}
        </button>
        {children}
      </div>
    </form>
  );
}

/** One of several submit buttons of a form, told apart by their value (e.g. 检查 / 导入, 草稿 / 提交). */
export interface SubmitChoice {
  value: string;
  label: React.ReactNode;
  /** Shown while this choice is pending. */
  busy: React.ReactNode;
  /** Colours of this button. */
  tone: string;
}

/** Submit buttons sharing one `name`; the pending one shows its busy label, all are disabled meanwhile. */
export function SubmitChoices({
  name,
  choices,
  pending,
  chosen,
  className,
}: {
  name: string;
  choices: readonly SubmitChoice[];
  pending: boolean;
  chosen: string;
  className: string;
}) {
  return choices.map((c) => (
    <button
      key={c.value}
      type="submit"
      name={name}
      value={c.value}
      disabled={pending}
      aria-busy={pending && chosen === c.value}
      className={`${className} ${c.tone}`}
    >
      {pending && chosen === c.value ? c.busy : c.label}
    </button>
  ));
}
