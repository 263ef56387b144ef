import {
  Dictionary,
  Field,
  Float16,
  Int32,
  LargeUtf8,
  Schema,
  Struct,
  Timestamp,
  TimeUnit,
  Uint8,
  Uint16,
  Uint32,
  Uint64,
  Utf8,
} from "apache-arrow";
import { describe, expect, it } from "vitest";
import { DeltaProtocolError, MetadataSchemaError } from "../../../src/errors.js";
import {
  arrowSchemaToDelta,
  arrowToDeltaType,
  deltaToArrowType,
} from "../../../src/store/delta/arrow-types.js";
import { parseSchemaString, schemaToString } from "../../../src/store/delta/schema.js";
import { mergeSchemas } from "../../../src/store/delta/schema-merge.js";

// The example schema of the Delta protocol's "Schema Serialization Format" section.
const SPEC_EXAMPLE =
  '{"type":"struct","fields":[{"name":"a","type":"integer","nullable":false,"metadata":{}},' +
  '{"name":"b","type":{"type":"struct","fields":[{"name":"d","type":"integer","nullable":false,"metadata":{}}]},"nullable":true,"metadata":{}},' +
  '{"name":"c","type":{"type":"array","elementType":"integer","containsNull":false},"nullable":true,"metadata":{}},' +
  '{"name":"e","type":{"type":"array","elementType":{"type":"struct","fields":[{"name":"d","type":"integer","nullable":false,"metadata":{}}]},"containsNull":true},"nullable":true,"metadata":{}},' +
  '{"name":"f","type":{"type":"map","keyType":"string","valueType":"string","valueContainsNull":true},"nullable":true,"metadata":{}}]}';

describe("Delta schema serialisation", () => {
  it("parses and re-serialises the protocol's example byte for byte", () => {
    const schema = parseSchemaString(SPEC_EXAMPLE);
    expect(schemaToString(schema)).toBe(SPEC_EXAMPLE);
    expect(schema.fields.map((f) => `${f.name}: ${deltaToArrowType(f.type)}`)).toEqual([
      "a: Int32",
      "b: Struct<{d:Int32}>",
      "c: List<Int32>",
      "e: List<Struct<{d:Int32}>>",
      "f: Map<{key:Utf8, value:Utf8}>",
    ]);
  });

  it("maps every primitive both ways", () => {
    const names = [
      "string",
      "long",
      "integer",
      "short",
      "byte",
      "float",
      "double",
      "boolean",
      "binary",
      "date",
    ];
    for (const name of names) expect(arrowToDeltaType(deltaToArrowType(name), "c")).toBe(name);
    expect(String(deltaToArrowType("timestamp"))).toBe("Timestamp<MICROSECOND, UTC>");
    expect(String(deltaToArrowType("timestamp_ntz"))).toBe("Timestamp<MICROSECOND>");
    expect(arrowToDeltaType(deltaToArrowType("decimal(38,10)"), "c")).toBe("decimal(38,10)");
    expect(
      parseSchemaString('{"type":"struct","fields":[{"name":"d","type":"decimal( 5 , 1)"}]}').fields[0]!.type,
    ).toBe("decimal(5,1)");
  });

  it("maps Arrow types like delta-rs: unsigned to same-width signed, timezone decides timestamp vs ntz", () => {
    expect(
      [new Uint8(), new Uint16(), new Uint32(), new Uint64()].map((t) => arrowToDeltaType(t, "u")),
    ).toEqual(["byte", "short", "integer", "long"]);
    expect(arrowToDeltaType(new Timestamp(TimeUnit.NANOSECOND, "Europe/Paris"), "t")).toBe("timestamp");
    expect(arrowToDeltaType(new Timestamp(TimeUnit.SECOND), "t")).toBe("timestamp_ntz");
    expect(arrowToDeltaType(new LargeUtf8(), "s")).toBe("string");
    expect(arrowToDeltaType(new Dictionary(new Utf8(), new Int32()), "s")).toBe("string");
    expect(() => arrowToDeltaType(new Float16(), "h")).toThrow(
      new MetadataSchemaError('delta: column "h" has Arrow type Float16, which Delta cannot store'),
    );
  });

  it("makes every column nullable and refuses names equal ignoring case", () => {
    const schema = arrowSchemaToDelta(
      new Schema([new Field("s", new Struct([new Field("x", new Int32(), false)]), false)]),
    );
    expect(schemaToString(schema)).toBe(
      '{"type":"struct","fields":[{"name":"s","type":{"type":"struct","fields":[{"name":"x","type":"integer","nullable":true,"metadata":{}}]},"nullable":true,"metadata":{}}]}',
    );
    expect(() =>
      arrowSchemaToDelta(new Schema([new Field("A", new Int32()), new Field("a", new Int32())])),
    ).toThrow('delta: duplicate column "a" (Delta column names ignore case)');
  });

  it("refuses types it cannot read, naming the column", () => {
    const variant =
      '{"type":"struct","fields":[{"name":"v","type":"variant","nullable":true,"metadata":{}}]}';
    expect(() => parseSchemaString(variant)).toThrow(
      new DeltaProtocolError('delta: column "v" has unsupported type "variant"'),
    );
    const nested =
      '{"type":"struct","fields":[{"name":"s","type":{"type":"struct","fields":[{"name":"i","type":"interval"}]}}]}';
    expect(() => parseSchemaString(nested)).toThrow('delta: column "s.i" has unsupported type "interval"');
  });
});

describe("schema merge", () => {
  const table = parseSchemaString(SPEC_EXAMPLE);

  it("keeps the table schema object when the data adds nothing", () => {
    const same = mergeSchemas(table, parseSchemaString(SPEC_EXAMPLE));
    expect(same.schema).toBe(table);
    expect(same.added).toEqual([]);
  });

  it("adds nullable columns at every nesting level, in data order after existing ones", () => {
    const data = parseSchemaString(
      '{"type":"struct","fields":[{"name":"z","type":"long","nullable":false},' +
        '{"name":"e","type":{"type":"array","elementType":{"type":"struct","fields":[{"name":"q","type":"string"}]}}},' +
        '{"name":"f","type":{"type":"map","keyType":"string","valueType":"string"}}]}',
    );
    const merged = mergeSchemas(table, data);
    expect(merged.added).toEqual(["z", "e.element.q"]);
    expect(merged.schema.fields.map((f) => f.name)).toEqual(["a", "b", "c", "e", "f", "z"]);
    expect(merged.schema.fields[5]).toEqual({ name: "z", type: "long", nullable: true, metadata: {} });
    expect(schemaToString(merged.schema)).toContain(
      '"elementType":{"type":"struct","fields":[{"name":"d","type":"integer","nullable":false,"metadata":{}},{"name":"q","type":"string","nullable":true,"metadata":{}}]}',
    );
  });

  it("accepts narrower integers and floats, refuses everything else", () => {
    const one = (type: string) =>
      parseSchemaString(`{"type":"struct","fields":[{"name":"a","type":"${type}"}]}`);
    expect(mergeSchemas(one("long"), one("byte")).added).toEqual([]);
    expect(mergeSchemas(one("double"), one("float")).added).toEqual([]);
    expect(() => mergeSchemas(one("integer"), one("long"))).toThrow(
      'delta: column "a" has type integer in the table but long in the data',
    );
    expect(() => mergeSchemas(one("timestamp"), one("timestamp_ntz"))).toThrow(
      'delta: column "a" has type timestamp in the table but timestamp_ntz in the data',
    );
    expect(() => mergeSchemas(one("string"), table)).toThrow(
      'delta: column "a" has type string in the table but integer in the data',
    );
  });
});
