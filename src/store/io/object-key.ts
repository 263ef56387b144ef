import { InvalidArgumentError } from "../../errors.js";

/**
 * Marks a local staging file (`<name>.~tmp~<random>`). Keys may not contain it, so `list` can skip
 * staging files without ever hiding a real object.
 *
 * @example
 * name.includes(TEMP_MARKER); // true for "00.json.~tmp~1f2e3d4c5b6a7988"
 */
export const TEMP_MARKER = ".~tmp~";

/**
 * Rejects keys that cannot name one object on every backend: empty, leading `/`, empty or `.`/`..`
 * segments (they would escape or alias paths on disk), NUL, or the local staging marker.
 *
 * @example
 * checkObjectKey("_delta_log/00000000000000000000.json", "put"); // ok
 * checkObjectKey("../etc/passwd", "get"); // throws InvalidArgumentError
 */
export function checkObjectKey(key: string, operation: string): void {
  const problem = keyProblem(key);
  if (problem !== null) {
    throw new InvalidArgumentError(
      `object store: ${operation} key ${JSON.stringify(key)} is invalid: ${problem}`,
    );
  }
}

/**
 * Rejects list prefixes that could not prefix a valid key. An empty prefix (everything) and a
 * trailing `/` (a "directory") are fine.
 *
 * @example
 * checkListPrefix("_delta_log/"); // ok
 */
export function checkListPrefix(prefix: string): void {
  if (prefix === "") return;
  const problem = keyProblem(prefix.endsWith("/") ? `${prefix}x` : prefix, true);
  if (problem !== null) {
    throw new InvalidArgumentError(
      `object store: list prefix ${JSON.stringify(prefix)} is invalid: ${problem}`,
    );
  }
}

function keyProblem(key: string, partialLast = false): string | null {
  if (key === "") return "keys must not be empty";
  if (key.startsWith("/")) return "keys are relative and must not start with /";
  if (key.includes("\0")) return "keys must not contain NUL";
  if (key.includes(TEMP_MARKER)) return `keys must not contain ${TEMP_MARKER} (local staging files)`;
  const parts = key.split("/");
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    // A prefix may end inside a segment ("a/.": every key under "a/" starting with "."), so only
    // whole segments are checked for dot names.
    const whole = !(partialLast && i === parts.length - 1);
    if (part === "") return "keys must not contain empty segments (//) or end with /";
    if (whole && (part === "." || part === "..")) return "keys must not contain . or .. segments";
  }
  return null;
}

/**
 * Orders keys by Unicode code point, which is the UTF-8 byte order S3 lists in. Plain `<` compares
 * UTF-16 code units and would put U+E000–U+FFFF after astral characters.
 *
 * @example
 * ["b", "a/c", "a"].sort(compareObjectKeys); // ["a", "a/c", "b"]
 */
export function compareObjectKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate stands for a code point above U+FFFF, so it sorts after every other code unit.
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy) return sx ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
