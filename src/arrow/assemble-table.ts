import { type Data, Field, RecordBatch, Schema, Struct, Table, type Vector } from "apache-arrow";
import { InvalidArgumentError } from "../errors.js";
import { makeChunk } from "./chunk.js";
import { nullData } from "./null-vector.js";

/**
 * Builds a Table from named columns in the given order, keeping each field's name, nullability and
 * metadata but taking its type from the vector. Columns may be chunked differently: batches are cut
 * at every chunk boundary of any column (zero-copy slices). `length` keeps the row count of a table
 * without columns.
 *
 * @example
 * const t = assembleTable([new Field("id", new Utf8(), true)], [utf8Vector(["a"])], 1);
 */
export function assembleTable(
  fields: readonly Field[],
  vectors: readonly Vector[],
  length: number,
  metadata?: Map<string, string>,
): Table {
  const schemaFields = fields.map((f, k) => {
    const v = vectors[k]!;
    if (v.length !== length) {
      throw new InvalidArgumentError(`arrow: column "${f.name}" has ${v.length} rows, expected ${length}`);
    }
    return new Field(f.name, v.type, f.nullable || v.nullCount > 0, f.metadata);
  });
  const schema = new Schema(schemaFields, metadata ?? new Map());
  const cuts = new Set<number>([0, length]);
  for (const v of vectors) {
    let at = 0;
    for (const d of v.data) {
      at += d.length;
      cuts.add(at);
    }
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  if (bounds.length === 1) bounds.push(0); // no rows: still one (empty) batch, so every column has a chunk
  const cursors = vectors.map(() => ({ chunk: 0, start: 0 }));
  const batches: RecordBatch[] = [];
  for (let b = 0; b + 1 < bounds.length; b++) {
    const from = bounds[b]!;
    const to = bounds[b + 1]!;
    const children = vectors.map((v, k) => sliceAt(v, cursors[k]!, from, to));
    const struct = makeChunk(new Struct(schema.fields), to - from, 0, {}, children);
    batches.push(new RecordBatch(schema, struct));
  }
  return new Table(schema, batches);
}

/** The rows [from, to) of a vector, which lie within one of its chunks by construction. */
function sliceAt(v: Vector, cursor: { chunk: number; start: number }, from: number, to: number): Data {
  if (v.data.length === 0) return nullData(v.type, 0);
  let data = v.data[cursor.chunk]!;
  while (from >= cursor.start + data.length && cursor.chunk + 1 < v.data.length) {
    cursor.start += data.length;
    data = v.data[++cursor.chunk]!;
  }
  const local = from - cursor.start;
  return local === 0 && to - from === data.length ? data : data.slice(local, to - from);
}
