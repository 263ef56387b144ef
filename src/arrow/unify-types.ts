import {
  type DataType,
  Field,
  Float64,
  Int,
  List,
  Map_,
  Struct,
  Timestamp,
  type Timestamp as TimestampType,
  Type,
} from "apache-arrow";
import { MetadataSchemaError } from "../errors.js";
import { canonicalType, sameType } from "./canonical-type.js";

const UTC_NAMES = new Set(["UTC", "Etc/UTC", "+00:00", "Z", "utc"]);

/**
 * The type that holds values of both `a` and `b`, for stacking tables: Null + X → X; integers →
 * the narrowest integer holding both ranges (Int32 + Int64 → Int64, Uint8 + Int8 → Int16);
 * integer + float → Float64; Utf8 / LargeUtf8 / Utf8View / Dictionary<Utf8> → Utf8; Timestamps →
 * the finer unit (time zones must agree, a missing zone adopts the other); Structs → the union of
 * their fields (a's order, then b's new ones), field types unified; Maps and Lists → unified
 * children. Anything else is a MetadataSchemaError naming the column and both types.
 *
 * @example
 * unifyTypes(new Int32(), new Int64(), "n"); // Int64
 */
export function unifyTypes(a: DataType, b: DataType, path: string): DataType {
  a = canonicalType(a);
  b = canonicalType(b);
  if (sameType(a, b)) return a;
  const ida: number = a.typeId;
  const idb: number = b.typeId;
  if (ida === Type.Null) return b;
  if (idb === Type.Null) return a;
  const incompatible = () =>
    new MetadataSchemaError(`arrow: column "${path}" has incompatible types ${a} and ${b}`);
  if (ida === Type.Int && idb === Type.Int) return unifyInts(a as Int, b as Int);
  if (isNumeric(a) && isNumeric(b)) return new Float64();
  if (ida !== idb) throw incompatible();
  switch (ida) {
    case Type.Timestamp: {
      const [ta, tb] = [a as TimestampType, b as TimestampType];
      const za = ta.timezone ?? null;
      const zb = tb.timezone ?? null;
      if (za !== null && zb !== null && za !== zb && !(UTC_NAMES.has(za) && UTC_NAMES.has(zb)))
        throw incompatible();
      return new Timestamp(Math.max(ta.unit, tb.unit), za ?? zb);
    }
    case Type.Struct: {
      const fields = a.children.map((f) => {
        const other = b.children.find((g) => g.name === f.name);
        return other
          ? new Field(f.name, unifyTypes(f.type, other.type, `${path}.${f.name}`), true, f.metadata)
          : f.clone({ nullable: true });
      });
      for (const g of b.children) {
        if (!a.children.some((f) => f.name === g.name)) fields.push(g.clone({ nullable: true }));
      }
      return new Struct(fields);
    }
    case Type.Map: {
      const [ka, va] = (a as Map_).childType.children as [Field, Field];
      const [kb, vb] = (b as Map_).childType.children as [Field, Field];
      const entries = new Struct([
        new Field("key", unifyTypes(ka.type, kb.type, `${path} (map key)`), false),
        new Field("value", unifyTypes(va.type, vb.type, path), true),
      ]);
      return new Map_(new Field("entries", entries, false) as Field<Struct>);
    }
    case Type.List: {
      const child = unifyTypes(a.children[0]!.type, b.children[0]!.type, `${path}[]`);
      return new List(a.children[0]!.clone({ type: child, nullable: true }));
    }
    default:
      throw incompatible();
  }
}

function isNumeric(t: DataType): boolean {
  const id: number = t.typeId;
  return id === Type.Int || id === Type.Float;
}

function unifyInts(a: Int, b: Int): Int {
  if (a.isSigned === b.isSigned)
    return new Int(a.isSigned, Math.max(a.bitWidth, b.bitWidth) as 8 | 16 | 32 | 64);
  const signed = a.isSigned ? a : b;
  const unsigned = a.isSigned ? b : a;
  const width = Math.min(64, Math.max(signed.bitWidth, unsigned.bitWidth * 2));
  return new Int(true, width as 8 | 16 | 32 | 64);
}
