import { MetaxyError } from "../errors.js";

/**
 * A batch writer used out of order: `put` before `start` or after `stop`, or any call after a flush
 * failed (the failure is the `cause`). Python raises `RuntimeError` in these cases.
 *
 * @example
 * try { await writer.put({ "video/raw": rows }); }
 * catch (e) { if (e instanceof WriterStateError) console.error(e.code, e.cause); } // "WRITER_STATE"
 */
export class WriterStateError extends MetaxyError {
  static readonly code = "WRITER_STATE";
  constructor(message: string, options?: { cause?: unknown }) {
    super(WriterStateError.code, message, options);
  }
}

/**
 * An optional dependency an integration needs (e.g. `@modelcontextprotocol/sdk` for the MCP server)
 * is not installed. The message names the package and how to install it.
 *
 * @example
 * try { await runMcpServer(); }
 * catch (e) { if (e instanceof OptionalDependencyError) console.error(e.message); } // code "OPTIONAL_DEPENDENCY"
 */
export class OptionalDependencyError extends MetaxyError {
  static readonly code = "OPTIONAL_DEPENDENCY";
  constructor(message: string, options?: { cause?: unknown }) {
    super(OptionalDependencyError.code, message, options);
  }
}
