import {
  Binary,
  Bool,
  type DataType,
  DateDay,
  Decimal,
  Field,
  Float32,
  Float64,
  type Float as FloatType,
  Int8,
  Int16,
  Int32,
  Int64,
  type Int as IntType,
  List,
  Map_,
  Precision,
  Schema,
  Struct,
  Timestamp,
  TimeUnit,
  Type,
  Utf8,
} from "apache-arrow";
import { MetadataSchemaError } from "../../errors.js";
import { type DeltaField, type DeltaStructType, type DeltaType, decimalParts } from "./schema.js";

/** Timezone written for Delta `timestamp` columns (what delta-rs and Python Metaxy use). */
export const UTC = "UTC";

/** Name of a map's entries field; delta-rs and Spark's Parquet writers use `key_value`. */
export const MAP_ENTRIES = "key_value";

/** Name of an array's element field, as in Parquet's three-level lists. */
export const LIST_ELEMENT = "element";

/**
 * The Arrow type a Delta type reads as: `timestamp` → `Timestamp(µs, "UTC")`, `timestamp_ntz` →
 * `Timestamp(µs)`, `date` → `DateDay`, `decimal(p,s)` → `Decimal(s, p, 128)`, maps with
 * `key_value` entries, arrays with an `element` field.
 *
 * @example
 * deltaToArrowType("timestamp"); // Timestamp<MICROSECOND, UTC>
 */
export function deltaToArrowType(type: DeltaType): DataType {
  if (typeof type === "string") return primitiveToArrow(type);
  switch (type.type) {
    case "struct":
      return new Struct(type.fields.map(deltaFieldToArrow));
    case "array":
      return new List(new Field(LIST_ELEMENT, deltaToArrowType(type.elementType), type.containsNull));
    case "map": {
      const entries = new Struct([
        new Field("key", deltaToArrowType(type.keyType), false),
        new Field("value", deltaToArrowType(type.valueType), type.valueContainsNull),
      ]);
      return new Map_(new Field(MAP_ENTRIES, entries, false), false);
    }
  }
}

function primitiveToArrow(type: string): DataType {
  switch (type) {
    case "string":
      return new Utf8();
    case "long":
      return new Int64();
    case "integer":
      return new Int32();
    case "short":
      return new Int16();
    case "byte":
      return new Int8();
    case "float":
      return new Float32();
    case "double":
      return new Float64();
    case "boolean":
      return new Bool();
    case "binary":
      return new Binary();
    case "date":
      return new DateDay();
    case "timestamp":
      return new Timestamp(TimeUnit.MICROSECOND, UTC);
    case "timestamp_ntz":
      return new Timestamp(TimeUnit.MICROSECOND);
  }
  const dec = decimalParts(type);
  if (dec !== null) return new Decimal(dec.scale, dec.precision, 128);
  throw new MetadataSchemaError(`delta: no Arrow type for Delta type "${type}"`);
}

/**
 * The Arrow field of a Delta field (same name and nullability).
 *
 * @example
 * deltaFieldToArrow({ name: "x", type: "long", nullable: true, metadata: {} }); // Field x: Int64
 */
export function deltaFieldToArrow(field: DeltaField): Field {
  return new Field(field.name, deltaToArrowType(field.type), field.nullable);
}

/**
 * The Arrow schema a Delta table reads as.
 *
 * @example
 * deltaSchemaToArrow(snapshot.schema).fields.map((f) => f.name);
 */
export function deltaSchemaToArrow(schema: DeltaStructType): Schema {
  return new Schema(schema.fields.map(deltaFieldToArrow));
}

/**
 * The Delta type of an Arrow type, following delta-rs: unsigned integers map to the signed type of
 * the same width, `Timestamp` with a timezone to `timestamp` and without to `timestamp_ntz`, any
 * string layout (and string dictionaries) to `string`. Every field, array element and map value is
 * nullable, whatever the Arrow field says (apache-arrow's `Field` defaults to non-nullable, and
 * Polars/delta-rs tables are nullable throughout). Types Delta cannot hold (null, time,
 * duration, interval, union, float16) throw `MetadataSchemaError` naming the column.
 *
 * @example
 * arrowToDeltaType(new Uint32(), "n"); // "integer"
 */
export function arrowToDeltaType(type: DataType, column: string): DeltaType {
  switch (type.typeId) {
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Utf8View:
      return "string";
    case Type.Binary:
    case Type.LargeBinary:
    case Type.BinaryView:
    case Type.FixedSizeBinary:
      return "binary";
    case Type.Bool:
      return "boolean";
    case Type.Int:
      return intName((type as IntType).bitWidth);
    case Type.Float: {
      const precision = (type as FloatType).precision;
      if (precision === Precision.SINGLE) return "float";
      if (precision === Precision.DOUBLE) return "double";
      break;
    }
    case Type.Date:
      return "date";
    case Type.Timestamp: {
      const tz = (type as Timestamp).timezone;
      return tz === null || tz === undefined || tz === "" ? "timestamp_ntz" : "timestamp";
    }
    case Type.Decimal: {
      const d = type as Decimal;
      if (d.precision <= 38) return `decimal(${d.precision},${d.scale})`;
      break;
    }
    case Type.Dictionary:
      return arrowToDeltaType((type as unknown as { dictionary: DataType }).dictionary, column);
    case Type.Struct:
      return {
        type: "struct",
        fields: (type as Struct).children.map((f) => arrowFieldToDelta(f, `${column}.${f.name}`)),
      };
    case Type.List:
    case Type.LargeList:
    case Type.FixedSizeList: {
      const child = type.children[0] as Field;
      return {
        type: "array",
        elementType: arrowToDeltaType(child.type, `${column}.${LIST_ELEMENT}`),
        containsNull: true,
      };
    }
    case Type.Map: {
      const [key, value] = (type as Map_).children[0]!.type.children as Field[];
      return {
        type: "map",
        keyType: arrowToDeltaType(key!.type, `${column}.key`),
        valueType: arrowToDeltaType(value!.type, `${column}.value`),
        valueContainsNull: true,
      };
    }
  }
  throw new MetadataSchemaError(`delta: column "${column}" has Arrow type ${type}, which Delta cannot store`);
}

function intName(bitWidth: number): string {
  switch (bitWidth) {
    case 8:
      return "byte";
    case 16:
      return "short";
    case 32:
      return "integer";
    default:
      return "long";
  }
}

function arrowFieldToDelta(field: Field, column: string): DeltaField {
  return { name: field.name, type: arrowToDeltaType(field.type, column), nullable: true, metadata: {} };
}

/**
 * The Delta schema of an Arrow schema (see `arrowToDeltaType`); duplicate column names are refused.
 *
 * @example
 * arrowSchemaToDelta(table.schema).fields.map((f) => f.type);
 */
export function arrowSchemaToDelta(schema: Schema): DeltaStructType {
  const seen = new Set<string>();
  for (const f of schema.fields) {
    const lower = f.name.toLowerCase();
    if (seen.has(lower)) {
      throw new MetadataSchemaError(`delta: duplicate column "${f.name}" (Delta column names ignore case)`);
    }
    seen.add(lower);
  }
  return { type: "struct", fields: schema.fields.map((f) => arrowFieldToDelta(f, f.name)) };
}
