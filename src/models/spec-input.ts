import { InvalidSpecError } from "../errors.js";
import { describeInput } from "./key.js";

/**
 * Small checks shared by the spec constructors. Every failure is an `InvalidSpecError` whose message
 * starts with `specs:` and names where the bad value sits (`where`, e.g. `feature "a/b" dep 0`).
 * @internal
 */
export function expectObject(value: unknown, where: string): Readonly<Record<string, unknown>> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InvalidSpecError(`specs: ${where} must be an object, got ${describeInput(value)}`);
  }
  return value as Readonly<Record<string, unknown>>;
}

/**
 * Rejects keys outside `allowed` (Pydantic `extra="forbid"`); `hints` maps a likely mistake (a
 * snake_case name in TS input) to the right name.
 * @internal
 */
export function rejectUnknownKeys(
  obj: object,
  allowed: readonly string[],
  where: string,
  hints: Readonly<Record<string, string>> = {},
): void {
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key) || (obj as Record<string, unknown>)[key] === undefined) continue;
    const hint = hints[key] === undefined ? "" : ` (did you mean "${hints[key]}"?)`;
    throw new InvalidSpecError(
      `specs: unknown property "${key}" in ${where}${hint}; allowed: ${allowed.join(", ")}`,
    );
  }
}

/** A string. @internal */
export function expectString(value: unknown, where: string): string {
  if (typeof value !== "string") {
    throw new InvalidSpecError(`specs: ${where} must be a string, got ${describeInput(value)}`);
  }
  return value;
}

/** A boolean. @internal */
export function expectBoolean(value: unknown, where: string): boolean {
  if (typeof value !== "boolean") {
    throw new InvalidSpecError(`specs: ${where} must be a boolean, got ${describeInput(value)}`);
  }
  return value;
}

/** An array. @internal */
export function expectArray(value: unknown, where: string): readonly unknown[] {
  if (!Array.isArray(value)) {
    throw new InvalidSpecError(`specs: ${where} must be an array, got ${describeInput(value)}`);
  }
  return value;
}

/** An array of strings, copied and frozen. @internal */
export function expectStringList(value: unknown, where: string): readonly string[] {
  return Object.freeze(expectArray(value, where).map((item, i) => expectString(item, `${where}[${i}]`)));
}

/** A string → string record, copied into a frozen null-prototype object. @internal */
export function expectStringRecord(value: unknown, where: string): Readonly<Record<string, string>> {
  const obj = expectObject(value, where);
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(obj)) out[k] = expectString(v, `${where}["${k}"]`);
  return Object.freeze(out);
}
