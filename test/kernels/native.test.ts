import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { makeData, Utf8 } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { utf8Vector } from "../../src/arrow/strings.js";
import { KernelError } from "../../src/errors.js";
import { HASH_ALGORITHMS, type HashAlgorithm } from "../../src/kernels/kernels.js";
import { loadNativeKernels } from "../../src/kernels/native.js";
import { announceSkip, haveNative, nativeKernels, requireNativeTest } from "./native-support.js";

interface HashCase {
  readonly kind: string;
  readonly id: string;
  readonly algorithm: HashAlgorithm;
  readonly input: string;
  readonly expected: string;
}

const golden = JSON.parse(
  readFileSync(new URL("../data/versioning-public.json", import.meta.url), "utf8"),
) as {
  cases: HashCase[];
};
const hashCases = golden.cases.filter((c) => c.kind === "hash");

announceSkip("native.test.ts");
requireNativeTest();

describe.runIf(haveNative)("native kernels", () => {
  it("hashes every public golden case to Python Metaxy's rendering", () => {
    expect(hashCases).toHaveLength(22);
    const k = nativeKernels();
    for (const c of hashCases) {
      const out = k.hashRows(c.algorithm, [{ column: utf8Vector([c.input]) }], {
        separator: "|",
        truncation: null,
      });
      expect(out.get(0), c.id).toBe(c.expected);
    }
  });

  it("rebuilds the §6.A pre-images from literals and columns, truncated and not", () => {
    const k = nativeKernels();
    const byPreimage = new Map<string, Map<HashAlgorithm, string>>();
    for (const c of hashCases) {
      if (!c.input.startsWith("default|")) continue;
      byPreimage.set(c.input, (byPreimage.get(c.input) ?? new Map()).set(c.algorithm, c.expected));
    }
    const audio = utf8Vector(["a1", "a2", "a3"]);
    const frames = utf8Vector(["v1", "v2", "v3"]);
    const parts = [
      { literal: "default" },
      { literal: "1" },
      { literal: "video/audio" },
      { column: audio },
      { literal: "video/frames" },
      { column: frames },
    ];
    const pre = ["a1", "a2", "a3"].map((a, i) => `default|1|video/audio|${a}|video/frames|v${i + 1}`);
    for (const algorithm of ["xxhash64", "xxhash32", "wyhash", "md5", "sha256"] as HashAlgorithm[]) {
      const want = pre.map((p) => byPreimage.get(p)?.get(algorithm));
      expect(want.every((w) => w !== undefined)).toBe(true);
      const full = k.hashRows(algorithm, parts, { separator: "|", truncation: null });
      expect(full.toArray()).toEqual(want);
      const cut = k.hashRows(algorithm, parts, { separator: "|", truncation: 8 });
      expect(cut.toArray()).toEqual(want.map((w) => w!.slice(0, 8)));
    }
  });

  it("returns one Utf8 chunk with nulls where a part is null", () => {
    const out = nativeKernels().hashRows("xxhash32", [{ column: utf8Vector(["", null, "hello_world"]) }], {
      separator: "|",
      truncation: 8,
    });
    expect(out.type).toBeInstanceOf(Utf8);
    expect(out.data).toHaveLength(1);
    expect(out.nullCount).toBe(1);
    expect(out.toArray()).toEqual(["46947589", null, "16059564"]);
  });

  it("turns native errors into KernelError with the native error as cause", () => {
    const k = nativeKernels();
    const err = catchError(() => k.take(utf8Vector(["a"]), Int32Array.of(0, 5)));
    expect(err).toBeInstanceOf(KernelError);
    expect((err as KernelError).code).toBe("KERNEL");
    expect((err as Error).message).toMatch(/^kernels: take index 5 is outside a column of 1 rows/);
    expect(((err as Error).cause as { code?: string }).code).toBe("KERNEL");
  });

  it("rejects string offsets that run backwards before reading them", () => {
    const bad = makeData({
      type: new Utf8(),
      length: 2,
      nullCount: 0,
      valueOffsets: Int32Array.of(0, 5, 2),
      data: new TextEncoder().encode("hello"),
    });
    for (const algorithm of HASH_ALGORITHMS) {
      const err = catchError(() =>
        nativeKernels().hashRows(algorithm, [{ column: bad }], { separator: "", truncation: 8 }),
      );
      expect(err).toBeInstanceOf(KernelError);
      expect((err as Error).message).toMatch(/^kernels: string offsets 0\.\.2 go backwards/);
    }
  });

  it("turns a panic inside the module into an exception and keeps working", () => {
    const dir = fileURLToPath(new URL("../../native/", import.meta.url));
    const file = readdirSync(dir).find((f) => f.endsWith(".node"))!;
    const binding = createRequire(import.meta.url)(`${dir}${file}`) as { __panic(): void };
    expect(() => binding.__panic()).toThrow(
      /^kernels: native kernel failed: deliberate panic from __panic\(\) at /,
    );
    expect(
      nativeKernels()
        .hashRows("md5", [{ literal: "" }], { separator: "", truncation: 4 }, 1)
        .get(0),
    ).toBe("d41d");
  });

  it("rejects a thread count that is not a positive integer", () => {
    expect(() => loadNativeKernels({ threads: 0 })).toThrow(KernelError);
  });
});

describe("native module loading", () => {
  it("throws KernelError with the load error as cause when the module file is missing", () => {
    const script = [
      `import { loadNativeKernels } from ${JSON.stringify(fileURLToPath(new URL("../../src/kernels/native.ts", import.meta.url)))};`,
      "try { loadNativeKernels(); console.log('loaded'); }",
      "catch (e) { console.log(JSON.stringify({ name: e.name, code: e.code, message: e.message, cause: e.cause?.code })); }",
    ].join("\n");
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
      env: { ...process.env, METAXY_NATIVE_LIBRARY: "/nonexistent/metaxy-native.node" },
    });
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout.trim()) as Record<string, string>;
    expect(out.name).toBe("KernelError");
    expect(out.code).toBe("KERNEL");
    expect(out.message).toContain("kernels: native module not loaded from /nonexistent/metaxy-native.node");
    expect(out.cause).toBe("MODULE_NOT_FOUND");
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}
