/**
 * The small slice of object storage a Delta store needs. Local disk and S3-compatible servers both
 * implement it; the Delta code never imports `node:fs` or an HTTP client. Keys are `/`-separated
 * paths relative to the store's root, never starting with `/`.
 */
export interface ObjectStore {
  /** Human-readable location without credentials, e.g. `s3://bucket/prefix` or `/abs/path`. */
  readonly display: string;

  /** Whole object, or `null` when it does not exist. */
  get(key: string): Promise<Uint8Array | null>;

  /** Bytes `[start, end)` of an object (explicit range; never a suffix range). */
  getRange(key: string, start: number, end: number): Promise<Uint8Array>;

  /** Size in bytes, or `null` when it does not exist. */
  head(key: string): Promise<{ readonly size: number } | null>;

  /** Creates or replaces an object. */
  put(key: string, body: Uint8Array): Promise<void>;

  /**
   * Creates an object only if it does not exist yet (local: exclusive create/link; S3:
   * `If-None-Match: *`). Resolves `true` when written, `false` when the key already existed.
   */
  putIfAbsent(key: string, body: Uint8Array): Promise<boolean>;

  /** Every object whose key starts with `prefix`, with sizes, in lexicographic key order. */
  list(prefix: string): Promise<readonly ObjectInfo[]>;

  /** Removes an object; a missing object is not an error. */
  delete(key: string): Promise<void>;
}

/** One listed object. */
export interface ObjectInfo {
  readonly key: string;
  readonly size: number;
}
