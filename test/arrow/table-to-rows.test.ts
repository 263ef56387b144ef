import {
  Field,
  Int64,
  LargeUtf8,
  Schema,
  Table,
  TimestampNanosecond,
  Uint64,
  Utf8View,
  vectorFromArray,
} from "apache-arrow";
import { describe, expect, it } from "vitest";
import { makeMapVector } from "../../src/arrow/make-map-vector.js";
import { rowsToTable } from "../../src/arrow/rows-to-table.js";
import { utf8Vector } from "../../src/arrow/strings.js";
import { tableToRows } from "../../src/arrow/table-to-rows.js";
import { withColumn } from "../../src/arrow/with-column.js";

describe("tableToRows", () => {
  it("Int64 → number when safe, bigint beyond 2^53; Uint64 likewise", () => {
    const t = rowsToTable(
      [
        { i: 2n ** 53n - 1n, u: 1n },
        { i: -(2n ** 53n), u: 2n ** 64n - 1n },
      ],
      {
        schema: new Schema([new Field("i", new Int64(), true), new Field("u", new Uint64(), true)]),
      },
    );
    expect(tableToRows(t)).toEqual([
      { i: 9007199254740991, u: 1 },
      { i: -9007199254740992n, u: 18446744073709551615n },
    ]);
  });

  it("Timestamps → Date (floored to the millisecond), any unit", () => {
    const t = rowsToTable([{ us: 1_500n, ns: -1n }], {
      schema: new Schema([
        new Field("us", rowsToTable([{ d: new Date(0) }]).getChild("d")!.type, true),
        new Field("ns", new TimestampNanosecond("UTC"), true),
      ]),
    });
    expect(tableToRows(t)).toEqual([{ us: new Date(1), ns: new Date(-1) }]);
  });

  it("Struct and Map → plain objects, string variants → string", () => {
    const t = new Table({
      s: rowsToTable([{ s: { a: "1", n: { deep: true } } }]).getChild("s")!,
      m: makeMapVector([["k", utf8Vector(["v"])]]),
      l: vectorFromArray(["large"], new LargeUtf8()),
      v: vectorFromArray(["view"], new Utf8View()),
    });
    const rows = tableToRows(t);
    expect(rows).toEqual([{ s: { a: "1", n: { deep: true } }, m: { k: "v" }, l: "large", v: "view" }]);
    expect(Object.getPrototypeOf(rows[0]!.s)).toBe(Object.prototype);
    expect(JSON.stringify(rows)).toBe(
      '[{"s":{"a":"1","n":{"deep":true}},"m":{"k":"v"},"l":"large","v":"view"}]',
    );
  });

  it("a column or map key named __proto__ is an own property, not a prototype change", () => {
    const proto = withColumn(new Table(), "__proto__", utf8Vector(["x"]));
    const t = withColumn(proto, "m", makeMapVector([["__proto__", utf8Vector(["y"])]]));
    const [row] = tableToRows(t);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.keys(row!)).toEqual(["__proto__", "m"]);
    expect(Object.getOwnPropertyDescriptor(row, "__proto__")!.value).toBe("x");
    expect(Object.getOwnPropertyDescriptor(row!.m, "__proto__")!.value).toBe("y");
  });

  it("multi-chunk and sliced tables", () => {
    const t = rowsToTable([{ a: 1 }, { a: 2 }, { a: 3 }]);
    const multi = new Table([...t.slice(1).batches, ...t.batches]);
    expect(tableToRows(multi).map((r) => r.a)).toEqual([2, 3, 1, 2, 3]);
  });
});
