import {
  Bool,
  type DataType,
  Field,
  Float64,
  Int64,
  Map_,
  Null,
  Struct,
  TimestampMicrosecond,
  Utf8,
} from "apache-arrow";
import { MetadataSchemaError } from "../errors.js";
import { describeValue, isPlainObject, kindOf } from "./describe-value.js";

/**
 * Options of {@link inferType}.
 *
 * @example
 * inferType(values, METAXY_PROVENANCE_BY_FIELD, { asMap: true });
 */
export interface InferTypeOptions {
  /** Infer plain objects as Map<Utf8, Utf8> instead of Struct (only the `*_by_field` columns ask). */
  readonly asMap?: boolean;
}

const SUPPORTED = new Set(["number", "bigint", "string", "boolean", "Date", "object"]);

/**
 * The Arrow type of a column of JS values: integral numbers (within ±2^63) and bigints → Int64,
 * other numbers → Float64, string → Utf8, boolean → Bool, Date → Timestamp(µs, UTC), plain object → Struct
 * (recursively) or Map<Utf8, Utf8> with `asMap`, only null/undefined → Null. `path` names the column
 * in errors; a column mixing kinds, or holding an unsupported value, is a MetadataSchemaError.
 *
 * @example
 * inferType([1, 2.5, null], "score"); // Float64
 */
export function inferType(
  values: readonly unknown[],
  path: string,
  options: InferTypeOptions = {},
): DataType {
  let kind: string | null = null;
  let kindRow = -1;
  let floatRow = -1;
  let bigintRow = -1;
  let floatKind = "";
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (value == null) continue;
    const k = kindOf(value);
    if (!SUPPORTED.has(k)) {
      throw new MetadataSchemaError(
        `arrow: column "${path}" row ${row}: unsupported value ${describeValue(value)} of type ${k}`,
      );
    }
    if (k === "number" && floatRow < 0 && !fitsInt64(value as number)) {
      floatRow = row;
      floatKind = Number.isInteger(value) ? "number beyond Int64" : "non-integral number";
    }
    if (k === "bigint" && bigintRow < 0) bigintRow = row;
    const numeric = (k === "number" || k === "bigint") && (kind === "number" || kind === "bigint");
    if (kind === null) {
      kind = k;
      kindRow = row;
    } else if (k !== kind && !numeric) {
      throw new MetadataSchemaError(
        `arrow: column "${path}" mixes types: ${kind} at row ${kindRow}, ${k} at row ${row}`,
      );
    }
    if (floatRow >= 0 && bigintRow >= 0) {
      throw new MetadataSchemaError(
        `arrow: column "${path}" mixes types: bigint at row ${bigintRow}, ${floatKind} at row ${floatRow}`,
      );
    }
  }
  switch (kind) {
    case null:
      return new Null();
    case "number":
    case "bigint":
      return floatRow >= 0 ? new Float64() : new Int64();
    case "string":
      return new Utf8();
    case "boolean":
      return new Bool();
    case "Date":
      return new TimestampMicrosecond("UTC");
    default:
      return options.asMap ? inferMap(values, path) : inferStruct(values, path);
  }
}

/** Integral and inside ±2^63: the numbers the row rules make Int64 (others make the column Float64). */
function fitsInt64(value: number): boolean {
  return Number.isInteger(value) && value >= -(2 ** 63) && value < 2 ** 63;
}

function inferStruct(values: readonly unknown[], path: string): Struct {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    if (!isPlainObject(value)) continue;
    for (const key of Object.keys(value)) {
      if (!seen.has(key)) {
        seen.add(key);
        names.push(key);
      }
    }
  }
  const fields = names.map((name) => {
    const child = values.map((v) => (isPlainObject(v) ? v[name] : null));
    return new Field(name, inferType(child, `${path}.${name}`), true);
  });
  return new Struct(fields);
}

function inferMap(values: readonly unknown[], path: string): Map_<Utf8, Utf8> {
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (!isPlainObject(value)) continue;
    for (const [key, v] of Object.entries(value)) {
      if (v != null && typeof v !== "string") {
        throw new MetadataSchemaError(
          `arrow: column "${path}" row ${row}: map value for key "${key}" must be a string, got ${kindOf(v)} ${describeValue(v)}`,
        );
      }
    }
  }
  return utf8MapType();
}

/**
 * The Map<Utf8, Utf8> type used for `*_by_field` columns when `enable_map_datatype` is on: entries
 * named `entries`, a non-null `key` and a nullable `value`, as pyarrow writes it.
 *
 * @example
 * const t = utf8MapType(); // Map<{key:Utf8, value:Utf8}>
 */
export function utf8MapType(): Map_<Utf8, Utf8> {
  const entries = new Struct([new Field("key", new Utf8(), false), new Field("value", new Utf8(), true)]);
  return new Map_(new Field("entries", entries, false));
}
