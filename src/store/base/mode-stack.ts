import { InvalidArgumentError, StoreNotOpenError } from "../../errors.js";
import type { AccessMode } from "../metadata-store.js";

/**
 * The nested `open` modes of a store (Python's mode stack): the current mode is the innermost
 * one, so `open("w")` inside `open("r")` permits writes until its `close`. Only the outermost
 * open connects and only its close disconnects; both are given as callbacks. Concurrent opens
 * wait for the one connection.
 *
 * @example
 * const stack = new ModeStack((mode) => connect(mode), () => disconnect());
 * await stack.push("r"); stack.require("read", "r"); await stack.pop();
 */
export class ModeStack {
  readonly #modes: AccessMode[] = [];
  #ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly connect: (mode: AccessMode) => Promise<void>,
    private readonly disconnect: () => Promise<void>,
    private readonly describe: () => string,
  ) {}

  /** The innermost mode, or null when closed. */
  get mode(): AccessMode | null {
    return this.#modes.at(-1) ?? null;
  }

  /** Opens one level; the outermost level connects first. */
  async push(mode: AccessMode): Promise<void> {
    if (mode !== "r" && mode !== "w") {
      throw new InvalidArgumentError(
        `store: invalid access mode ${JSON.stringify(mode)}: expected "r" or "w"`,
      );
    }
    const outermost = this.#modes.length === 0;
    this.#modes.push(mode);
    try {
      if (outermost) this.#ready = this.connect(mode);
      await this.#ready;
    } catch (error) {
      this.#modes.splice(this.#modes.lastIndexOf(mode), 1);
      throw error;
    }
  }

  /** Closes the innermost level; the last one disconnects. */
  async pop(): Promise<void> {
    if (this.#modes.length === 0) {
      throw new StoreNotOpenError(`store: close() of ${this.describe()} without a matching open()`);
    }
    this.#modes.pop();
    if (this.#modes.length === 0) await this.disconnect();
  }

  /** Throws StoreNotOpenError unless open, and in `"w"` when `mode` is `"w"`. */
  require(operation: string, mode: AccessMode): void {
    const current = this.mode;
    if (current === null) {
      throw new StoreNotOpenError(
        `store: ${operation} on ${this.describe()} needs an open store; call open() first`,
      );
    }
    if (mode === "w" && current !== "w") {
      throw new StoreNotOpenError(
        `store: ${operation} on ${this.describe()} needs mode "w", but the store is open in "${current}"`,
      );
    }
  }
}
