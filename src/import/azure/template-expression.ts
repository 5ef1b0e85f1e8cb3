import { buildId } from "../../world/index.js";

/** What a template expression may refer to. */
export interface ExpressionScope {
  parameters: Record<string, unknown>;
  variables: Record<string, unknown>;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
}

export class ExpressionError extends Error {}

type Token = { kind: "ident" | "string" | "number" | "punct"; value: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) i++;
    else if (c === "'") {
      let s = "";
      i++;
      for (;;) {
        if (i >= src.length) throw new ExpressionError("an unterminated string");
        if (src[i] === "'" && src[i + 1] === "'") {
          s += "'";
          i += 2;
        } else if (src[i] === "'") {
          i++;
          break;
        } else s += src[i++];
      }
      out.push({ kind: "string", value: s });
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))![0];
      out.push({ kind: "ident", value: m });
      i += m.length;
    } else if (/[0-9-]/.test(c)) {
      const m = /^-?\d+/.exec(src.slice(i))?.[0];
      if (!m) throw new ExpressionError(`a value at '${src.slice(i, i + 10)}'`);
      out.push({ kind: "number", value: m });
      i += m.length;
    } else if ("(),.[]".includes(c)) {
      out.push({ kind: "punct", value: c });
      i++;
    } else throw new ExpressionError(`a function, string or number at '${src.slice(i, i + 10)}'`);
  }
  return out;
}

/**
 * Evaluates the subset of ARM template expressions `az group export` writes
 * [ARM-TEMPLATE-FUNCTIONS]: `parameters`, `variables`, `resourceId`, `concat`, `format`,
 * `toLower`, `string`, `resourceGroup()`, `subscription()` and member access.
 *
 * @example
 * evaluate("[resourceId('Microsoft.Network/virtualNetworks', parameters('n'))]", scope)
 */
export function evaluate(expression: string, scope: ExpressionScope): unknown {
  const tokens = tokenize(expression.slice(1, -1));
  let pos = 0;
  const peek = () => tokens[pos];
  const expect = (value: string) => {
    const t = tokens[pos++];
    if (!t || t.value !== value) throw new ExpressionError(`'${value}'`);
  };
  const primary = (): unknown => {
    const t = tokens[pos++];
    if (!t) throw new ExpressionError("a value");
    if (t.kind === "string") return t.value;
    if (t.kind === "number") return Number(t.value);
    if (t.kind !== "ident") throw new ExpressionError(`a value before '${t.value}'`);
    expect("(");
    const args: unknown[] = [];
    while (peek() && peek().value !== ")") {
      args.push(value());
      if (peek()?.value === ",") pos++;
    }
    expect(")");
    return call(t.value, args, scope);
  };
  const value = (): unknown => {
    let v = primary();
    while (peek() && (peek().value === "." || peek().value === "[")) {
      if (tokens[pos++].value === ".") {
        const name = tokens[pos++];
        if (name?.kind !== "ident") throw new ExpressionError("a member name after '.'");
        v = (v as Record<string, unknown> | undefined)?.[name.value];
      } else {
        const index = value();
        expect("]");
        v = (v as Record<string, unknown> | undefined)?.[String(index)];
      }
    }
    return v;
  };
  const result = value();
  if (pos !== tokens.length) throw new ExpressionError(`the end of the expression at '${tokens[pos].value}'`);
  return result;
}

function call(name: string, args: unknown[], scope: ExpressionScope): unknown {
  const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : JSON.stringify(v));
  switch (name.toLowerCase()) {
    case "parameters":
    case "variables": {
      const table = name.toLowerCase() === "parameters" ? scope.parameters : scope.variables;
      const key = Object.keys(table).find((k) => k.toLowerCase() === String(args[0]).toLowerCase());
      if (key === undefined) throw new ExpressionError(`a defined ${name.slice(0, -1)} '${String(args[0])}'`);
      return table[key];
    }
    case "concat":
      return args.every(Array.isArray) ? args.flat() : args.map(str).join("");
    case "format":
      return str(args[0]).replace(/\{(\d+)\}/g, (_m, i: string) => str(args[Number(i) + 1]));
    case "tolower":
      return str(args[0]).toLowerCase();
    case "string":
      return str(args[0]);
    case "resourcegroup":
      return {
        name: scope.resourceGroup,
        location: scope.location,
        id: `/subscriptions/${scope.subscriptionId}/resourceGroups/${scope.resourceGroup}`,
      };
    case "subscription":
      return { subscriptionId: scope.subscriptionId, id: `/subscriptions/${scope.subscriptionId}` };
    case "resourceid":
      return resourceId(args.map(str), scope);
    default:
      throw new ExpressionError(
        `a supported function (parameters, variables, resourceId, concat, format, toLower, string, resourceGroup, subscription), not '${name}'`,
      );
  }
}

function resourceId(args: string[], scope: ExpressionScope): string {
  const typeAt = args.findIndex((a) => /^[A-Za-z]+\.[A-Za-z.]+\//.test(a));
  if (typeAt < 0) throw new ExpressionError("a resource type in resourceId()");
  const before = args.slice(0, typeAt);
  const subscriptionId = before.length === 2 ? before[0] : scope.subscriptionId;
  const resourceGroup = before.length >= 1 ? before[before.length - 1] : scope.resourceGroup;
  const [namespace, ...types] = args[typeAt].split("/");
  const names = args.slice(typeAt + 1);
  if (names.length !== types.length) throw new ExpressionError(`${types.length} name(s) for type '${args[typeAt]}'`);
  return buildId({ subscriptionId, resourceGroup, namespace, types, names });
}
