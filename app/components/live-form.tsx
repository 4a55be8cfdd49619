import { useRef, useState, type FormEvent, type MouseEvent } from "react";
import type { ZodTypeAny } from "zod";
import type { Field } from "./field-props.ts";

/**
 * A form whose page loads no validation library. The server is the authority: its answer
 * (conform's `submission.reply()`, the same shape) gives each field its message and what was typed.
 * The form's zod schema and @conform-to/zod come with a dynamic import() at the first focus or
 * keystroke in the form; from then on a field is checked when it is left, again at every keystroke
 * once it shows a message, and the whole form before it is sent. The inputs stay uncontrolled and
 * nothing is re-mounted, so loading the validator never touches what was typed.
 */

/** What conform's `submission.reply()` sends back (status, what was typed, messages by field name; "" for the form). */
export interface Reply {
  status?: "error" | "success";
  initialValue?: Record<string, unknown> | null;
  error?: Record<string, string[] | null | undefined>;
}

/** Constraint attributes by field name (list items as `list[].field`), as getZodConstraint gives them on the server. */
export type Constraints = Record<string, { required?: boolean; minLength?: number; maxLength?: number; min?: string | number; max?: string | number; pattern?: string; multiple?: boolean }>;

type Errors = Record<string, string[]>;
type Validate = (formData: FormData) => Errors;

export interface LiveFormOptions {
  id: string;
  lastResult?: Reply | null;
  defaultValue?: Record<string, unknown>;
  constraint?: Constraints;
  /** The form's one schema, imported when the form is first used: `() => import("…").then((m) => m.schema)`. */
  schema: () => Promise<ZodTypeAny>;
  /** "onSubmit": check nothing before the form is sent (a single confirmation box). */
  shouldValidate?: "onBlur" | "onSubmit";
}

const clean = (error: Reply["error"]): Errors =>
  Object.fromEntries(Object.entries(error ?? {}).filter((e): e is [string, string[]] => Array.isArray(e[1]) && e[1].length > 0));

/** `a[0].b` → ["a", 0, "b"]. */
const pathOf = (name: string) => name.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== "").map((p) => (/^\d+$/.test(p) ? Number(p) : p));

function valueAt(source: unknown, name: string): unknown {
  let value = source;
  for (const part of pathOf(name)) value = value == null ? undefined : (value as Record<string | number, unknown>)[part];
  return value;
}

/** Values as a form holds them: true is a ticked box ("on"), numbers are text. */
function serialize(value: unknown): unknown {
  if (typeof value === "boolean") return value ? "on" : undefined;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map(serialize);
  return value ?? undefined;
}

let validation: Promise<typeof import("./live-validation.ts")> | undefined;

