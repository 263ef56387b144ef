/**
 * The MCP `CallToolResult` of a tool's value, as FastMCP shapes it: one text block (a string as is,
 * anything else as JSON) and `structuredContent` (objects as they are, other values as `{ result }`).
 *
 * @example
 * toolResult([{ name: "dev", type: "delta" }]);
 * // { content: [{ type: "text", text: '[{"name":"dev","type":"delta"}]' }], structuredContent: { result: [...] } }
 */
export function toolResult(value: unknown): {
  content: { type: "text"; text: string }[];
  structuredContent: Record<string, unknown>;
} {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  const structured =
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { result: value };
  return { content: [{ type: "text", text }], structuredContent: structured };
}
