import { describe, expect, it } from "vitest";
import { getKernels } from "../../../src/kernels/index.js";
import type { Kernels } from "../../../src/kernels/kernels.js";
import { InMemoryMetadataStore } from "../../../src/store/memory/in-memory-metadata-store.js";
import type { StoreCapabilities } from "../../../src/store/metadata-store.js";
import { describeStoreConformance, type StoreFactory } from "../../conformance/index.js";

const factory: StoreFactory = async (options) => new InMemoryMetadataStore(options);
const capabilities: StoreCapabilities = {
  hardDelete: true,
  persistent: false,
  remote: false,
  mapDatatype: true,
  systemTables: false,
  concurrentWriters: false,
  dropKeepsTable: false,
};

describeStoreConformance({
  label: "memory/portable",
  kernels: getKernels("portable"),
  capabilities,
  factory,
});

let native: Kernels | null = null;
let reason = "";
try {
  native = getKernels("native");
} catch (error) {
  reason = error instanceof Error ? error.message : String(error);
}

if (native !== null) {
  describeStoreConformance({ label: "memory/native", kernels: native, capabilities, factory });
} else if (process.env.METAXY_REQUIRE_NATIVE === "1") {
  describe("memory/native", () => {
    it("loads the native kernels (METAXY_REQUIRE_NATIVE=1)", () => {
      expect.fail(`native kernels required but unavailable: ${reason}`);
    });
  });
} else {
  console.log(`conformance: memory/native not run — native kernels unavailable: ${reason}`);
}
