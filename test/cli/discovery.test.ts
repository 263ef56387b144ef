import { cpSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  json,
  metaxy,
  OVERVIEW_BODY,
  OVERVIEW_VERSIONS,
  REPO_ROOT,
  requireBuiltCli,
  tempProject,
} from "./cli-harness.js";

interface Listing {
  readonly feature_count: number;
  readonly features: readonly {
    readonly key: string;
    readonly version: string;
    readonly source: string;
    readonly project: string;
    readonly fields: readonly { readonly key: string; readonly version: string }[];
  }[];
}

function versionsOf(listing: Listing) {
  return Object.fromEntries(
    listing.features.map((f) => [
      f.key,
      { version: f.version, fields: Object.fromEntries(f.fields.map((x) => [x.key, x.version])) },
    ]),
  );
}

const TOML = (entry: string) => `project = "example_overview"\nentrypoints = ["${entry}"]\n`;

const projects: { cleanup(): void }[] = [];
function project(files: Readonly<Record<string, string>>) {
  const p = tempProject(files);
  projects.push(p);
  return p;
}

beforeAll(requireBuiltCli);
afterAll(() => {
  for (const p of projects) p.cleanup();
});

describe("entrypoint discovery (real CLI process)", () => {
  it("loads an ESM project, a .ts entrypoint with its own library copy, and a CommonJS project to the same versions", async () => {
    const esm = project({
      "package.json": JSON.stringify({ name: "esm-project", type: "module" }),
      "metaxy.toml": TOML("./src/features.js"),
      "src/features.js": `import { FeatureGraph } from "metaxy";\n${OVERVIEW_BODY}\nexport default graph;\n`,
    });
    // The .ts module imports the library from its TypeScript sources through tsx: a second copy of
    // every class, so nothing may rely on instanceof.
    const ts = project({
      "package.json": JSON.stringify({ name: "ts-project", type: "module" }),
      "metaxy.toml": TOML("./features.ts"),
      "features.ts": `import { FeatureGraph } from ${JSON.stringify(join(REPO_ROOT, "src/index.ts"))};\nconst annotated: string = "typed";\n${OVERVIEW_BODY}\nexport { graph };\n`,
    });
    const cjs = project({
      "package.json": JSON.stringify({ name: "cjs-project" }),
      "metaxy.toml": TOML("./features.js"),
      "features.js": `const { FeatureGraph } = require("metaxy-copy");\n${OVERVIEW_BODY}\nmodule.exports = graph;\n`,
    });
    // A CommonJS install of its own: a copy of the built package with its dependencies linked.
    cpSync(join(REPO_ROOT, "dist"), join(cjs.dir, "node_modules/metaxy-copy/dist"), {
      recursive: true,
      filter: (src) => !src.endsWith(".map") && !src.endsWith(".d.ts"),
    });
    writeFileSync(
      join(cjs.dir, "node_modules/metaxy-copy/package.json"),
      JSON.stringify({ name: "metaxy-copy", type: "module", exports: { ".": "./dist/index.js" } }),
    );
    for (const dep of readdirSync(join(REPO_ROOT, "node_modules"))) {
      if (!dep.startsWith(".") && dep !== "metaxy") {
        symlinkSync(join(REPO_ROOT, "node_modules", dep), join(cjs.dir, "node_modules", dep));
      }
    }

    const runs = await Promise.all(
      [esm, ts, cjs].map((p) => metaxy(p.dir, ["list", "features", "--format", "json"])),
    );
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const [esmListing, tsListing, cjsListing] = runs.map((r) => json(r) as Listing);
    expect(versionsOf(esmListing!)).toEqual(OVERVIEW_VERSIONS);
    expect(versionsOf(tsListing!)).toEqual(OVERVIEW_VERSIONS);
    expect(versionsOf(cjsListing!)).toEqual(OVERVIEW_VERSIONS);
    expect(esmListing!.features.map((f) => f.source)).toEqual(Array(4).fill("src/features.js#default"));
    expect(tsListing!.features.map((f) => f.source)).toEqual(Array(4).fill("features.ts#graph"));
    expect(cjsListing!.features.map((f) => f.source)).toEqual(Array(4).fill("features.js#default"));
    expect(new Set(cjsListing!.features.map((f) => f.project))).toEqual(new Set(["example_overview"]));
  });

  it("calls a defineFeatures function with the graph, and adds --entrypoint modules after the config's", async () => {
    const p = project({
      "package.json": JSON.stringify({ name: "fn-project", type: "module" }),
      "metaxy.toml": TOML("./root.mjs"),
      "root.mjs": `export function defineFeatures(graph) {
  graph.feature({ key: "example/video", idColumns: ["sample_uid"],
    fields: [{ key: "audio", codeVersion: "1" }, { key: "frames", codeVersion: "1" }] });
}\n`,
      "extra.mjs": `export default async (graph) => {
  const video = graph.get("example/video");
  graph.feature({ key: "example/crop", idColumns: ["sample_uid"], deps: [video],
    fields: [{ key: "audio", codeVersion: "1" }, { key: "frames", codeVersion: "1" }] });
};\n`,
    });
    const run = await metaxy(p.dir, ["--entrypoint", "./extra.mjs", "list", "features", "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const listing = json(run) as Listing;
    expect(listing.features.map((f) => [f.key, f.version, f.source])).toEqual([
      ["example/video", "c2ac395f", "root.mjs#defineFeatures"],
      ["example/crop", "34d75856", "extra.mjs#default"],
    ]);
  });

  it("keeps the first class path of a graph shared by several entrypoints, and rejects conflicting definitions", async () => {
    const video = `graph.feature({ key: "example/video", idColumns: ["sample_uid"],
  fields: [{ key: "audio", codeVersion: "1" }, { key: "frames", codeVersion: "1" }] });`;
    const p = project({
      "package.json": JSON.stringify({ name: "shared", type: "module" }),
      "metaxy.toml": 'project = "example_overview"\nentrypoints = ["./a.mjs", "./b.mjs"]\n',
      "a.mjs": `import { FeatureGraph } from "metaxy";\nexport const graph = new FeatureGraph();\n${video}\nexport default graph;\n`,
      "b.mjs": `import graph from "./a.mjs";
graph.feature({ key: "example/crop", idColumns: ["sample_uid"], deps: ["example/video"],
  fields: [{ key: "audio", codeVersion: "1" }, { key: "frames", codeVersion: "1" }] });
export default graph;\n`,
      "conflict.toml": 'project = "example_overview"\nentrypoints = ["./a.mjs", "./c.mjs"]\n',
      "c.mjs": `import { FeatureGraph } from "metaxy";
const graph = new FeatureGraph();
graph.feature({ key: "example/video", idColumns: ["sample_uid"], fields: ["audio"] });
export default graph;\n`,
    });
    const [shared, conflict] = await Promise.all([
      metaxy(p.dir, ["list", "features", "--format", "json"]),
      metaxy(p.dir, ["--config-file", "conflict.toml", "list", "features"]),
    ]);
    expect(shared.code, shared.stderr).toBe(0);
    expect((json(shared) as Listing).features.map((f) => [f.key, f.version, f.source])).toEqual([
      ["example/video", "c2ac395f", "a.mjs#default"],
      ["example/crop", "34d75856", "b.mjs#default"],
    ]);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toBe(
      'Error: discovery: cannot load entrypoint "c.mjs": graph: feature "example/video" is already defined with a different spec, classPath\n',
    );
  });

  it("names the entrypoint and the cause when loading fails", async () => {
    const p = project({
      "package.json": JSON.stringify({ name: "bad", type: "module" }),
      "metaxy.toml": TOML("./broken.mjs"),
      "broken.mjs": `throw new Error("kaboom in module");\n`,
      "empty.toml": TOML("./empty.mjs"),
      "empty.mjs": "export const nothing = 1;\n",
      "missing.toml": TOML("./not-there.mjs"),
    });
    const [broken, empty, missing] = await Promise.all([
      metaxy(p.dir, ["list", "features", "--format", "json"]),
      metaxy(p.dir, ["--config-file", "empty.toml", "list", "features"]),
      metaxy(p.dir, ["--config-file", "missing.toml", "graph", "render"]),
    ]);
    expect(broken.code).toBe(1);
    expect(json(broken)).toEqual({
      error: "GENERIC_ERROR",
      message: 'discovery: cannot load entrypoint "broken.mjs": kaboom in module',
    });
    expect(empty.code).toBe(1);
    expect(empty.stdout).toBe("");
    expect(empty.stderr).toBe(
      'Error: discovery: cannot load entrypoint "empty.mjs": it exports no features: expected `export default graph`, a default or `defineFeatures` function taking the graph, or a named `graph` export\n',
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /^Error: discovery: cannot load entrypoint "not-there\.mjs": Cannot find module/,
    );
  });
});
