import { type Data, RecordBatch, Table } from "apache-arrow";

type Buffer = Uint8Array | Int32Array | BigInt64Array | ArrayBufferView | undefined;

/**
 * A table whose chunks share no byte range of any buffer. apache-arrow 21 writes a corrupt IPC
 * stream when two columns view the same bytes (say two timestamp columns built from one
 * BigInt64Array): parquet-wasm then fails with "failed to fill whole buffer", or a column reads back
 * as garbage. Overlapping buffers are copied; disjoint views of one ArrayBuffer (what an IPC read
 * gives) are kept.
 *
 * @example
 * const ipc = tableToIPC(unshareBuffers(table), "stream");
 */
export function unshareBuffers(table: Table): Table {
  const seen = new Map<ArrayBufferLike, Array<readonly [number, number]>>();
  let copied = false;
  const visit = (data: Data): Data => {
    const buffers = [...(data.buffers as unknown as Buffer[])];
    let changed = false;
    for (let k = 0; k < buffers.length; k++) {
      const buf = buffers[k];
      if (buf === undefined || buf === null || buf.byteLength === 0) continue;
      if (claim(seen, buf)) continue;
      buffers[k] = (buf as Uint8Array).slice() as Buffer;
      claim(seen, buffers[k]!);
      changed = true;
    }
    const children = data.children.map(visit);
    const childChanged = children.some((c, i) => c !== data.children[i]);
    if (!changed && !childChanged) return data;
    copied = true;
    return data.clone(data.type, data.offset, data.length, data.nullCount, buffers as never, children);
  };
  const batches = table.batches.map((batch) => {
    const struct = visit(batch.data);
    return struct === batch.data ? batch : new RecordBatch(batch.schema, struct as never);
  });
  if (!copied) return table;
  return new Table(table.schema, batches);
}

/** Records the byte range; false when it overlaps one already recorded. */
function claim(seen: Map<ArrayBufferLike, Array<readonly [number, number]>>, buf: ArrayBufferView): boolean {
  const start = buf.byteOffset;
  const end = start + buf.byteLength;
  const ranges = seen.get(buf.buffer);
  if (ranges === undefined) {
    seen.set(buf.buffer, [[start, end]]);
    return true;
  }
  if (ranges.some(([s, e]) => start < e && s < end)) return false;
  ranges.push([start, end]);
  return true;
}
