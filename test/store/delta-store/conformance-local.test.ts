/** Every conformance pack over Delta stores in fresh local directories, with both kernel sets. */
import type { Kernels } from "../../../src/kernels/kernels.js";
import { DeltaMetadataStore } from "../../../src/store/delta-store/delta-metadata-store.js";
import { describeStoreConformance } from "../../conformance/index.js";
import { deltaCapabilities, tempDir, withKernels } from "./helpers.js";

function localConformance(label: string, kernels: Kernels): void {
  describeStoreConformance({
    label,
    kernels,
    capabilities: deltaCapabilities(false),
    factory: async (options) => new DeltaMetadataStore({ ...options, rootPath: await tempDir() }),
  });
}

withKernels("portable", "delta-local/portable", (k) => localConformance("delta-local/portable", k));
withKernels("native", "delta-local/native", (k) => localConformance("delta-local/native", k));
