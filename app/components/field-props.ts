/**
 * The attributes of a form control, from a field's metadata: id, name, constraint attributes, the
 * aria links to its message, and its starting value. Written here rather than taken from
 * @conform-to/react: esbuild puts that package in one shared chunk, so a page that imported only
 * its getInputProps loaded its whole useForm (~8 KiB). conform's FieldMetadata fits `Field`, so
 * pages using conform's useForm and pages using useLiveForm (live-form.tsx) share these controls.
 * Same output as conform's get*Props for what the site uses.
 */
export interface Field {
  id: string;
  name: string;
  errorId: string;
  formId: string;
  errors?: string[];
  initialValue?: unknown;
  key?: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  min?: string | number;
  max?: string | number;
  step?: string | number;
  pattern?: string;
  multiple?: boolean;
}

type Props = Record<string, unknown> & { id?: string };

function simplify<T extends Props>(props: T): T {
  for (const key in props) if (props[key] === undefined) delete props[key];
  return props;
}

function controlProps(field: Field, ariaDescribedBy?: string) {
  const invalid = field.errors !== undefined;
  return {
    id: field.id,
    name: field.name,
    form: field.formId,
    required: field.required || undefined,
    "aria-invalid": invalid || undefined,
    "aria-describedby": invalid ? `${field.errorId} ${ariaDescribedBy ?? ""}`.trim() : ariaDescribedBy,
  };
}

export function inputProps(field: Field, options: { type: string; ariaDescribedBy?: string }) {
  const props: Props = {
    ...controlProps(field, options.ariaDescribedBy),
    type: options.type,
    minLength: field.minLength,
    maxLength: field.maxLength,
    min: field.min,
    max: field.max,
    step: field.step,
    pattern: field.pattern,
    multiple: field.multiple,
  };
  if (options.type === "checkbox" || options.type === "radio") {
    props.value = "on";
    props.defaultChecked = Array.isArray(field.initialValue) ? field.initialValue.includes("on") : field.initialValue === "on";
  } else if (typeof field.initialValue === "string") {
    props.defaultValue = field.initialValue;
  }
  return simplify(props);
}

export function selectProps(field: Field, options: { ariaDescribedBy?: string } = {}) {
  const value = field.initialValue;
  return simplify({
    ...controlProps(field, options.ariaDescribedBy),
    multiple: field.multiple,
    defaultValue: Array.isArray(value) ? value.map((v) => `${v ?? ""}`) : value == null ? undefined : String(value),
  });
}

export function textareaProps(field: Field, options: { ariaDescribedBy?: string } = {}) {
  const value = field.initialValue;
  return simplify({
    ...controlProps(field, options.ariaDescribedBy),
    minLength: field.minLength,
    maxLength: field.maxLength,
    defaultValue: value == null ? undefined : String(value),
  });
}

/** Checkboxes or radios sharing the field's name, one per option. */
export function collectionProps(field: Field, options: { type: "checkbox" | "radio"; options: string[] }) {
  const value = field.initialValue;
  return options.options.map((option) =>
    simplify({
      ...controlProps(field),
      key: `${field.key ?? ""}${option}`,
      id: `${field.id}-${option}`,
      type: options.type,
      value: option,
      defaultChecked: options.type === "checkbox" && Array.isArray(value) ? value.includes(option) : value === option,
      // Required on a checkbox group would ask for every box.
      required: options.type === "checkbox" ? undefined : field.required || undefined,
    }),
  );
}
