import { randomUUID } from "node:crypto";
import { tableFromArrays, tableToIPC } from "apache-arrow";
import { parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import * as parquet from "parquet-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { objectAsyncBuffer } from "../../../src/store/io/async-buffer.js";
import { S3ObjectStore } from "../../../src/store/io/s3.js";
import { type S3Server, startS3Server } from "../../support/s3-server.js";

let server: S3Server;
beforeAll(async () => {
  server = await startS3Server({ buckets: ["pq"] });
});
afterAll(async () => {
  await server.close();
});

function store(): S3ObjectStore {
  return new S3ObjectStore({
    bucket: "pq",
    prefix: randomUUID(),
    endpoint: server.endpoint,
    allowHttp: true,
    skipSignature: true,
  });
}

describe("objectAsyncBuffer", () => {
  it("lets hyparquet read a Parquet file through ranged reads only", async () => {
    const table = tableFromArrays({ id: Int32Array.from([1, 2, 3]), name: ["a", "b", "ünï"] });
    const bytes = parquet.writeParquet(parquet.Table.fromIPCStream(tableToIPC(table, "stream")));
    const s = store();
    await s.put("t/part-0.parquet", bytes);
    const before = server.requests.length;
    const file = objectAsyncBuffer(s, "t/part-0.parquet", bytes.length);
    const metadata = await parquetMetadataAsync(file);
    expect(metadata.num_rows).toBe(3n);
    expect(metadata.schema.map((e) => e.name)).toEqual(["arrow_schema", "id", "name"]);
    const rows = await parquetReadObjects({ file, metadata });
    expect(rows).toEqual([
      { id: 1, name: "a" },
      { id: 2, name: "b" },
      { id: 3, name: "ünï" },
    ]);
    const sent = server.requests.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    for (const r of sent) {
      expect(r.method).toBe("GET");
      expect(r.headers.range).toMatch(/^bytes=\d+-\d+$/);
    }
  });

  it("follows ArrayBuffer.slice bounds: negative, missing and clamped", async () => {
    const s = store();
    await s.put("ten", new TextEncoder().encode("0123456789"));
    const file = objectAsyncBuffer(s, "ten", 10);
    const read = async (start: number, end?: number) =>
      new TextDecoder().decode(await file.slice(start, end));
    expect(file.byteLength).toBe(10);
    expect(await read(2, 5)).toBe("234");
    expect(await read(7)).toBe("789");
    expect(await read(-3)).toBe("789");
    expect(await read(-4, -2)).toBe("67");
    expect(await read(8, 100)).toBe("89");
    expect(await read(6, 3)).toBe("");
    const whole = await file.slice(0);
    expect(whole).toBeInstanceOf(ArrayBuffer);
    expect(whole.byteLength).toBe(10);
  });
});
