import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KernelError } from "../../src/errors.js";
import { getKernels, kernelsInfo } from "../../src/kernels/index.js";
import { portableKernels } from "../../src/kernels/portable.js";

describe("getKernels / kernelsInfo", () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.METAXY_KERNELS;
    delete process.env.METAXY_KERNELS;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.METAXY_KERNELS;
    else process.env.METAXY_KERNELS = saved;
  });

  it("returns the portable set on request and by METAXY_KERNELS=portable", () => {
    expect(getKernels("portable")).toBe(portableKernels);
    expect(portableKernels.kind).toBe("portable");
    process.env.METAXY_KERNELS = "portable";
    expect(getKernels()).toBe(portableKernels);
    expect(kernelsInfo().active).toBe("portable");
  });

  it("defaults to native exactly when it loads, and explains why not otherwise", () => {
    const info = kernelsInfo();
    if (info.nativeAvailable) {
      expect(info.active).toBe("native");
      expect(getKernels().kind).toBe("native");
      expect(info.nativeError).toBeUndefined();
    } else {
      expect(info.active).toBe("portable");
      expect(getKernels()).toBe(portableKernels);
      expect(info.nativeError).toMatch(/^kernels: /);
      let caught: unknown;
      try {
        getKernels("native");
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(KernelError);
      expect((caught as KernelError).code).toBe("KERNEL");
      expect((caught as KernelError).message).toContain(info.nativeError);
      expect((caught as KernelError).cause).toBeInstanceOf(Error);
      process.env.METAXY_KERNELS = "native";
      expect(() => getKernels()).toThrow(KernelError);
    }
  });

  it("rejects an unknown METAXY_KERNELS value", () => {
    process.env.METAXY_KERNELS = "wasm";
    expect(() => getKernels()).toThrow(/kernels: invalid METAXY_KERNELS "wasm"/);
    expect(getKernels("portable")).toBe(portableKernels);
  });
});
