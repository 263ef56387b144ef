/**
 * The store conformance suite: every pack, registered for one target (a store factory × a kernel
 * set). A backend's test file calls {@link describeStoreConformance} once per kernel set; the
 * factory must create a FRESH, empty store on every call.
 *
 * @example
 * describeStoreConformance({ label: "memory/portable", kernels: getKernels("portable"), capabilities, factory: async (o) => new InMemoryMetadataStore(o) });
 */
import { deletePack } from "./delete-pack.js";
import { fallbackPack } from "./fallback-pack.js";
import type { ConformanceTarget } from "./harness.js";
import { lifecyclePack } from "./lifecycle-pack.js";
import { readPack } from "./read-pack.js";
import { rebaseCopyPack } from "./rebase-copy-pack.js";
import { resolveOptionsPack } from "./resolve-options-pack.js";
import { resolveUpdatePack } from "./resolve-update-pack.js";
import { writePack } from "./write-pack.js";

export type { ConformanceTarget, StoreFactory, StoreFactoryOptions } from "./harness.js";

/** Registers every conformance pack for `target`. */
export function describeStoreConformance(target: ConformanceTarget): void {
  lifecyclePack(target);
  writePack(target);
  readPack(target);
  resolveUpdatePack(target);
  resolveOptionsPack(target);
  deletePack(target);
  fallbackPack(target);
  rebaseCopyPack(target);
}
