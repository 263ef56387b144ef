/**
 * Prints, as one JSON object, the feature and field versions of the graph each given module exports
 * as default: `{ "<module path>": { "<feature key>": { "version": "…", "fields": { … } } } }`.
 * versions.test.ts runs it in a child process, through tsx with the source mapping, because the
 * example modules import "metaxy".
 *
 * @example
 * // node --import tsx test/examples/print-graph-versions.ts /srv/x/basic/features.ts
 */
import { pathToFileURL } from "node:url";
import type { FeatureGraph } from "../../src/index.js";

async function main(): Promise<void> {
  const out: Record<
    string,
    Record<string, { version: string; fields: Readonly<Record<string, string>> }>
  > = {};
  for (const path of process.argv.slice(2)) {
    const graph = ((await import(pathToFileURL(path).href)) as { default: FeatureGraph }).default;
    out[path] = Object.fromEntries(
      graph
        .list()
        .map((feature) => [
          feature.key.toString(),
          { version: graph.featureVersion(feature.key), fields: graph.fieldVersions(feature.key) },
        ]),
    );
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
