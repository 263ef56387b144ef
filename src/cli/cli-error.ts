import { FeatureNotFoundError, InvalidKeyError, MetaxyError } from "../errors.js";

/**
 * The `"error"` codes of the CLI's JSON error objects (Python Metaxy's, unchanged).
 *
 * @example
 * const code: CliErrorCode = "MISSING_REQUIRED_FLAG";
 */
export type CliErrorCode =
  | "CONFLICTING_FLAGS"
  | "FEATURES_NOT_FOUND"
  | "GENERIC_ERROR"
  | "INVALID_FEATURE_KEY"
  | "MISSING_CONFIRMATION"
  | "MISSING_REQUIRED_FLAG"
  | "NO_FEATURES"
  | "SNAPSHOT_ERROR"
  | "SNAPSHOT_LOAD_FAILED";

/**
 * A command failure the CLI reports itself: exit code 1, and with `--format json` the object
 * `{"error": code, "message": ..., ...details}` on stdout.
 *
 * @example
 * throw new CliError("MISSING_REQUIRED_FLAG", "metadata: pass feature keys or --all-features");
 */
export class CliError extends MetaxyError {
  /** Extra members of the JSON error object (e.g. `missing_features`). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: CliErrorCode,
    message: string,
    options: { readonly details?: Record<string, unknown>; readonly cause?: unknown } = {},
  ) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.details = options.details ?? {};
  }
}

/**
 * The JSON error object for any error: a `CliError` as is; unknown features and invalid keys with
 * their Python codes; anything else as `GENERIC_ERROR`.
 *
 * @example
 * errorObject(new FeatureNotFoundError("graph: ...")); // { error: "FEATURES_NOT_FOUND", message: "graph: ..." }
 */
export function errorObject(error: unknown): Record<string, unknown> {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof CliError) return { error: error.code, message, ...error.details };
  if (error instanceof FeatureNotFoundError) return { error: "FEATURES_NOT_FOUND", message };
  if (error instanceof InvalidKeyError) return { error: "INVALID_FEATURE_KEY", message };
  return { error: "GENERIC_ERROR", message };
}
