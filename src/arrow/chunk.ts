import { Data, type DataType, Vector } from "apache-arrow";

/**
 * The buffers of one chunk; any may be left out when the type has no such buffer.
 *
 * @example
 * const buffers: ChunkBuffers = { offsets: Int32Array.of(0, 1), values: Uint8Array.of(97) };
 */
export interface ChunkBuffers {
  readonly offsets?: Int32Array | BigInt64Array;
  readonly values?: ArrayBufferView;
  /** Validity from bit 0; null or absent when no row is null. */
  readonly validity?: Uint8Array | null;
}

type RawBuffers = ConstructorParameters<typeof Data>[4];
const EMPTY = new Uint8Array(0);

/**
 * Builds one chunk from ready-made buffers at offset 0 (no copying). Works for any type, which
 * `makeData`'s per-type overloads do not allow from generic code.
 *
 * @example
 * const data = makeChunk(new Int64(), 3, 0, { values: BigInt64Array.of(1n, 2n, 3n) });
 */
export function makeChunk<T extends DataType>(
  type: T,
  length: number,
  nullCount: number,
  buffers: ChunkBuffers,
  children: readonly Data[] = [],
  dictionary?: Vector,
): Data<T> {
  const raw = [
    buffers.offsets,
    buffers.values,
    nullCount > 0 ? (buffers.validity ?? EMPTY) : EMPTY,
    undefined,
  ] as unknown as RawBuffers;
  return new Data(type, 0, length, nullCount, raw, [...children], dictionary) as Data<T>;
}

/**
 * A column as a Vector (a lone Data chunk is wrapped, a Vector returned as is).
 *
 * @example
 * const v = asVector(table.getChild("id")!.data[0]!);
 */
export function asVector(column: Vector | Data): Vector {
  return column instanceof Data ? new Vector([column]) : column;
}
