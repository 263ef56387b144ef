import type { Data, Utf8, Vector } from "apache-arrow";
import type { ParquetDecoder } from "./parquet-decoder.js";

/** Record-level hash algorithms, named as in Python Metaxy's `HashAlgorithm`. */
export type HashAlgorithm = "xxhash32" | "xxhash64" | "wyhash" | "md5" | "sha256";

/** Every supported algorithm, in Python's enum order. */
export const HASH_ALGORITHMS: readonly HashAlgorithm[] = ["xxhash64", "xxhash32", "wyhash", "sha256", "md5"];

/** Any Arrow column: a Vector (possibly multi-chunk, possibly sliced) or a single Data chunk. */
export type Column = Vector | Data;

/**
 * One part of a row pre-image: a string column (Utf8, LargeUtf8 or Utf8View), or a literal that is
 * the same on every row. `nullAs` replaces a null cell of that column (Python fills optional deps with
 * `""`); without it a null cell makes the whole row's hash null.
 */
export type PreimagePart =
  | { readonly column: Column; readonly nullAs?: string }
  | { readonly literal: string };

/** Options of {@link Kernels.hashRows}. */
export interface HashRowsOptions {
  /** Written between consecutive parts; Metaxy uses `"|"`. */
  readonly separator: string;
  /** Keep the first N characters of the rendered hash; `null` keeps all. */
  readonly truncation: number | null;
}

/** Join kinds over key columns. Null keys never match. */
export type JoinKind = "inner" | "left" | "full" | "anti" | "semi";

/**
 * Row-index pairs of a join. `left[i]` and `right[i]` form pair i; `-1` marks the missing side of an
 * outer row. Order (identical in every kernel set): left rows ascending, each with its matches in
 * ascending right order (a left/full join emits an unmatched left row once, with right -1); a full join
 * then appends unmatched right rows ascending (left -1). `anti` and `semi` return left rows ascending
 * and an empty `right`.
 */
export interface JoinResult {
  readonly left: Int32Array;
  readonly right: Int32Array;
}

/**
 * The vectorised hot loops. Two implementations (native Rust and portable TypeScript) return
 * bit-identical results for the same input; callers never depend on which one runs.
 */
export interface Kernels {
  /** Which implementation this is. */
  readonly kind: "native" | "portable";

  /**
   * Per row: join the parts with the separator, hash the UTF-8 bytes, render (unsigned decimal for
   * xxhash32/xxhash64/wyhash, lowercase hex for md5/sha256), truncate. Any null part (without
   * `nullAs`) gives a null output row. Returns a Utf8 vector of `length` rows.
   * `length` is required when every part is a literal; otherwise it must equal the columns' length.
   */
  hashRows(
    algorithm: HashAlgorithm,
    parts: readonly PreimagePart[],
    options: HashRowsOptions,
    length?: number,
  ): Vector<Utf8>;

  /**
   * Hash join of `leftKeys` against `rightKeys` (same number of columns; each pair both integer —
   * any width or signedness, compared by value — or both string — Utf8/LargeUtf8/Utf8View, compared
   * by bytes). A row with a null in any key column matches nothing.
   */
  join(leftKeys: readonly Column[], rightKeys: readonly Column[], kind: JoinKind): JoinResult;

  /**
   * Indices (ascending) of the row kept per distinct key tuple: the one with the greatest `orderBy`
   * (Int64 or Timestamp; nulls order first). Ties go to the later row position. Null key values form
   * their own group (as Polars `group_by` does).
   */
  keepLatest(keys: readonly Column[], orderBy: Column): Int32Array;

  /**
   * Window concatenation for aggregation lineage: for every row, the non-null `values` of its group
   * (rows sharing all `groupKeys`; null is a key value), ordered ascending by `orderKeys` (typed:
   * integers numerically, strings by bytes, nulls first; ties by row position), joined with the
   * separator. One output per input row; a group with no non-null value gives `""`.
   */
  groupConcat(
    groupKeys: readonly Column[],
    orderKeys: readonly Column[],
    values: Column,
    separator: string,
  ): Vector<Utf8>;

  /** Gather rows by index; `-1` gives null. Works for fixed-width and string columns. */
  take(column: Column, indices: Int32Array): Vector;

  /**
   * A Parquet page decoder for the Delta store's reads, or null when this set has none (the store
   * then decodes with parquet-wasm; both give the same tables).
   */
  readonly parquet: ParquetDecoder | null;
}
