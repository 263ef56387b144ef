import { type Data, makeData, RecordBatch, type Schema, Struct, Table, vectorFromArray } from "apache-arrow";

/**
 * A table with one record batch per entry of `lengths`; `columns[c][b]` is column c's chunk in
 * batch b (every column chunked alike).
 *
 * @example
 * tableFromColumns(schema, [[idChunk], [nameChunk]], [3]).numRows; // 3
 */
export function tableFromColumns(
  schema: Schema,
  columns: readonly (readonly Data[])[],
  lengths: readonly number[],
): Table {
  if (lengths.length === 0) return emptyTable(schema);
  const type = new Struct(schema.fields);
  const batches = lengths.map(
    (length, b) =>
      new RecordBatch(
        schema,
        makeData({ type, length, nullCount: 0, children: columns.map((c) => c[b]!) }) as never,
      ),
  );
  return new Table(schema, batches);
}

/**
 * A zero-row table that still has one (empty) chunk per column, so column readers find typed
 * buffers rather than no chunks at all.
 *
 * @example
 * emptyTable(schema).getChild("id")!.data.length; // 1
 */
export function emptyTable(schema: Schema): Table {
  const children = schema.fields.map((f) => vectorFromArray([], f.type).data[0]!);
  const data = makeData({ type: new Struct(schema.fields), length: 0, nullCount: 0, children });
  return new Table(schema, [new RecordBatch(schema, data as never)]);
}
