import { type Data, makeData, type Schema, Timestamp, TimeUnit, Type } from "apache-arrow";
import { parquetMetadataAsync, parquetRead, parquetSchema, type SchemaTree } from "hyparquet";
import { DeltaProtocolError } from "../../errors.js";
import { asyncBufferOf, type ByteSource } from "./byte-source.js";
import { bitmapFrom } from "./validity.js";

/**
 * Top-level columns stored as Parquet INT96 (Spark's legacy timestamps). parquet-wasm decodes them
 * as nanoseconds and silently overflows past 2262 (9999-12-31 reads as 1816), so they must be
 * decoded elsewhere. Only files where parquet-wasm reports a nanosecond timestamp are inspected (the
 * footer is parsed once more, with hyparquet); an INT96 nested in a struct, list or map is refused.
 *
 * @example
 * await int96Columns(source, fileSchema); // ["BIG_DATE", "NORMAL_DATE"] for a Spark file
 */
export async function int96Columns(source: ByteSource, fileSchema: Schema): Promise<string[]> {
  if (!fileSchema.fields.some((f) => hasNanos(f.type))) return [];
  const metadata = await parquetMetadataAsync(asyncBufferOf(source));
  const top: string[] = [];
  for (const child of parquetSchema(metadata).children) {
    if (child.element.type === "INT96") top.push(child.element.name);
    else if (nestedInt96(child)) {
      throw new DeltaProtocolError(
        `delta: ${source.key} stores INT96 timestamps inside column "${child.element.name}", which is not supported`,
      );
    }
  }
  return top;
}

function hasNanos(type: { typeId: Type; unit?: number; children?: readonly { type: unknown }[] }): boolean {
  if (type.typeId === Type.Timestamp && type.unit === TimeUnit.NANOSECOND) return true;
  return (type.children ?? []).some((c) => hasNanos(c.type as never));
}

function nestedInt96(tree: SchemaTree): boolean {
  return tree.children.some((c) => c.element.type === "INT96" || nestedInt96(c));
}

/**
 * Decodes an INT96 column exactly (hyparquet, converted to microseconds with floor rounding) as
 * Timestamp(µs) chunks of the given lengths, timezone as `timezone`.
 *
 * @example
 * const chunks = await readInt96Column(source, "BIG_DATE", [2], "UTC");
 */
export async function readInt96Column(
  source: ByteSource,
  column: string,
  lengths: readonly number[],
  timezone: string | null,
): Promise<Data[]> {
  let rows: unknown[][] = [];
  try {
    await parquetRead({
      file: asyncBufferOf(source),
      columns: [column],
      parsers: { timestampFromNanoseconds: floorMicros },
      onComplete: (r: unknown[][]) => {
        rows = r;
      },
    });
  } catch (cause) {
    throw new DeltaProtocolError(
      `delta: ${source.key} column "${column}" holds INT96 timestamps that could not be decoded: ${String(cause)}`,
      { cause },
    );
  }
  const type = new Timestamp(TimeUnit.MICROSECOND, timezone);
  const out: Data[] = [];
  let at = 0;
  for (const length of lengths) {
    const values = new BigInt64Array(length);
    const valid = new Array<boolean>(length);
    let nulls = 0;
    for (let i = 0; i < length; i++) {
      const v = rows[at + i]?.[0];
      valid[i] = typeof v === "bigint";
      if (typeof v === "bigint") values[i] = v;
      else nulls++;
    }
    at += length;
    out.push(
      makeData({
        type,
        length,
        nullCount: nulls,
        nullBitmap: nulls > 0 ? bitmapFrom(valid) : undefined,
        data: values,
      } as never),
    );
  }
  if (at !== rows.length) {
    throw new DeltaProtocolError(
      `delta: ${source.key} column "${column}" decoded ${rows.length} INT96 values for ${at} rows`,
    );
  }
  return out;
}

function floorMicros(nanos: bigint): bigint {
  const q = nanos / 1000n;
  return nanos < 0n && q * 1000n !== nanos ? q - 1n : q;
}
