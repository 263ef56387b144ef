import { describe, expect, it } from "vitest";
import { DeltaProtocolError } from "../../../src/errors.js";
import {
  checkReadable,
  checkWritable,
  protocolForSchema,
  upgradeProtocol,
} from "../../../src/store/delta/protocol.js";
import { parseSchemaString } from "../../../src/store/delta/schema.js";

const plain = parseSchemaString('{"type":"struct","fields":[{"name":"x","type":"long"}]}');
const ntz = parseSchemaString(
  '{"type":"struct","fields":[{"name":"s","type":{"type":"array","elementType":"timestamp_ntz"}}]}',
);

function refusal(run: () => void): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DeltaProtocolError);
    expect((error as DeltaProtocolError).code).toBe("DELTA_PROTOCOL");
    return (error as Error).message;
  }
  throw new Error("expected a DeltaProtocolError");
}

describe("protocol checks", () => {
  it("reads reader version 1 and 3 with timestampNtz only", () => {
    expect(() => checkReadable({ minReaderVersion: 1, minWriterVersion: 7 }, "t")).not.toThrow();
    expect(() =>
      checkReadable({ minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ["timestampNtz"] }, "t"),
    ).not.toThrow();
    expect(refusal(() => checkReadable({ minReaderVersion: 2, minWriterVersion: 5 }, "t"))).toBe(
      "delta: table t needs reader version 2 (column mapping), which is not supported (supported: reader version 1, or 3 with features [timestampNtz])",
    );
    expect(
      refusal(() =>
        checkReadable(
          {
            minReaderVersion: 3,
            minWriterVersion: 7,
            readerFeatures: ["timestampNtz", "v2Checkpoint", "columnMapping"],
          },
          "t",
        ),
      ),
    ).toBe(
      'delta: table t needs reader version 3 with reader features "v2Checkpoint", "columnMapping", which are not supported (supported: [timestampNtz])',
    );
    expect(refusal(() => checkReadable({ minReaderVersion: 4, minWriterVersion: 7 }, "t"))).toBe(
      "delta: table t needs reader version 4, which is not supported",
    );
  });

  it("writes writer versions 1, 2 and 7 with known features, and no invariants", () => {
    expect(() => checkWritable({ minReaderVersion: 1, minWriterVersion: 2 }, plain, "t")).not.toThrow();
    expect(() =>
      checkWritable(
        { minReaderVersion: 1, minWriterVersion: 7, writerFeatures: ["appendOnly", "invariants"] },
        plain,
        "t",
      ),
    ).not.toThrow();
    expect(refusal(() => checkWritable({ minReaderVersion: 1, minWriterVersion: 4 }, plain, "t"))).toMatch(
      /^delta: table t needs writer version 4 \(/,
    );
    expect(
      refusal(() =>
        checkWritable(
          { minReaderVersion: 1, minWriterVersion: 7, writerFeatures: ["deletionVectors"] },
          plain,
          "t",
        ),
      ),
    ).toBe(
      'delta: table t needs writer version 7 with writer feature "deletionVectors", which is not supported (supported: [appendOnly, invariants, timestampNtz])',
    );
    const guarded = parseSchemaString(
      '{"type":"struct","fields":[{"name":"s","type":{"type":"struct","fields":[{"name":"x","type":"long","metadata":{"delta.invariants":"{}"}}]}}]}',
    );
    expect(refusal(() => checkWritable({ minReaderVersion: 1, minWriterVersion: 2 }, guarded, "t"))).toBe(
      'delta: table t has a column invariant on "s.x", which is not supported for writing',
    );
  });

  it("chooses 1/2 for plain tables and 3/7 timestampNtz when any column is timestamp_ntz", () => {
    expect(protocolForSchema(plain)).toEqual({ minReaderVersion: 1, minWriterVersion: 2 });
    expect(protocolForSchema(ntz)).toEqual({
      minReaderVersion: 3,
      minWriterVersion: 7,
      readerFeatures: ["timestampNtz"],
      writerFeatures: ["timestampNtz"],
    });
  });

  it("upgrades only when the feature is missing, keeping existing features", () => {
    expect(upgradeProtocol({ minReaderVersion: 1, minWriterVersion: 2 }, plain)).toBeNull();
    expect(upgradeProtocol(protocolForSchema(ntz), ntz)).toBeNull();
    expect(
      upgradeProtocol({ minReaderVersion: 1, minWriterVersion: 7, writerFeatures: ["appendOnly"] }, ntz),
    ).toEqual({
      minReaderVersion: 3,
      minWriterVersion: 7,
      readerFeatures: ["timestampNtz"],
      writerFeatures: ["appendOnly", "timestampNtz"],
    });
  });
});