export function useLiveForm<Shape extends Record<string, unknown>>(options: LiveFormOptions) {
  const { id, lastResult, constraint = {} } = options;
  const initial = (lastResult?.initialValue ?? options.defaultValue ?? {}) as Record<string, unknown>;
  const [seen, setSeen] = useState(lastResult);
  const [errors, setErrors] = useState<Errors>(() => clean(lastResult?.error));
  const [submitted, setSubmitted] = useState(lastResult?.status === "error");
  // Fields that have been checked (left once, or answered by the server): these follow every keystroke.
  const checked = useRef(new Set(Object.keys(errors)));
  const validate = useRef<Validate | null>(null);
  const [lists, setLists] = useState<Record<string, { key: number; from: number | null }[]>>({});
  const [generation, setGeneration] = useState(0);

  // A new answer from the server replaces the messages (React's "state from props" pattern: no effect, no flash).
  if (lastResult !== seen) {
    setSeen(lastResult);
    const next = clean(lastResult?.error);
    setErrors(next);
    setSubmitted(lastResult?.status === "error");
    checked.current = new Set(Object.keys(next));
    setLists({});
    setGeneration((g) => g + 1);
  }

  // Fields left before the validator arrived (a slow phone, a fast hand): checked once it has.
  const leftEarly = useRef(new Set<string>());

  function load(event: FormEvent<HTMLFormElement>) {
    if (validate.current) return;
    const formElement = event.currentTarget;
    validation ??= import("./live-validation.ts");
    void Promise.all([validation, options.schema()]).then(([{ validator }, schema]) => {
      if (validate.current) return;
      validate.current = validator(schema);
      if (leftEarly.current.size === 0 || !formElement.isConnected) return;
      for (const name of leftEarly.current) checked.current.add(name);
      recheck(leftEarly.current, new FormData(formElement));
      leftEarly.current = new Set();
    });
  }

  function recheck(names: Iterable<string>, formData: FormData) {
    const result = validate.current!(formData);
    setErrors((current) => {
      const next = { ...current };
      for (const name of names) {
        const messages = result[name];
        if (messages) next[name] = messages;
        else delete next[name];
      }
      return next;
    });
  }

  const fieldName = (event: { target: EventTarget }) => (event.target as HTMLInputElement).name || undefined;

  const props = {
    id,
    noValidate: true,
    onFocus: load,
    onInput(event: FormEvent<HTMLFormElement>) {
      load(event);
      const name = fieldName(event);
      if (validate.current && name && checked.current.has(name)) recheck(checked.current, new FormData(event.currentTarget));
    },
    onBlur(event: FormEvent<HTMLFormElement>) {
      const name = fieldName(event);
      if (!name || options.shouldValidate === "onSubmit") return;
      if (!validate.current) return void leftEarly.current.add(name);
      checked.current.add(name);
      recheck(checked.current, new FormData(event.currentTarget));
    },
    onSubmit(event: FormEvent<HTMLFormElement>) {
      // Not loaded yet (sent at once, or autofilled): the server checks and answers with the messages.
      if (!validate.current) return;
      // A button marked formNoValidate (a "show more options" step) is sent unchecked, as HTML does.
      const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
      if (submitter?.formNoValidate) return;
      const result = validate.current(new FormData(event.currentTarget));
      const names = Object.keys(result).filter((n) => n !== "");
      if (!names.length) return;
      event.preventDefault();
      checked.current = new Set([...checked.current, ...names]);
      setErrors(result);
      setSubmitted(true);
      const first = names.map((n) => event.currentTarget.querySelector<HTMLElement>(`[name="${CSS.escape(n)}"]`)).find(Boolean);
      first?.focus();
    },
  };

  function field(name: string): Field {
    const fieldId = `${id}-${name}`;
    return {
      id: fieldId,
      name,
      formId: id,
      errorId: `${fieldId}-error`,
      errors: errors[name],
      initialValue: serialize(valueAt(initial, name)),
      ...constraint[name.replace(/\[\d+\]/g, "[]")],
    };
  }

  /** The rows of a list field (work history): keyed so that removing one keeps what the others hold. */
  function list(name: string, minRows = 0) {
    const stored = valueAt(initial, name);
    const count = Math.max(minRows, Array.isArray(stored) ? stored.length : 0);
    // `from`: the row's index in the values the page started with (null: added here, starts empty).
    const rows = lists[name] ?? Array.from({ length: count }, (_, i) => ({ key: i, from: i as number | null }));
    const change = (next: typeof rows) => {
      setLists((current) => ({ ...current, [name]: next }));
      // Messages of rows are by index; after a row moves they would sit on the wrong row.
      setErrors((current) => Object.fromEntries(Object.entries(current).filter(([k]) => !k.startsWith(`${name}[`))));
    };
    const intent = (value: object, next: () => typeof rows) => ({
      type: "submit" as const,
      // Conform's intent button: without JavaScript the server adds or removes the row (parseWithZod reads it).
      name: "__intent__",
      value: JSON.stringify(value),
      formNoValidate: true,
      onClick: (event: MouseEvent) => {
        event.preventDefault();
        change(next());
      },
    });
    return {
      rows: rows.map((row, index) => ({
        // A server answer starts a new generation: every row re-mounts with the values it sent back.
        key: `${generation}.${row.key}`,
        field: (sub: string) => ({ ...field(`${name}[${index}].${sub}`), initialValue: row.from === null ? undefined : serialize(valueAt(initial, `${name}[${row.from}].${sub}`)) }),
      })),
      insertButton: (defaultValue: Record<string, string>) =>
        intent({ type: "insert", payload: { name, defaultValue } }, () => [...rows, { key: rows.reduce((max, r) => Math.max(max, r.key), -1) + 1, from: null }]),
      removeButton: (index: number) => intent({ type: "remove", payload: { name, index } }, () => rows.filter((_, i) => i !== index)),
    };
  }

  const fields = new Proxy({} as { [K in keyof Shape]-?: Field }, { get: (_, name) => field(String(name)) });
  return {
    form: { id, props, errors: errors[""], status: submitted && Object.keys(errors).length ? ("error" as const) : undefined, allErrors: errors, list },
    fields,
  };
}
