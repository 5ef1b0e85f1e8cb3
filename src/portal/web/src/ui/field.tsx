import type { ComponentChildren } from "preact";

let next = 0;
const ids = new WeakMap<object, string>();

/** A labelled control with its help and its error, tied together by ids for screen readers. */
export function Field(props: {
  label: string;
  id: string;
  error?: string;
  help?: string;
  required?: boolean;
  children: (a11y: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => ComponentChildren;
}) {
  const described = [props.help ? `${props.id}-help` : "", props.error ? `${props.id}-error` : ""].filter(Boolean);
  return (
    <div class={`field${props.error ? " has-error" : ""}`}>
      <label for={props.id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <div class="control">
        {props.children({
          id: props.id,
          "aria-invalid": props.error ? true : undefined,
          "aria-describedby": described.length ? described.join(" ") : undefined,
        })}
        {props.help ? (
          <p class="help" id={`${props.id}-help`}>
            {props.help}
          </p>
        ) : null}
        {props.error ? (
          <p class="error" id={`${props.id}-error`} role="alert">
            {props.error}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** A stable id for an object (for keys of rows without one). */
export function uid(o: object): string {
  let id = ids.get(o);
  if (!id) {
    id = `u${++next}`;
    ids.set(o, id);
  }
  return id;
}
