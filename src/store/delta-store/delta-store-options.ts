import { InvalidArgumentError } from "../../errors.js";
import type { BaseStoreOptions } from "../base-store.js";
import type { StorageOptions } from "../io/s3-options.js";

/**
 * Where feature tables live under the root (Python's `layout`): `nested` puts `a/b` at
 * `{root}/a/b.delta`, `flat` at `{root}/a__b.delta` (the key's table name).
 *
 * @example
 * const layout: DeltaLayout = "flat";
 */
export type DeltaLayout = "nested" | "flat";

/**
 * Options of `new DeltaMetadataStore(...)`: Python's `DeltaMetadataStoreConfig` fields in camelCase
 * plus the common store options.
 *
 * @example
 * const options: DeltaMetadataStoreOptions = {
 *   graph, rootPath: "s3://bucket/metaxy", layout: "nested",
 *   storageOptions: { AWS_REGION: "eu-west-1" },
 * };
 */
export interface DeltaMetadataStoreOptions extends BaseStoreOptions {
  /** A local directory (relative paths resolve against the working directory, `~` expands), `file://`, `local://` or `s3://bucket/prefix`. */
  readonly rootPath: string;
  /** Table layout under the root. Default `"nested"`. */
  readonly layout?: DeltaLayout;
  /** delta-rs style storage options (`AWS_REGION`, `AWS_ENDPOINT_URL`, `AWS_ALLOW_HTTP`…). */
  readonly storageOptions?: Readonly<Record<string, unknown>>;
  /**
   * Python's `delta_write_options`, accepted so a Python `metaxy.toml` works: `mode` must be
   * `"append"` and `schema_mode` `"merge"` when given (the only way this store writes); any other
   * key is ignored with a process warning.
   */
  readonly deltaWriteOptions?: Readonly<Record<string, unknown>>;
}

/**
 * The validated, normalised Delta-specific options.
 *
 * @example
 * const { rootPath, layout, storageOptions }: CheckedDeltaOptions = checkDeltaOptions(options);
 */
export interface CheckedDeltaOptions {
  readonly rootPath: string;
  readonly layout: DeltaLayout;
  readonly storageOptions: StorageOptions;
}

const WRITE_OPTION_VALUES: Readonly<Record<string, string>> = { mode: "append", schema_mode: "merge" };

/**
 * Checks the Delta-specific options (InvalidArgumentError naming the option and value) and warns
 * about `deltaWriteOptions` keys this store does not use.
 *
 * @example
 * checkDeltaOptions({ graph, rootPath: "./metadata" }); // { rootPath: "./metadata", layout: "nested", storageOptions: {} }
 */
export function checkDeltaOptions(options: DeltaMetadataStoreOptions): CheckedDeltaOptions {
  if (typeof options.rootPath !== "string" || options.rootPath.trim() === "") {
    throw new InvalidArgumentError(
      `delta store: rootPath must be a non-empty path or URI, got ${JSON.stringify(options.rootPath)}`,
    );
  }
  const layout = options.layout ?? "nested";
  if (layout !== "nested" && layout !== "flat") {
    throw new InvalidArgumentError(
      `delta store: layout must be "nested" or "flat", got ${JSON.stringify(layout)}`,
    );
  }
  const storageOptions: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(options.storageOptions ?? {})) {
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      throw new InvalidArgumentError(
        `delta store: storageOptions.${name} must be a string, number or boolean, got ${typeof value}`,
      );
    }
    storageOptions[name] = value;
  }
  const ignored: string[] = [];
  for (const [name, value] of Object.entries(options.deltaWriteOptions ?? {})) {
    const required = WRITE_OPTION_VALUES[name];
    if (required === undefined) ignored.push(name);
    else if (value !== required) {
      throw new InvalidArgumentError(
        `delta store: deltaWriteOptions.${name} must be "${required}" (this store only appends with schema merge), got ${JSON.stringify(value)}`,
      );
    }
  }
  if (ignored.length > 0) {
    process.emitWarning(`delta store: deltaWriteOptions ${ignored.join(", ")} are not used by this store`, {
      code: "METAXY_DELTA_WRITE_OPTIONS_IGNORED",
    });
  }
  return { rootPath: options.rootPath, layout, storageOptions };
}
