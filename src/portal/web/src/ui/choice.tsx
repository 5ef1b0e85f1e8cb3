import type { ComponentChildren } from "preact";
import { Field } from "./field";

export interface Option<T extends string> {
  value: T;
  label: string;
}

/** A labelled `<select>` with its help and error (see Field). */
export function Select<T extends string>(props: {
  label: string;
  id: string;
  value: T;
  options: Option<T>[];
  onChange(value: T): void;
  placeholder?: string;
  required?: boolean;
  error?: string;
  help?: string;
}) {
  return (
    <Field label={props.label} id={props.id} required={props.required} error={props.error} help={props.help}>
      {(a) => (
        <select {...a} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as T)}>
          {props.placeholder ? <option value="">{props.placeholder}</option> : null}
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A labelled radio group: each choice is a native radio, so arrow keys move between them. */
export function Radios<T extends string>(props: {
  label: string;
  name: string;
  value: T;
  options: Option<T>[];
  onChange(value: T): void;
  children?: ComponentChildren;
}) {
  const labelId = `${props.name}-label`;
  return (
    <div class="field" role="radiogroup" aria-labelledby={labelId}>
      <span id={labelId} class="label">
        {props.label}
      </span>
      <div class="control radios">
        {props.options.map((o) => (
          <label key={o.value}>
            <input
              type="radio"
              name={props.name}
              checked={props.value === o.value}
              onChange={() => props.onChange(o.value)}
            />{" "}
            {o.label}
          </label>
        ))}
        {props.children}
      </div>
    </div>
  );
}

/** The Project details every create flow starts with: subscription, resource group, region. */
export function ProjectFields(props: {
  prefix: string;
  subscriptions: { subscriptionId: string; displayName: string }[];
  groups: { name: string }[];
  locations?: { name: string; displayName: string }[];
  value: { subscriptionId: string; resourceGroup: string; location: string };
  onChange(patch: Partial<{ subscriptionId: string; resourceGroup: string; location: string }>): void;
  errors?: Partial<Record<"resourceGroup" | "location", string>>;
  between?: ComponentChildren;
}) {
  const locations = props.locations ?? [{ name: "westeurope", displayName: "West Europe" }];
  return (
    <>
      <Select
        label="Subscription"
        id={`${props.prefix}subscription`}
        required
        value={props.value.subscriptionId}
        options={props.subscriptions.map((s) => ({
          value: s.subscriptionId,
          label: `${s.displayName} (${s.subscriptionId})`,
        }))}
        onChange={(subscriptionId) => props.onChange({ subscriptionId })}
      />
      <Select
        label="Resource group"
        id={`${props.prefix}resource-group`}
        required
        error={props.errors?.resourceGroup}
        value={props.value.resourceGroup}
        options={props.groups.map((g) => ({ value: g.name, label: g.name }))}
        onChange={(resourceGroup) => props.onChange({ resourceGroup })}
      />
      {props.between}
      <Select
        label="Region"
        id={`${props.prefix}region`}
        required
        error={props.errors?.location}
        value={props.value.location}
        options={locations.map((l) => ({ value: l.name, label: l.displayName }))}
        onChange={(location) => props.onChange({ location })}
      />
    </>
  );
}
