import { type Data, type DataType, makeData, Type } from "apache-arrow";
import { DeltaProtocolError } from "../../errors.js";
import { nullData } from "./null-data.js";

const encoder = new TextEncoder();

/**
 * A chunk repeating one partition value `length` times, typed per the column (Delta serialises
 * partition values as strings: numbers in decimal, dates `YYYY-MM-DD`, timestamps
 * `YYYY-MM-DD HH:MM:SS[.ffffff]` or ISO 8601 with `Z`, read as UTC; an empty string or null is null).
 * Decimal and binary partition columns are refused with `DeltaProtocolError`.
 *
 * @example
 * partitionData(new Utf8(), "date", "2020-06-01", 3); // ["2020-06-01" × 3]
 */
export function partitionData(
  type: DataType,
  column: string,
  raw: string | null | undefined,
  length: number,
): Data {
  if (raw === null || raw === undefined || raw === "") return nullData(type, length);
  const fixed = (values: ArrayLike<unknown>) =>
    makeData({ type, length, nullCount: 0, data: values } as never);
  switch (type.typeId) {
    case Type.Utf8: {
      const bytes = encoder.encode(raw);
      const data = new Uint8Array(bytes.length * length);
      const offsets = new Int32Array(length + 1);
      for (let i = 0; i < length; i++) {
        data.set(bytes, i * bytes.length);
        offsets[i + 1] = (i + 1) * bytes.length;
      }
      return makeData({ type, length, nullCount: 0, valueOffsets: offsets, data } as never);
    }
    case Type.Int: {
      const ArrayType = type.ArrayType as unknown as new (
        n: number,
      ) => { fill(v: unknown): ArrayLike<unknown> };
      const wide = (type as unknown as { bitWidth: number }).bitWidth === 64;
      return fixed(
        new ArrayType(length).fill(
          wide ? BigInt(checkInteger(raw, column)) : Number(checkInteger(raw, column)),
        ),
      );
    }
    case Type.Float: {
      const ArrayType = type.ArrayType as unknown as new (
        n: number,
      ) => { fill(v: number): ArrayLike<number> };
      const v = Number(raw);
      if (Number.isNaN(v) && raw !== "NaN") throw bad(column, raw);
      return fixed(new ArrayType(length).fill(v));
    }
    case Type.Bool: {
      if (raw !== "true" && raw !== "false") throw bad(column, raw);
      return fixed(new Uint8Array((length + 7) >> 3).fill(raw === "true" ? 0xff : 0));
    }
    case Type.Date: {
      const ms = Date.parse(`${raw}T00:00:00Z`);
      if (Number.isNaN(ms)) throw bad(column, raw);
      return fixed(new Int32Array(length).fill(Math.floor(ms / 86_400_000)));
    }
    case Type.Timestamp:
      return fixed(new BigInt64Array(length).fill(parseTimestamp(raw, column)));
  }
  throw new DeltaProtocolError(`delta: partition column "${column}" of type ${type} is not supported`);
}

function checkInteger(raw: string, column: string): string {
  if (!/^-?\d+$/.test(raw)) throw bad(column, raw);
  return raw;
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;

function parseTimestamp(raw: string, column: string): bigint {
  const m = TIMESTAMP.exec(raw);
  if (m === null) throw bad(column, raw);
  const zone = m[4] === undefined || m[4] === "Z" ? "Z" : m[4];
  const seconds = Date.parse(`${m[1]}T${m[2]}${zone}`);
  if (Number.isNaN(seconds)) throw bad(column, raw);
  const fraction = (m[3] ?? "").padEnd(6, "0").slice(0, 6);
  return BigInt(seconds) * 1000n + BigInt(fraction);
}

function bad(column: string, raw: string): DeltaProtocolError {
  return new DeltaProtocolError(
    `delta: partition column "${column}" has an unreadable value ${JSON.stringify(raw)}`,
  );
}
