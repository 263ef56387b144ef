/**
 * Serialises spec JSON that may hold another library copy's `PyFloat` wrappers, keeping Python float
 * spellings (`1.0`) so spec versions survive the trip; `parsePythonJson` reads the text back.
 * Floats are recognised by shape (`toPython()` plus a numeric `value`), not by class.
 *
 * @example
 * pythonJsonText({ a: [1, "x", null] }); // '{"a":[1,"x",null]}'
 */
export function pythonJsonText(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Number.isFinite(value) ? JSON.stringify(value) : String(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value)) return `[${value.map(pythonJsonText).join(",")}]`;
  if (typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if (typeof obj.toPython === "function" && typeof obj.value === "number") {
      return String((obj.toPython as () => unknown).call(value));
    }
    if (typeof obj.toJSON === "function") return pythonJsonText((obj.toJSON as () => unknown).call(value));
    const entries = Object.entries(obj).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${pythonJsonText(v)}`).join(",")}}`;
  }
  return "null";
}
