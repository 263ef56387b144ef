import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { PyFloat, parsePythonJson, pyFloatRepr, pythonJsonDumps } from "../../src/models/index.js";

// Expected strings are what CPython 3's json.dumps(value, sort_keys=True) prints for the same value.
describe("pythonJsonDumps", () => {
  it("uses Python's separators and literals", () => {
    expect(pythonJsonDumps({ b: [1, true, false, null], a: {} })).toBe(
      '{"a": {}, "b": [1, true, false, null]}',
    );
    expect(pythonJsonDumps([])).toBe("[]");
    expect(pythonJsonDumps("x")).toBe('"x"');
  });

  it("sorts keys by code point at every level, including integer-like keys", () => {
    const value = { "10": 1, "2": 2, b: { z: 1, "1": [{ y: 0, x: 0 }] }, a: 3, "\uffff": 4, "\u{1f600}": 5 };
    expect(Object.keys(value).slice(0, 2)).toEqual(["2", "10"]); // JS's own order, not Python's
    expect(pythonJsonDumps(value)).toBe(
      '{"10": 1, "2": 2, "a": 3, "b": {"1": [{"x": 0, "y": 0}], "z": 1}, "\\uffff": 4, "\\ud83d\\ude00": 5}',
    );
  });

  it("escapes like ensure_ascii=True", () => {
    expect(pythonJsonDumps('h\u00e9llo "q" \\ / \n\r\t\b\f \u0001 \u007f ~')).toBe(
      '"h\\u00e9llo \\"q\\" \\\\ / \\n\\r\\t\\b\\f \\u0001 \\u007f ~"',
    );
    expect(pythonJsonDumps("\u{1f600}\u2014\u4e2d")).toBe('"\\ud83d\\ude00\\u2014\\u4e2d"');
    expect(pythonJsonDumps("\ud800")).toBe('"\\ud800"');
  });

  it("writes floats with Python's repr", () => {
    expect(pythonJsonDumps([0.1, 1e-7, 2.5, -0.5, 1 / 3, 5e-324, 1.7976931348623157e308])).toBe(
      "[0.1, 1e-07, 2.5, -0.5, 0.3333333333333333, 5e-324, 1.7976931348623157e+308]",
    );
    const floats = [
      "1.0",
      "1e16",
      "1e15",
      "0.0001",
      "0.00001",
      "-0.0",
      "100.0",
      "123456789012345680.0",
      "1E-7",
    ];
    expect(pythonJsonDumps(floats.map((t) => new PyFloat(t)))).toBe(
      "[1.0, 1e+16, 1000000000000000.0, 0.0001, 1e-05, -0.0, 100.0, 1.2345678901234568e+17, 1e-07]",
    );
    expect(pythonJsonDumps([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])).toBe(
      "[NaN, Infinity, -Infinity]",
    );
  });

  it("writes safe-integer JS numbers and bigints as Python ints, larger JS numbers as floats", () => {
    expect(pythonJsonDumps([1, -0, 2 ** 53 - 1, -(2 ** 53 - 1), 12345678901234567890n, 10n ** 16n])).toBe(
      "[1, 0, 9007199254740991, -9007199254740991, 12345678901234567890, 10000000000000000]",
    );
    expect(pythonJsonDumps([1e16, 2 ** 53, 1e21])).toBe("[1e+16, 9007199254740992.0, 1e+21]");
  });

  it("writes objects through toJSON() and rejects what Python cannot dump", () => {
    expect(pythonJsonDumps({ d: new Date(0) })).toBe('{"d": "1970-01-01T00:00:00.000Z"}');
    for (const bad of [undefined, () => 1, Symbol("s"), new Map(), { a: undefined }]) {
      expect(() => pythonJsonDumps(bad)).toThrow(InvalidArgumentError);
    }
    try {
      pythonJsonDumps({ a: [1, { b: undefined }] });
    } catch (e) {
      expect((e as InvalidArgumentError).code).toBe("INVALID_ARGUMENT");
      expect((e as Error).message).toBe('json: cannot serialise undefined at "a.1.b"');
    }
  });
});

describe("pyFloatRepr", () => {
  it.each([
    [0.1, "0.1"],
    [1e-7, "1e-07"],
    [1e16, "1e+16"],
    [1e15, "1000000000000000.0"],
    [2, "2.0"],
    [-1.5e-10, "-1.5e-10"],
    [1e100, "1e+100"],
    [0.001, "0.001"],
  ])("repr(%d) = %s", (value, text) => {
    expect(pyFloatRepr(value)).toBe(text);
  });
});

describe("parsePythonJson", () => {
  it("keeps floats as PyFloat, ints as numbers, big ints as bigint", () => {
    const v = parsePythonJson(
      '{"a": 1.0, "b": 1, "c": 1e-07, "d": 12345678901234567890, "e": -0, "f": [NaN, -Infinity]}',
    ) as Record<string, unknown>;
    expect(v.a).toBeInstanceOf(PyFloat);
    expect((v.a as PyFloat).text).toBe("1.0");
    expect((v.a as PyFloat).value).toBe(1);
    expect(v.b).toBe(1);
    expect((v.c as PyFloat).value).toBe(1e-7);
    expect(v.d).toBe(12345678901234567890n);
    expect(Object.is(v.e, 0)).toBe(true);
    expect(pythonJsonDumps(v)).toBe(
      '{"a": 1.0, "b": 1, "c": 1e-07, "d": 12345678901234567890, "e": 0, "f": [NaN, -Infinity]}',
    );
  });

  it("round-trips Python output losslessly", () => {
    const text =
      '{"meta": {"10": [1.0, 2, 3.5e+20, 1e-07, true, null], "2": "\\u00e9\\ud83d\\ude00", "__proto__": {"x": "y"}}, "s": "a\\"b\\\\c\\n"}';
    const v = parsePythonJson(text);
    expect(pythonJsonDumps(v)).toBe(text);
    expect(Object.getPrototypeOf((v as { meta: object }).meta)).toBe(Object.prototype);
    expect(Object.keys((v as { meta: object }).meta)).toContain("__proto__");
  });

  it("decodes escapes, whitespace and duplicate keys like Python", () => {
    expect(parsePythonJson(' \n{ "a" : [ ] ,\t"a": "\\u00e9\\/" }\r')).toEqual({ a: "é/" });
    expect(parsePythonJson('"\\ud83d\\ude00"')).toBe("\u{1f600}");
  });

  it.each([
    ["{", "json: expected a property name in double quotes at position 1"],
    ["[1,]", "json: expected a value at position 3"],
    ['"a', "json: unterminated string at position 2"],
    ["01", "json: extra data at position 1"],
    ['"\\x"', "json: invalid escape at position 1"],
    ['"\u0001"', "json: invalid control character in string at position 1"],
    ["[1 2]", "json: expected ',' or ']' at position 4"],
  ])("rejects %j", (text, message) => {
    try {
      parsePythonJson(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect((e as Error).message.startsWith(message)).toBe(true);
    }
  });
});
