import { MetaxyError, ObjectStoreError } from "../../errors.js";

/**
 * The `code` of a Node system error (`ENOENT`, `EEXIST`…), or `undefined`.
 *
 * @example
 * errorCode(await stat("/nope").catch((e) => e)); // "ENOENT"
 */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Codes that mean "no object at this key": missing file, or a path through or onto a non-file. */
const ABSENT = new Set(["ENOENT", "ENOTDIR", "EISDIR"]);

/**
 * True when a filesystem error only says that the object does not exist.
 *
 * @example
 * isAbsent(await readFile("/nope").catch((e) => e)); // true
 */
export function isAbsent(error: unknown): boolean {
  return ABSENT.has(errorCode(error) ?? "");
}

/**
 * Wraps a filesystem failure as an `ObjectStoreError` naming the operation, key and store root.
 * Errors that already are ours (`MetaxyError`) pass through unchanged.
 *
 * @example
 * throw localFailure("put", "a/b.json", "/data/store", error);
 */
export function localFailure(operation: string, key: string, display: string, error: unknown): Error {
  if (error instanceof MetaxyError) return error;
  const code = errorCode(error) ?? (error instanceof Error ? error.name : "unknown error");
  return new ObjectStoreError(
    `object store: ${operation} ${JSON.stringify(key)} in ${display} failed: ${code}`,
    { cause: error },
  );
}
