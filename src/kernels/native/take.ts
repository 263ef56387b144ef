import { Data, type DataType, makeVector, Type, type Vector } from "apache-arrow";
import type { Column, Kernels } from "../kernels.js";
import type { NativeBinding } from "./binding.js";
import { callNative } from "./call.js";
import { nativeBytes, nativeFixed } from "./columns.js";

/** Types stored as one fixed-width value per row (the ones gathered natively by bytes). */
const FIXED: ReadonlySet<Type> = new Set([
  Type.Int,
  Type.Float,
  Type.Decimal,
  Type.Date,
  Type.Time,
  Type.Timestamp,
  Type.Interval,
  Type.Duration,
  Type.FixedSizeBinary,
]);

const OFFSET_TYPES: ReadonlySet<Type> = new Set([Type.Utf8, Type.LargeUtf8, Type.Binary, Type.LargeBinary]);

type TypedCtor = { new (buffer: ArrayBuffer, byteOffset: number, length: number): ArrayBufferView } & {
  readonly BYTES_PER_ELEMENT: number;
};

/**
 * Native `Kernels.take` for fixed-width, Boolean and offset-based string/binary columns (same type
 * out, one chunk); view and nested types go to `fallback` (the portable gather), which handles
 * them buffer by buffer without a per-row native call.
 *
 * @example
 * const take = nativeTake(binding, portableKernels.take);
 */
export function nativeTake(binding: NativeBinding, fallback: Kernels["take"]): Kernels["take"] {
  return (column, indices) => {
    const type = column.type as DataType;
    if (type.typeId === Type.Bool) {
      const [bits, validity, nulls] = callNative(() => binding.takeBits(nativeFixed(column), indices));
      return gathered(type, indices.length, nulls, [undefined, bits, validity]);
    }
    if (OFFSET_TYPES.has(type.typeId)) {
      const large = type.typeId === Type.LargeUtf8 || type.typeId === Type.LargeBinary;
      const [offsets, bytes, validity, nulls] = callNative(() =>
        binding.takeStrings(nativeBytes(column), indices, large),
      );
      return gathered(type, indices.length, nulls, [offsets, bytes, validity]);
    }
    if (FIXED.has(type.typeId) && hasValues(column)) return takeFixed(binding, column, type, indices);
    return fallback(column, indices);
  };
}

function hasValues(column: Column): boolean {
  const chunks = column instanceof Data ? [column] : column.data;
  return chunks.length > 0 && chunks.every((d) => ArrayBuffer.isView(d.values));
}

function takeFixed(binding: NativeBinding, column: Column, type: DataType, indices: Int32Array): Vector {
  const chunks = column instanceof Data ? [column] : column.data;
  const sample = chunks[0]!.values as ArrayBufferView & { BYTES_PER_ELEMENT: number };
  const width = sample.BYTES_PER_ELEMENT * (chunks[0]!.stride ?? 1);
  const [bytes, validity, nulls] = callNative(() => binding.takeFixed(nativeFixed(column), width, indices));
  const Ctor = (type as DataType & { ArrayType: TypedCtor }).ArrayType;
  const values = new Ctor(
    bytes.buffer as ArrayBuffer,
    bytes.byteOffset,
    bytes.byteLength / Ctor.BYTES_PER_ELEMENT,
  );
  return gathered(type, indices.length, nulls, [undefined, values, validity]);
}

/** One chunk of `type` over gathered buffers (validity dropped when nothing is null). */
function gathered(
  type: DataType,
  length: number,
  nullCount: number,
  [offsets, values, validity]: [ArrayBufferView | undefined, ArrayBufferView, Uint8Array | null],
): Vector {
  const bitmap = nullCount > 0 ? (validity ?? undefined) : undefined;
  return makeVector(new Data(type, 0, length, nullCount, [offsets as never, values as never, bitmap]));
}
