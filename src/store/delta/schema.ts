import { DeltaProtocolError } from "../../errors.js";

/** A Delta primitive type name (`decimal(p,s)` carries its precision and scale). */
export type DeltaPrimitiveType = string;

/**
 * A Delta struct: the table schema itself, or a struct column.
 *
 * @example
 * const schema: DeltaStructType = { type: "struct", fields: [{ name: "x", type: "long", nullable: true, metadata: {} }] };
 */
export interface DeltaStructType {
  readonly type: "struct";
  readonly fields: readonly DeltaField[];
}

/** A Delta array column. */
export interface DeltaArrayType {
  readonly type: "array";
  readonly elementType: DeltaType;
  readonly containsNull: boolean;
}

/** A Delta map column. */
export interface DeltaMapType {
  readonly type: "map";
  readonly keyType: DeltaType;
  readonly valueType: DeltaType;
  readonly valueContainsNull: boolean;
}

/**
 * Any Delta column type, as in the log's `schemaString`.
 *
 * @example
 * const t: DeltaType = { type: "map", keyType: "string", valueType: "string", valueContainsNull: true };
 */
export type DeltaType = DeltaPrimitiveType | DeltaStructType | DeltaArrayType | DeltaMapType;

/**
 * One (possibly nested) column of a Delta schema.
 *
 * @example
 * { name: "x", type: "long", nullable: true, metadata: {} }
 */
export interface DeltaField {
  readonly name: string;
  readonly type: DeltaType;
  readonly nullable: boolean;
  readonly metadata: Readonly<Record<string, unknown>>;
}

const PRIMITIVES: ReadonlySet<string> = new Set([
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
  "timestamp",
  "timestamp_ntz",
]);

const DECIMAL = /^decimal\(\s*(\d+)\s*,\s*(\d+)\s*\)$/;

/**
 * Precision and scale of a `decimal(p,s)` type name, or `null` for any other type.
 *
 * @example
 * decimalParts("decimal(10,2)"); // { precision: 10, scale: 2 }
 */
export function decimalParts(type: DeltaType): { precision: number; scale: number } | null {
  if (typeof type !== "string") return null;
  const m = DECIMAL.exec(type);
  return m === null ? null : { precision: Number(m[1]), scale: Number(m[2]) };
}

/**
 * Parses a `metaData.schemaString`. Types we cannot represent (`variant`, `void`, intervals…) are
 * refused with `DeltaProtocolError` naming the column, rather than read as something else.
 *
 * @example
 * parseSchemaString('{"type":"struct","fields":[{"name":"x","type":"long","nullable":true,"metadata":{}}]}');
 */
export function parseSchemaString(schemaString: string): DeltaStructType {
  let json: unknown;
  try {
    json = JSON.parse(schemaString);
  } catch (cause) {
    throw new DeltaProtocolError(`delta: schemaString is not valid JSON: ${String(cause)}`, { cause });
  }
  const type = parseType(json, "<table>");
  if (typeof type === "string" || type.type !== "struct") {
    throw new DeltaProtocolError(`delta: schemaString must be a struct, got ${JSON.stringify(json)}`);
  }
  return type;
}

function parseType(json: unknown, path: string): DeltaType {
  if (typeof json === "string") {
    if (PRIMITIVES.has(json)) return json;
    const dec = decimalParts(json);
    if (dec !== null) return `decimal(${dec.precision},${dec.scale})`;
    throw new DeltaProtocolError(`delta: column "${path}" has unsupported type "${json}"`);
  }
  const obj = asObject(json, path);
  switch (obj.type) {
    case "struct": {
      if (!Array.isArray(obj.fields)) throw invalid(path, "struct without fields");
      const fields = obj.fields.map((f: unknown) => parseField(f, path));
      return { type: "struct", fields };
    }
    case "array":
      return {
        type: "array",
        elementType: parseType(obj.elementType, `${path}.element`),
        containsNull: obj.containsNull !== false,
      };
    case "map":
      return {
        type: "map",
        keyType: parseType(obj.keyType, `${path}.key`),
        valueType: parseType(obj.valueType, `${path}.value`),
        valueContainsNull: obj.valueContainsNull !== false,
      };
    default:
      throw new DeltaProtocolError(`delta: column "${path}" has unsupported type ${JSON.stringify(json)}`);
  }
}

function parseField(json: unknown, parent: string): DeltaField {
  const obj = asObject(json, parent);
  if (typeof obj.name !== "string") throw invalid(parent, "field without a name");
  const path = parent === "<table>" ? obj.name : `${parent}.${obj.name}`;
  const metadata = obj.metadata;
  return {
    name: obj.name,
    type: parseType(obj.type, path),
    nullable: obj.nullable !== false,
    metadata: metadata !== null && typeof metadata === "object" ? (metadata as Record<string, unknown>) : {},
  };
}

function asObject(json: unknown, path: string): Record<string, unknown> {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw invalid(path, `expected a type object, got ${JSON.stringify(json)}`);
  }
  return json as Record<string, unknown>;
}

function invalid(path: string, what: string): DeltaProtocolError {
  return new DeltaProtocolError(`delta: invalid schema at "${path}": ${what}`);
}

/**
 * Serialises a schema the way Spark and delta-rs write `schemaString` (keys in spec order).
 *
 * @example
 * schemaToString({ type: "struct", fields: [{ name: "x", type: "long", nullable: true, metadata: {} }] });
 */
export function schemaToString(schema: DeltaStructType): string {
  return JSON.stringify(typeToJson(schema));
}

function typeToJson(type: DeltaType): unknown {
  if (typeof type === "string") return type;
  switch (type.type) {
    case "struct":
      return {
        type: "struct",
        fields: type.fields.map((f) => ({
          name: f.name,
          type: typeToJson(f.type),
          nullable: f.nullable,
          metadata: f.metadata,
        })),
      };
    case "array":
      return { type: "array", elementType: typeToJson(type.elementType), containsNull: type.containsNull };
    case "map":
      return {
        type: "map",
        keyType: typeToJson(type.keyType),
        valueType: typeToJson(type.valueType),
        valueContainsNull: type.valueContainsNull,
      };
  }
}

/**
 * A short, stable rendering of a type for error messages (`struct<a: long>`, `array<string>`).
 *
 * @example
 * typeName({ type: "array", elementType: "long", containsNull: true }); // "array<long>"
 */
export function typeName(type: DeltaType): string {
  if (typeof type === "string") return type;
  switch (type.type) {
    case "struct":
      return `struct<${type.fields.map((f) => `${f.name}: ${typeName(f.type)}`).join(", ")}>`;
    case "array":
      return `array<${typeName(type.elementType)}>`;
    case "map":
      return `map<${typeName(type.keyType)}, ${typeName(type.valueType)}>`;
  }
}

/**
 * True when the type, or any type nested in it, is `timestamp_ntz` (the table then needs the
 * `timestampNtz` feature).
 *
 * @example
 * containsType({ type: "struct", fields: [] }, "timestamp_ntz"); // false
 */
export function containsType(type: DeltaType, name: string): boolean {
  if (typeof type === "string") return type === name;
  switch (type.type) {
    case "struct":
      return type.fields.some((f) => containsType(f.type, name));
    case "array":
      return containsType(type.elementType, name);
    case "map":
      return containsType(type.keyType, name) || containsType(type.valueType, name);
  }
}
