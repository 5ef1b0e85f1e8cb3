import { buildId, RESOURCE_GROUP_TYPE } from "../../world/index.js";
import type { ImportLog } from "../import-log.js";
import { isObject, type Json, linesOfKey } from "../json-text.js";
import type { RawResource } from "./raw-resource.js";
import { type ExpressionScope, evaluate } from "./template-expression.js";

/** Where the resources of an ARM template go: a template does not name its resource group. */
export interface TemplatePlacement {
  subscriptionId: string;
  resourceGroup: string;
  location: string;
}

/** An ARM template: `$schema` naming a deployment template, or `contentVersion` with `resources` [ARM-TEMPLATE]. */
export function isArmTemplate(value: unknown): boolean {
  if (!isObject(value)) return false;
  const schema = typeof value.$schema === "string" ? value.$schema : "";
  return (
    /deploymentTemplate/i.test(schema) || (typeof value.contentVersion === "string" && Array.isArray(value.resources))
  );
}

/** Replaces every `[expression]` string in a value; `[[` escapes a literal `[` [ARM-TEMPLATE]. */
function resolveDeep(v: unknown, scope: ExpressionScope): unknown {
  if (typeof v === "string") {
    if (v.startsWith("[[")) return v.slice(1);
    return v.startsWith("[") && v.endsWith("]") ? evaluate(v, scope) : v;
  }
  if (Array.isArray(v)) return v.map((x) => resolveDeep(x, scope));
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolveDeep(x, scope)]));
  return v;
}

/**
 * The resources of an ARM template as `az group export` writes it: parameters take their
 * `defaultValue`, expressions are evaluated, nested `resources` are children of their
 * parent. A resource whose expressions cannot be evaluated is a problem at its line.
 *
 * @example
 * armTemplateResources(template, text, "export.json", log, { subscriptionId, resourceGroup: "rg", location: "westeurope" })
 */
export function armTemplateResources(
  template: Json,
  text: string,
  file: string,
  log: ImportLog,
  at: TemplatePlacement,
): RawResource[] {
  const parameters: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(isObject(template.parameters) ? template.parameters : {})) {
    if (isObject(p) && "defaultValue" in p) parameters[k] = p.defaultValue;
  }
  const scope: ExpressionScope = { parameters, variables: {}, ...at };
  for (const [k, v] of Object.entries(isObject(template.variables) ? template.variables : {})) {
    try {
      scope.variables[k] = resolveDeep(v, scope);
    } catch {
      // A variable that cannot be evaluated fails the resources that use it, at their line.
    }
  }
  const lines = linesOfKey(text, "name");
  const out: RawResource[] = [
    {
      id: `/subscriptions/${at.subscriptionId}/resourceGroups/${at.resourceGroup}`,
      type: RESOURCE_GROUP_TYPE,
      name: at.resourceGroup,
      location: at.location,
      properties: {},
      file,
      line: 1,
    },
  ];
  const walk = (items: unknown, parent?: { type: string; name: string }) => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      if (!isObject(item)) continue;
      const rawName = typeof item.name === "string" ? item.name : "";
      const line = lines.get(rawName.toLowerCase()) ?? 1;
      try {
        const name = String(resolveDeep(item.name, scope));
        const rawType = String(item.type ?? "");
        const type = parent ? `${parent.type}/${rawType}` : rawType;
        const fullName = parent ? `${parent.name}/${name}` : name;
        const [namespace, ...types] = type.split("/");
        const names = fullName.split("/");
        if (!namespace || types.length === 0 || types.length !== names.length) {
          log.problem(file, line, `a 'type' and a 'name' with as many segments`, `'${type}' and '${fullName}'`);
          continue;
        }
        const resolved = resolveDeep(
          { location: item.location, kind: item.kind, properties: item.properties },
          scope,
        ) as Json;
        out.push({
          id: buildId({ subscriptionId: at.subscriptionId, resourceGroup: at.resourceGroup, namespace, types, names }),
          type,
          name: names[names.length - 1],
          ...(typeof resolved.location === "string" ? { location: resolved.location } : {}),
          ...(typeof resolved.kind === "string" ? { kind: resolved.kind } : {}),
          properties: isObject(resolved.properties) ? resolved.properties : {},
          file,
          line,
        });
        walk(item.resources, { type, name: fullName });
      } catch (error) {
        log.problem(
          file,
          line,
          `a template expression arclink evaluates: ${(error as Error).message}`,
          JSON.stringify(rawName),
        );
      }
    }
  };
  walk(template.resources);
  return out;
}
