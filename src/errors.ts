/**
 * Every error this library raises is a `MetaxyError` with a stable `code`. Messages start with the
 * subsystem (`keys:`, `graph:`, `store:` …) and name the offending values, so a log line alone says
 * what went wrong and where.
 *
 * @example
 * try { FeatureKey.parse("Bad/Key"); } catch (e) { if (e instanceof MetaxyError) console.log(e.code); }
 */
export class MetaxyError extends Error {
  /** Stable machine-readable identifier, e.g. `INVALID_KEY`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** Declares a subclass with a fixed code; keeps the list below one line per error. */
function kind<C extends string>(code: C) {
  return class extends MetaxyError {
    static readonly code: C = code;
    constructor(message: string, options?: { cause?: unknown }) {
      super(code, message, options);
    }
  };
}

/** A feature or field key (or a project name) that breaks the key rules. */
export class InvalidKeyError extends kind("INVALID_KEY") {}
/** A feature, field, dependency or lineage definition that is malformed. */
export class InvalidSpecError extends kind("INVALID_SPEC") {}
/** Features that depend on each other in a cycle; the message names the cycle. */
export class DependencyCycleError extends kind("DEPENDENCY_CYCLE") {}
/** Two keys that collapse to the same struct key or column suffix (`a/b` vs `a_b`). */
export class KeyCollisionError extends kind("KEY_COLLISION") {}
/** A feature key defined twice with different specs. */
export class FeatureConflictError extends kind("FEATURE_CONFLICT") {}
/** A feature that is not in the graph, or not stored in the store. */
export class FeatureNotFoundError extends kind("FEATURE_NOT_FOUND") {}
/** A feature names an upstream that is not in the graph (Python: `MetaxyMissingFeatureDependency`). */
export class MissingFeatureDependencyError extends kind("MISSING_FEATURE_DEPENDENCY") {}
/** A field that is not declared on its feature. */
export class FieldNotFoundError extends kind("FIELD_NOT_FOUND") {}
/** A filter string outside the supported SQL-WHERE subset; the message names the position. */
export class FilterParseError extends kind("FILTER_PARSE") {}
/** Column configuration that cannot work (rename onto a system or id column, select collisions…). */
export class ColumnConfigurationError extends kind("COLUMN_CONFIGURATION") {}
/** Data whose columns or types do not fit the feature (missing id column, wrong type, out of range). */
export class MetadataSchemaError extends kind("METADATA_SCHEMA") {}
/** A store used before `open`, or written while open for reading. */
export class StoreNotOpenError extends kind("STORE_NOT_OPEN") {}
/** A hash algorithm name that is not supported, or fallback stores that disagree on it. */
export class HashAlgorithmNotSupportedError extends kind("HASH_ALGORITHM_NOT_SUPPORTED") {}
/** A system table (feature_versions) that holds no data for the request. */
export class SystemDataNotFoundError extends kind("SYSTEM_DATA_NOT_FOUND") {}
/** A Delta table whose protocol, reader features or log we refuse to read or write. */
export class DeltaProtocolError extends kind("DELTA_PROTOCOL") {}
/** A put-if-absent commit lost the race too many times. */
export class CommitConflictError extends kind("COMMIT_CONFLICT") {}
/** An object-storage request that failed (never carries credentials). */
export class ObjectStoreError extends kind("OBJECT_STORE") {}
/** A configuration file or override that is invalid; the message names the file and key. */
export class InvalidConfigError extends kind("INVALID_CONFIG") {}
/** An entrypoint module that could not be loaded or exported nothing usable. */
export class EntrypointLoadError extends kind("ENTRYPOINT_LOAD") {}
/** A kernel call with unusable input, or a native kernel that was required but could not load. */
export class KernelError extends kind("KERNEL") {}
/** An argument that is invalid for the call (wrong option value, bad combination). */
export class InvalidArgumentError extends kind("INVALID_ARGUMENT") {}
/** A batch writer used out of order (put before start or after stop, or after a failed flush). */
export class WriterStateError extends kind("WRITER_STATE") {}
/** An optional dependency (e.g. `@modelcontextprotocol/sdk` for the MCP server) is not installed. */
export class OptionalDependencyError extends kind("OPTIONAL_DEPENDENCY") {}
