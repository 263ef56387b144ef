import { Int64, Table, TimestampMicrosecond, Vector, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { buildData } from "../../../src/arrow/build-data.js";
import { utf8Vector } from "../../../src/arrow/strings.js";
import { METAXY_DELETED_AT, METAXY_UPDATED_AT } from "../../../src/constants.js";
import { MetadataSchemaError } from "../../../src/errors.js";
import { parseFilter } from "../../../src/filters/parse-filter.js";
import { getKernels, kernelsInfo } from "../../../src/kernels/index.js";
import type { Kernels } from "../../../src/kernels/kernels.js";
import { applyReadPipeline } from "../../../src/store/base/apply-read-pipeline.js";
import { keepLatestRows } from "../../../src/store/base/keep-latest-rows.js";

const sets: [string, () => Kernels][] = [["portable", () => getKernels("portable")]];
if (kernelsInfo().nativeAvailable) sets.push(["native", () => getKernels("native")]);

const ts = (values: readonly (bigint | null)[]) =>
  new Vector([buildData(values, new TimestampMicrosecond("UTC"), { path: "t" })]);
const i64 = (values: readonly (bigint | null)[]) => vectorFromArray([...values], new Int64());

function frame(
  ids: readonly (bigint | null)[],
  updated: readonly bigint[],
  deleted?: readonly (bigint | null)[],
) {
  return new Table({
    id: i64(ids),
    tag: utf8Vector(ids.map((_, i) => `r${i}`)),
    [METAXY_UPDATED_AT]: ts(updated),
    ...(deleted === undefined ? {} : { [METAXY_DELETED_AT]: ts(deleted) }),
  });
}

const tags = (t: Table) => Array.from(t.getChild("tag")!, String);

describe.each(sets)("keepLatestRows [%s]", (_, kernels) => {
  it("ids already strictly ascending: the table itself, whatever the timestamps", () => {
    const t = frame([1n, 2n, 5n], [30n, 10n, 20n], [null, 99n, null]);
    expect(keepLatestRows(t, ["id"], kernels())).toBe(t);
  });

  it("duplicates: latest by coalesce(deleted_at, updated_at), ties to the later row, order kept", () => {
    const t = frame([3n, 1n, 3n, 2n, 1n, 3n], [5n, 9n, 7n, 1n, 9n, 2n], [null, null, null, null, null, 8n]);
    expect(tags(keepLatestRows(t, ["id"], kernels()))).toEqual(["r3", "r4", "r5"]);
  });

  it("an appended batch after ascending ids still deduplicates", () => {
    const t = frame([0n, 1n, 2n, 3n, 1n, 3n], [1n, 1n, 1n, 1n, 2n, 2n]);
    expect(tags(keepLatestRows(t, ["id"], kernels()))).toEqual(["r0", "r2", "r4", "r5"]);
  });

  it("null ids form one group (not a distinct-key shortcut)", () => {
    const t = frame([null, 1n, null], [1n, 1n, 2n]);
    expect(tags(keepLatestRows(t, ["id"], kernels()))).toEqual(["r1", "r2"]);
  });

  it("multi-column ids: ascending tuples are kept as they are; a repeated tuple is not", () => {
    const t = new Table({
      a: i64([1n, 1n, 2n]),
      b: utf8Vector(["x", "y", "x"]),
      tag: utf8Vector(["r0", "r1", "r2"]),
      [METAXY_UPDATED_AT]: ts([1n, 1n, 1n]),
    });
    expect(keepLatestRows(t, ["a", "b"], kernels())).toBe(t);
    const dup = new Table({
      a: i64([1n, 1n, 1n]),
      b: utf8Vector(["x", "y", "x"]),
      tag: utf8Vector(["r0", "r1", "r2"]),
      [METAXY_UPDATED_AT]: ts([1n, 1n, 1n]),
    });
    expect(tags(keepLatestRows(dup, ["a", "b"], kernels()))).toEqual(["r1", "r2"]);
  });

  it("a wrongly typed timestamp column is refused even when the ids are ascending", () => {
    const t = new Table({ id: i64([1n, 2n]), [METAXY_UPDATED_AT]: utf8Vector(["a", "b"]) });
    expect(() => keepLatestRows(t, ["id"], kernels())).toThrow(MetadataSchemaError);
  });

  it("with `keep`: a gather copies only those columns; nothing to gather keeps the table whole", () => {
    const t = frame([3n, 1n, 3n], [1n, 1n, 2n]);
    const out = keepLatestRows(t, ["id"], kernels(), ["tag", "absent"]);
    expect(out.schema.fields.map((f) => f.name)).toEqual(["tag"]);
    expect(tags(out)).toEqual(["r1", "r2"]);
    const ascending = frame([1n, 2n], [1n, 1n]);
    expect(keepLatestRows(ascending, ["id"], kernels(), ["tag"])).toBe(ascending);
  });

  it("applyReadPipeline: projected reads still filter on columns they do not return", () => {
    const t = new Table({
      id: i64([1n, 2n, 1n, 3n, 2n]),
      tag: utf8Vector(["r0", "r1", "r2", "r3", "r4"]),
      score: i64([5n, 1n, 7n, 9n, 0n]),
      "a.b": i64([1n, 1n, 1n, 0n, 1n]),
      [METAXY_UPDATED_AT]: ts([1n, 1n, 2n, 1n, 2n]),
      [METAXY_DELETED_AT]: ts([null, null, null, 4n, null]),
    });
    const out = applyReadPipeline(
      t,
      {
        featureVersion: null,
        idColumns: ["id"],
        dedup: true,
        dropSoftDeleted: true,
        filters: [parseFilter("score > 0"), parseFilter('"a.b" = 1')],
        columns: ["tag"],
      },
      kernels(),
    );
    expect(out.schema.fields.map((f) => f.name)).toEqual(["tag"]);
    expect(tags(out)).toEqual(["r2"]);
  });
});
