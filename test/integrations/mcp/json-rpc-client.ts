/**
 * A minimal MCP client for the tests: newline-delimited JSON-RPC 2.0 over a pair of streams (a child
 * process's stdio, or in-process pipes), matching responses to requests by id.
 */
import type { Readable, Writable } from "node:stream";

export interface JsonRpcResponse {
  readonly jsonrpc: "2.0";
  readonly id: number;
  readonly result?: Record<string, unknown>;
  readonly error?: { readonly code: number; readonly message: string };
}

/** A tools/call result's JSON payload (its first text block, parsed). */
export interface ToolCallResult {
  readonly isError: boolean;
  readonly text: string;
  readonly structured: unknown;
}

export class JsonRpcClient {
  readonly #out: Writable;
  readonly #pending = new Map<number, (response: JsonRpcResponse) => void>();
  #nextId = 1;
  #buffer = "";

  constructor(input: Readable, output: Writable) {
    this.#out = output;
    input.setEncoding("utf8");
    input.on("data", (chunk: string) => {
      this.#buffer += chunk;
      let newline = this.#buffer.indexOf("\n");
      while (newline >= 0) {
        const line = this.#buffer.slice(0, newline).trim();
        this.#buffer = this.#buffer.slice(newline + 1);
        if (line !== "") this.#receive(JSON.parse(line) as JsonRpcResponse);
        newline = this.#buffer.indexOf("\n");
      }
    });
  }

  request(method: string, params: Record<string, unknown> = {}): Promise<JsonRpcResponse> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      this.#out.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
    });
  }

  notify(method: string, params: Record<string, unknown> = {}): void {
    this.#out.write(`${JSON.stringify({ jsonrpc: "2.0", method, params })}\n`);
  }

  /** `initialize` + `notifications/initialized`; resolves to the initialize result. */
  async initialize(): Promise<Record<string, unknown>> {
    const response = await this.request("initialize", {
      protocolVersion: "2025-06-18",
      capabilities: {},
      clientInfo: { name: "metaxy-tests", version: "0" },
    });
    this.notify("notifications/initialized");
    return response.result!;
  }

  async callTool(name: string, args: Record<string, unknown> = {}): Promise<ToolCallResult> {
    const response = await this.request("tools/call", { name, arguments: args });
    if (response.error !== undefined) throw new Error(`tools/call ${name}: ${response.error.message}`);
    const result = response.result as {
      content: { type: string; text: string }[];
      structuredContent?: unknown;
      isError?: boolean;
    };
    return {
      isError: result.isError === true,
      text: result.content[0]!.text,
      structured: result.structuredContent,
    };
  }

  #receive(message: JsonRpcResponse): void {
    const resolve = this.#pending.get(message.id);
    if (resolve === undefined) return; // notifications and server requests are not used here
    this.#pending.delete(message.id);
    resolve(message);
  }
}
