/**
 * fast-check inputs shared by the native-vs-portable parity tests: string cells (empty, multi-byte,
 * astral, long), integer cells of every Arrow width including the extremes where signed and
 * unsigned bit patterns collide, and columns in every physical layout.
 */

import { makeData, makeVector, TimestampMicrosecond, type Vector } from "apache-arrow";
import fc from "fast-check";
import {
  type Cell,
  INT_TYPES,
  type IntTypeName,
  ints,
  STRING_LAYOUTS,
  type StringLayout,
  strings,
} from "./portable-columns.js";

/** Text of every kind the kernels must treat as bytes. */
export const text: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.string({ unit: "binary", maxLength: 10 }),
  fc.constantFrom("", "a", "ü", "𝄞", "日本語", "sample_0000001"),
  fc.string({ minLength: 40, maxLength: 140 }),
);

/** A string cell, null about one time in six. */
export const cell: fc.Arbitrary<Cell> = fc.option(text, { nil: null, freq: 5 });

/** A small key domain, so joins and groups see duplicates. */
export const keyCell: fc.Arbitrary<Cell> = fc.option(
  fc.constantFrom("", "a", "b", "ü", "𝄞", "long ".repeat(12)),
  {
    nil: null,
    freq: 5,
  },
);

/** Any string layout. */
export const layout: fc.Arbitrary<StringLayout> = fc.constantFrom(...STRING_LAYOUTS);

export const INT_NAMES = Object.keys(INT_TYPES) as IntTypeName[];

const EXTREMES: Record<IntTypeName, bigint[]> = {
  int8: [-128n, 127n, -1n],
  int16: [-32768n, 32767n, -1n],
  int32: [-2147483648n, 2147483647n, -1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n, -1n],
  uint8: [255n, 128n],
  uint16: [65535n, 32768n],
  uint32: [4294967295n, 2147483648n],
  uint64: [2n ** 64n - 1n, 2n ** 63n],
};

/** An integer cell of `type`: mostly a small domain (duplicates), sometimes an extreme value. */
export function intCell(type: IntTypeName): fc.Arbitrary<bigint | null> {
  const small = type.startsWith("u") ? fc.bigInt({ min: 0n, max: 4n }) : fc.bigInt({ min: -3n, max: 3n });
  return fc.option(
    fc.oneof({ weight: 4, arbitrary: small }, { weight: 1, arbitrary: fc.constantFrom(...EXTREMES[type]) }),
    {
      nil: null,
      freq: 6,
    },
  );
}

/** A key column description: strings in a layout, or integers of a type (optionally chunked). */
export type KeySpec =
  | { readonly kind: "string"; readonly layout: StringLayout }
  | { readonly kind: "int"; readonly type: IntTypeName; readonly chunked: boolean };

/** A string or integer key column spec. */
export const keySpec: fc.Arbitrary<KeySpec> = fc.oneof(
  layout.map((l): KeySpec => ({ kind: "string", layout: l })),
  fc
    .record({ type: fc.constantFrom(...INT_NAMES), chunked: fc.boolean() })
    .map((r): KeySpec => ({ kind: "int", ...r })),
);

/** `n` random cells for `spec`. */
export function cellsFor(spec: KeySpec, n: number): fc.Arbitrary<(Cell | bigint)[]> {
  const one: fc.Arbitrary<Cell | bigint> = spec.kind === "string" ? keyCell : intCell(spec.type);
  return fc.array(one, { minLength: n, maxLength: n });
}

/** The column for `spec` holding `cells`. */
export function columnFor(spec: KeySpec, cells: readonly (Cell | bigint)[]): Vector {
  return spec.kind === "string"
    ? strings(cells as Cell[], spec.layout)
    : ints(cells as (bigint | null)[], spec.type, spec.chunked);
}

/** A Timestamp(µs, UTC) column over raw 64-bit values (Arrow's builder wants milliseconds). */
export function timestamps(values: readonly (bigint | null)[]): Vector {
  const data = new BigInt64Array(values.length);
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  let nulls = 0;
  values.forEach((v, i) => {
    if (v === null) nulls++;
    else {
      data[i] = v;
      bitmap[i >> 3]! |= 1 << (i & 7);
    }
  });
  const type = new TimestampMicrosecond("UTC");
  return makeVector(makeData({ type, length: values.length, nullCount: nulls, nullBitmap: bitmap, data }));
}
