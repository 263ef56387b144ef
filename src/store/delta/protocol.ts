import { DeltaProtocolError } from "../../errors.js";
import type { ProtocolAction } from "./actions.js";
import { containsType, type DeltaStructType, type DeltaType } from "./schema.js";

/** The only reader feature we implement. */
export const TIMESTAMP_NTZ = "timestampNtz";

/** Reader features we read correctly (reader version 3). */
export const SUPPORTED_READER_FEATURES: ReadonlySet<string> = new Set([TIMESTAMP_NTZ]);

/** Writer features we honour (writer version 7): append-only tables are refused removes. */
export const SUPPORTED_WRITER_FEATURES: ReadonlySet<string> = new Set([
  "appendOnly",
  "invariants",
  TIMESTAMP_NTZ,
]);

const READER_V2_WHY = "column mapping";

/**
 * Throws `DeltaProtocolError` unless we can read the table exactly: reader version 1, or 3 with
 * `readerFeatures` ⊆ {timestampNtz}. Version 2 (column mapping) and any other feature (deletion
 * vectors, v2 checkpoints…) are refused by name — never misread.
 *
 * @example
 * checkReadable({ minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ["deletionVectors"] }, "t");
 * // throws: delta: table t needs reader feature "deletionVectors", which is not supported …
 */
export function checkReadable(protocol: ProtocolAction, table: string): void {
  const v = protocol.minReaderVersion;
  if (v === 1) return;
  if (v === 2) {
    throw new DeltaProtocolError(
      `delta: table ${table} needs reader version 2 (${READER_V2_WHY}), which is not supported (supported: reader version 1, or 3 with features [${[...SUPPORTED_READER_FEATURES].join(", ")}])`,
    );
  }
  if (v === 3) {
    const features = protocol.readerFeatures ?? [];
    const missing = features.filter((f) => !SUPPORTED_READER_FEATURES.has(f));
    if (missing.length > 0) throw unsupportedFeatures(table, "reader", 3, missing, SUPPORTED_READER_FEATURES);
    return;
  }
  throw new DeltaProtocolError(`delta: table ${table} needs reader version ${v}, which is not supported`);
}

/**
 * Throws `DeltaProtocolError` unless we can also write the table: readable, writer version ≤ 2 or 7
 * with `writerFeatures` ⊆ {appendOnly, invariants, timestampNtz}, no column invariants (we cannot
 * evaluate their SQL) and no partition columns (we write unpartitioned files only).
 *
 * @example
 * checkWritable({ minReaderVersion: 1, minWriterVersion: 2 }, schema, "t"); // ok
 */
export function checkWritable(
  protocol: ProtocolAction,
  schema: DeltaStructType,
  table: string,
  partitionColumns: readonly string[] = [],
): void {
  checkReadable(protocol, table);
  if (partitionColumns.length > 0) {
    throw new DeltaProtocolError(
      `delta: table ${table} is partitioned by [${partitionColumns.join(", ")}]; writing partitioned tables is not supported (reading is)`,
    );
  }
  const v = protocol.minWriterVersion;
  if (v >= 3 && v <= 6) {
    throw new DeltaProtocolError(
      `delta: table ${table} needs writer version ${v} (check constraints, change data feed, generated or identity columns), which is not supported for writing`,
    );
  }
  if (v === 7) {
    const features = protocol.writerFeatures ?? [];
    const missing = features.filter((f) => !SUPPORTED_WRITER_FEATURES.has(f));
    if (missing.length > 0) throw unsupportedFeatures(table, "writer", 7, missing, SUPPORTED_WRITER_FEATURES);
  } else if (v > 7) {
    throw new DeltaProtocolError(`delta: table ${table} needs writer version ${v}, which is not supported`);
  }
  const invariant = findMetadataKey(schema, "delta.invariants", "");
  if (invariant !== null) {
    throw new DeltaProtocolError(
      `delta: table ${table} has a column invariant on "${invariant}", which is not supported for writing`,
    );
  }
}

function unsupportedFeatures(
  table: string,
  kind: "reader" | "writer",
  version: number,
  missing: readonly string[],
  supported: ReadonlySet<string>,
): DeltaProtocolError {
  const names = missing.map((f) => `"${f}"`).join(", ");
  return new DeltaProtocolError(
    `delta: table ${table} needs ${kind} version ${version} with ${kind} feature${missing.length > 1 ? "s" : ""} ${names}, which ${missing.length > 1 ? "are" : "is"} not supported (supported: [${[...supported].join(", ")}])`,
  );
}

function findMetadataKey(type: DeltaType, key: string, prefix: string): string | null {
  if (typeof type === "string") return null;
  switch (type.type) {
    case "struct":
      for (const f of type.fields) {
        const path = prefix + f.name;
        if (key in f.metadata) return path;
        const nested = findMetadataKey(f.type, key, `${path}.`);
        if (nested !== null) return nested;
      }
      return null;
    case "array":
      return findMetadataKey(type.elementType, key, prefix);
    case "map":
      return findMetadataKey(type.keyType, key, prefix) ?? findMetadataKey(type.valueType, key, prefix);
  }
}

/**
 * The protocol a new table with this schema gets: 1/2, or 3/7 with the `timestampNtz` reader and
 * writer feature when any column is `timestamp_ntz` (as delta-rs writes it).
 *
 * @example
 * protocolForSchema(schema); // { minReaderVersion: 1, minWriterVersion: 2 }
 */
export function protocolForSchema(schema: DeltaStructType): ProtocolAction {
  if (!containsType(schema, "timestamp_ntz")) return { minReaderVersion: 1, minWriterVersion: 2 };
  return {
    minReaderVersion: 3,
    minWriterVersion: 7,
    readerFeatures: [TIMESTAMP_NTZ],
    writerFeatures: [TIMESTAMP_NTZ],
  };
}

/**
 * The protocol to commit when a schema change needs a feature the table lacks (a first
 * `timestamp_ntz` column), or `null` when the current protocol suffices. Upgrading a 1/2 table
 * lists the features writer version 2 implied (appendOnly, invariants) so none is lost.
 *
 * @example
 * upgradeProtocol({ minReaderVersion: 1, minWriterVersion: 2 }, schemaWithNtz)?.readerFeatures; // ["timestampNtz"]
 */
export function upgradeProtocol(current: ProtocolAction, schema: DeltaStructType): ProtocolAction | null {
  if (!containsType(schema, "timestamp_ntz")) return null;
  const reader = current.minReaderVersion === 3 ? (current.readerFeatures ?? []) : [];
  const writer =
    current.minWriterVersion === 7
      ? (current.writerFeatures ?? [])
      : current.minWriterVersion >= 2
        ? ["appendOnly", "invariants"]
        : [];
  if (reader.includes(TIMESTAMP_NTZ) && writer.includes(TIMESTAMP_NTZ)) return null;
  return {
    minReaderVersion: 3,
    minWriterVersion: 7,
    readerFeatures: reader.includes(TIMESTAMP_NTZ) ? reader : [...reader, TIMESTAMP_NTZ],
    writerFeatures: writer.includes(TIMESTAMP_NTZ) ? writer : [...writer, TIMESTAMP_NTZ],
  };
}
