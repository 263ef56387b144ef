import type { Feature } from "../models/feature.js";
import type { FeatureGraph } from "../models/feature-graph.js";
import type { ColumnType } from "../models/feature-schema.js";
import { FeatureSpec } from "../models/feature-spec.js";
import { pythonJsonDumps } from "../models/python-json.js";
import { parsePythonJson } from "../models/python-json-parse.js";
import type { FeatureLike, GraphLike } from "./is-graph-like.js";
import { pythonJsonText } from "./python-json-text.js";

/**
 * Defines every feature of `source` (a graph of any library copy) in `target`, rebuilt from its spec
 * JSON plus the definition info the feature exposes (project, class path, columns, stored schema).
 * Features without a class path get `classPath` (the entrypoint's `<module>#<export>`). Returns the
 * features as defined in `target`.
 *
 * @example
 * addForeignFeatures(graph, exportedGraph, "src/features.ts#default");
 */
export function addForeignFeatures(target: FeatureGraph, source: GraphLike, classPath: string): Feature[] {
  return source.list().map((feature) => {
    const spec = rebuildSpec(feature);
    const info = infoOf(feature, source, classPath);
    // A graph shared by several entrypoints (each adding features and re-exporting it) brings its
    // earlier features again: identical definitions keep their first class path.
    const existing = target.has(spec.key) ? target.get(spec.key) : undefined;
    if (
      existing !== undefined &&
      pythonJsonDumps(existing.spec) === pythonJsonDumps(spec) &&
      existing.project === (info.project ?? target.project)
    ) {
      return existing;
    }
    return target.feature(spec, info);
  });
}

function rebuildSpec(feature: FeatureLike): FeatureSpec {
  return FeatureSpec.fromJSON(parsePythonJson(pythonJsonText(feature.spec.toJSON())));
}

function infoOf(feature: FeatureLike, source: GraphLike, classPath: string) {
  const project = feature.project ?? source.project;
  const schema =
    feature.schema === undefined
      ? undefined
      : (parsePythonJson(pythonJsonText(feature.schema)) as { readonly [key: string]: unknown });
  return {
    classPath: feature.classPath ?? classPath,
    ...(project === undefined ? {} : { project }),
    ...(feature.columns === undefined
      ? {}
      : { columns: { ...feature.columns } as Readonly<Record<string, ColumnType>> }),
    ...(schema === undefined ? {} : { schema }),
  };
}
