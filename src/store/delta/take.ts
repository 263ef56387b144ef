import { type Data, makeData, type Table, Type } from "apache-arrow";
import { InvalidArgumentError } from "../../errors.js";
import { tableFromColumns } from "./batches.js";
import { isValid } from "./validity.js";

/**
 * The rows of a table whose `keep` flag is set, in order, batch by batch (batches left empty are
 * dropped). Works for every column type reads produce: fixed-width primitives, booleans,
 * Utf8/Binary, decimals, structs, lists and maps (nested children gathered recursively).
 *
 * @example
 * filterRows(table, Uint8Array.of(1, 0, 1)).numRows; // 2
 */
export function filterRows(table: Table, keep: ArrayLike<number | boolean>): Table {
  if (keep.length !== table.numRows) {
    throw new InvalidArgumentError(`delta: row mask has ${keep.length} entries for ${table.numRows} rows`);
  }
  const columns: Data[][] = table.schema.fields.map(() => []);
  const lengths: number[] = [];
  let at = 0;
  for (const batch of table.batches) {
    const picked: number[] = [];
    for (let i = 0; i < batch.numRows; i++) if (keep[at + i]) picked.push(i);
    at += batch.numRows;
    if (picked.length === 0) continue;
    const indices = Int32Array.from(picked);
    batch.data.children.forEach((child, c) => {
      columns[c]!.push(takeData(child, indices));
    });
    lengths.push(indices.length);
  }
  return tableFromColumns(table.schema, columns, lengths);
}

/**
 * The rows of one chunk at `indices`.
 *
 * @example
 * takeData(utf8Chunk, Int32Array.of(1, 0));
 */
export function takeData(data: Data, indices: Int32Array): Data {
  const n = indices.length;
  const valid = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    if (isValid(data, indices[i]!)) valid[i >> 3] |= 1 << (i & 7);
    else nulls++;
  }
  const common = { type: data.type, length: n, nullCount: nulls, nullBitmap: nulls > 0 ? valid : undefined };
  switch (data.type.typeId) {
    case Type.Bool: {
      const out = new Uint8Array((n + 7) >> 3);
      const values = data.values as Uint8Array;
      for (let i = 0; i < n; i++) {
        const bit = data.offset + indices[i]!;
        if ((values[bit >> 3]! & (1 << (bit & 7))) !== 0) out[i >> 3] |= 1 << (i & 7);
      }
      return makeData({ ...common, data: out } as never);
    }
    case Type.Utf8:
    case Type.Binary:
      return takeVariable(data, indices, common);
    case Type.Struct:
      return makeData({ ...common, children: data.children.map((c) => takeData(c, indices)) } as never);
    case Type.List:
    case Type.Map:
      return takeList(data, indices, common);
    case Type.Int:
    case Type.Float:
    case Type.Date:
    case Type.Timestamp:
    case Type.Decimal:
    case Type.FixedSizeBinary:
      return takeFixed(data, indices, common);
  }
  throw new InvalidArgumentError(`delta: cannot gather rows of type ${data.type}`);
}

function takeFixed(data: Data, indices: Int32Array, common: object): Data {
  const values = data.values as unknown as { [i: number]: unknown; constructor: unknown };
  const width = strideOf(data);
  const Ctor = values.constructor as new (n: number) => { [i: number]: unknown };
  const out = new Ctor(indices.length * width);
  for (let i = 0; i < indices.length; i++) {
    const from = indices[i]! * width;
    for (let k = 0; k < width; k++) out[i * width + k] = values[from + k];
  }
  return makeData({ ...common, data: out } as never);
}

/** Elements per value in the values array (decimals span several words; fixed binaries several bytes). */
function strideOf(data: Data): number {
  switch (data.type.typeId) {
    case Type.Decimal:
      return (data.type as unknown as { bitWidth: number }).bitWidth / 32;
    case Type.FixedSizeBinary:
      return (data.type as unknown as { byteWidth: number }).byteWidth;
    default:
      return 1;
  }
}

function takeVariable(data: Data, indices: Int32Array, common: object): Data {
  const offsets = data.valueOffsets as Int32Array;
  const values = data.values as Uint8Array;
  const out = new Int32Array(indices.length + 1);
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i]!;
    out[i + 1] = out[i]! + (offsets[r + 1]! - offsets[r]!);
  }
  const bytes = new Uint8Array(out[indices.length]!);
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i]!;
    bytes.set(values.subarray(offsets[r]!, offsets[r + 1]!), out[i]!);
  }
  return makeData({ ...common, valueOffsets: out, data: bytes } as never);
}

function takeList(data: Data, indices: Int32Array, common: object): Data {
  const offsets = data.valueOffsets as Int32Array;
  const out = new Int32Array(indices.length + 1);
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i]!;
    out[i + 1] = out[i]! + (offsets[r + 1]! - offsets[r]!);
  }
  const childIndices = new Int32Array(out[indices.length]!);
  for (let i = 0, at = 0; i < indices.length; i++) {
    const r = indices[i]!;
    for (let k = offsets[r]!; k < offsets[r + 1]!; k++) childIndices[at++] = k;
  }
  return makeData({
    ...common,
    valueOffsets: out,
    child: takeData(data.children[0]!, childIndices),
  } as never);
}
