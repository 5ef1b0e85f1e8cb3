import { ArmError } from "../../../rules/errors.js";

/**
 * Shape checks of request bodies: each names the property path and the value found,
 * so a mistyped property is refused with a clear message, never silently coerced.
 */
export function optionalString(value: unknown, path: string, maxLength?: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    throw new ArmError(
      "InvalidRequestContent",
      `The property '${path}' must be a string, not ${JSON.stringify(value)}.`,
      path,
    );
  }
  if (maxLength !== undefined && value.length > maxLength) {
    throw new ArmError(
      "InvalidParameter",
      `The property '${path}' is ${value.length} characters long; at most ${maxLength} are allowed.`,
      path,
    );
  }
  return value;
}

export function requiredString(value: unknown, path: string, maxLength?: number): string {
  const s = optionalString(value, path, maxLength);
  if (s === undefined) throw new ArmError("InvalidRequestContent", `The property '${path}' is required.`, path);
  return s;
}

export function optionalObject(value: unknown, path: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new ArmError(
      "InvalidRequestContent",
      `The property '${path}' must be a JSON object, not ${JSON.stringify(value)}.`,
      path,
    );
  }
  return value as Record<string, unknown>;
}

export function optionalArray(value: unknown, path: string): unknown[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    throw new ArmError(
      "InvalidRequestContent",
      `The property '${path}' must be a JSON array, not ${JSON.stringify(value)}.`,
      path,
    );
  }
  return value;
}

/** An enum value, matched case-insensitively as ARM does, returned in its canonical case. */
export function optionalEnum<T extends string>(value: unknown, allowed: readonly T[], path: string): T | undefined {
  const s = optionalString(value, path);
  if (s === undefined) return undefined;
  const match = allowed.find((a) => a.toLowerCase() === s.toLowerCase());
  if (!match) {
    throw new ArmError(
      "InvalidParameter",
      `The value '${s}' of '${path}' is not allowed; allowed values are ${allowed.map((a) => `'${a}'`).join(", ")}.`,
      path,
    );
  }
  return match;
}

/** Throws the error a check returned, if any. */
export function must(error: ArmError | undefined): void {
  if (error) throw error;
}
