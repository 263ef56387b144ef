import {
  Bool,
  type DataType,
  Field,
  Int32,
  Int64,
  List,
  Map_,
  Struct,
  Table,
  Utf8,
  vectorFromArray,
} from "apache-arrow";
import type { ObjectStore } from "../io/object-store.js";
import type { AddAction, MetadataAction, ProtocolAction, RemoveAction, TxnAction } from "./actions.js";
import { LIST_ELEMENT, MAP_ENTRIES } from "./arrow-types.js";
import { writeLastCheckpoint } from "./last-checkpoint.js";
import { checkpointKey } from "./log-files.js";
import { encodeParquet } from "./parquet-write.js";
import { requireHeader, type TableState } from "./table-state.js";

/** Tombstones younger than this stay in checkpoints (Delta's default `deletedFileRetentionDuration`). */
export const TOMBSTONE_RETENTION_MS = 7 * 24 * 3600 * 1000;

const f = (name: string, type: DataType) => new Field(name, type, true);
const strings = () => new List(new Field(LIST_ELEMENT, new Utf8(), true));
const stringMap = () =>
  new Map_(
    new Field(
      MAP_ENTRIES,
      new Struct<{ key: Utf8; value: Utf8 }>([
        new Field("key", new Utf8(), false),
        new Field("value", new Utf8(), true),
      ]),
      false,
    ),
  );

// The classic (V1) checkpoint schema, as delta-rs writes it.
const PROTOCOL = new Struct([
  f("minReaderVersion", new Int32()),
  f("minWriterVersion", new Int32()),
  f("readerFeatures", strings()),
  f("writerFeatures", strings()),
]);
const METADATA = new Struct([
  f("id", new Utf8()),
  f("name", new Utf8()),
  f("description", new Utf8()),
  f("format", new Struct([f("provider", new Utf8()), f("options", stringMap())])),
  f("schemaString", new Utf8()),
  f("partitionColumns", strings()),
  f("createdTime", new Int64()),
  f("configuration", stringMap()),
]);
const TXN = new Struct([f("appId", new Utf8()), f("version", new Int64()), f("lastUpdated", new Int64())]);
const ADD = new Struct([
  f("path", new Utf8()),
  f("partitionValues", stringMap()),
  f("size", new Int64()),
  f("modificationTime", new Int64()),
  f("dataChange", new Bool()),
  f("stats", new Utf8()),
  f("tags", stringMap()),
]);
const REMOVE = new Struct([
  f("path", new Utf8()),
  f("deletionTimestamp", new Int64()),
  f("dataChange", new Bool()),
  f("extendedFileMetadata", new Bool()),
  f("partitionValues", stringMap()),
  f("size", new Int64()),
]);

type Row = { kind: "protocol" | "metaData" | "txn" | "add" | "remove"; value: Record<string, unknown> };

const big = (n: number | null | undefined) => (n === null || n === undefined ? null : BigInt(Math.trunc(n)));
const map = (o: Readonly<Record<string, string | null>> | null | undefined) =>
  o === null || o === undefined ? null : new Map(Object.entries(o));

/**
 * Writes a single-file Parquet checkpoint of `state` (protocol, metaData, txns, active files with
 * their stats, tombstones younger than 7 days) in the classic schema delta-rs and Spark read, then
 * points `_last_checkpoint` at it. Returns the number of actions written.
 *
 * @example
 * await writeCheckpoint(store, "video/raw.delta", snapshot.state);
 */
export async function writeCheckpoint(
  store: ObjectStore,
  table: string,
  state: TableState,
  now = Date.now(),
): Promise<number> {
  const { protocol, metadata } = requireHeader(state, table);
  const rows: Row[] = [
    { kind: "protocol", value: protocolRow(protocol) },
    { kind: "metaData", value: metadataRow(metadata) },
    ...[...state.txns.values()].map((t) => ({ kind: "txn" as const, value: txnRow(t) })),
    ...[...state.files.values()].map((a) => ({ kind: "add" as const, value: addRow(a) })),
    ...[...state.tombstones.values()]
      .filter((r) => (r.deletionTimestamp ?? now) >= now - TOMBSTONE_RETENTION_MS)
      .map((r) => ({ kind: "remove" as const, value: removeRow(r) })),
  ];
  const column = (kind: Row["kind"], type: Struct) =>
    vectorFromArray(
      rows.map((r) => (r.kind === kind ? r.value : null)),
      type,
    );
  const data = new Table({
    protocol: column("protocol", PROTOCOL),
    metaData: column("metaData", METADATA),
    txn: column("txn", TXN),
    add: column("add", ADD),
    remove: column("remove", REMOVE),
  });
  const bytes = encodeParquet(data, { compression: "snappy", dictionary: true });
  await store.put(checkpointKey(table, state.version), bytes);
  await writeLastCheckpoint(store, table, {
    version: state.version,
    size: rows.length,
    sizeInBytes: bytes.length,
    numOfAddFiles: state.files.size,
  });
  return rows.length;
}

function protocolRow(p: ProtocolAction): Record<string, unknown> {
  return {
    minReaderVersion: p.minReaderVersion,
    minWriterVersion: p.minWriterVersion,
    // Reader 3 / writer 7 tables must list their features; older ones must leave them null.
    readerFeatures: p.minReaderVersion >= 3 ? [...(p.readerFeatures ?? [])] : null,
    writerFeatures: p.minWriterVersion >= 7 ? [...(p.writerFeatures ?? [])] : null,
  };
}

function metadataRow(m: MetadataAction): Record<string, unknown> {
  return {
    id: m.id,
    name: m.name ?? null,
    description: m.description ?? null,
    format: { provider: m.format.provider, options: map(m.format.options) },
    schemaString: m.schemaString,
    partitionColumns: [...m.partitionColumns],
    createdTime: big(m.createdTime),
    configuration: map(m.configuration),
  };
}

function txnRow(t: TxnAction): Record<string, unknown> {
  return { appId: t.appId, version: big(t.version), lastUpdated: big(t.lastUpdated) };
}

function addRow(a: AddAction): Record<string, unknown> {
  return {
    path: a.path,
    partitionValues: map(a.partitionValues),
    size: big(a.size),
    modificationTime: big(a.modificationTime),
    // Checkpoints restate the table; they change no data.
    dataChange: false,
    stats: a.stats ?? null,
    tags: map(a.tags),
  };
}

function removeRow(r: RemoveAction): Record<string, unknown> {
  return {
    path: r.path,
    deletionTimestamp: big(r.deletionTimestamp),
    dataChange: false,
    extendedFileMetadata: r.extendedFileMetadata ?? false,
    partitionValues: map(r.partitionValues),
    size: big(r.size),
  };
}
