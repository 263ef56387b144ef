import { Data, RecordBatch, type Struct, Table, Vector } from "apache-arrow";

/**
 * The table with every buffer that overlaps an earlier buffer of the table copied to its own
 * memory. apache-arrow 21's IPC writer merges consecutive writes that overlap in one ArrayBuffer,
 * so two columns built from one BigInt64Array (or one vector used twice) give a corrupt stream —
 * and so a corrupt Parquet file. Call this before `tableToIPC`; buffers that do not overlap
 * (e.g. a table read from IPC, whose columns are disjoint views of one buffer) are not copied.
 *
 * @example
 * const bytes = tableToIPC(copyFixedWidthBuffers(table), "stream");
 */
export function copyFixedWidthBuffers(table: Table): Table {
  const claimed = new Map<ArrayBufferLike, [number, number][]>();
  const claim = <V extends ArrayBufferView | undefined>(view: V): V => {
    if (!view || view.byteLength === 0) return view;
    const start = view.byteOffset;
    const end = start + view.byteLength;
    const ranges = claimed.get(view.buffer) ?? [];
    if (ranges.some(([s, e]) => start < e && s < end)) {
      const copy = (view as unknown as Uint8Array).slice();
      claimed.set(copy.buffer, [[copy.byteOffset, copy.byteOffset + copy.byteLength]]);
      return copy as unknown as V;
    }
    ranges.push([start, end]);
    claimed.set(view.buffer, ranges);
    return view;
  };
  // A dictionary shared by several batches must stay one object (the writer sends it once).
  const dictionaries = new Map<Vector, Vector>();
  const visit = (data: Data): Data => {
    const buffers = [data.valueOffsets, data.values, data.nullBitmap, data.typeIds].map((b) => claim(b));
    const children = data.children.map(visit);
    let dictionary = data.dictionary;
    if (dictionary) {
      const done = dictionaries.get(dictionary);
      const next = done ?? new Vector(dictionary.data.map(visit));
      dictionaries.set(dictionary, next);
      dictionary = next;
    }
    const variadic = data.variadicBuffers.map((b) => claim(b));
    const same =
      buffers.every((b, k) => b === [data.valueOffsets, data.values, data.nullBitmap, data.typeIds][k]) &&
      children.every((c, k) => c === data.children[k]) &&
      dictionary === data.dictionary &&
      variadic.every((b, k) => b === data.variadicBuffers[k]);
    if (same) return data;
    return new Data(
      data.type,
      data.offset,
      data.length,
      data.nullCount,
      buffers as never,
      children,
      dictionary,
      variadic,
    );
  };
  return new Table(
    table.schema,
    table.batches.map((b) => new RecordBatch(table.schema, visit(b.data) as Data<Struct>)),
  );
}
