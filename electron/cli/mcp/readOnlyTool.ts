import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';

/** Every tool of Scrollback's server only reads the archive on this computer: none sends, changes or deletes. */
export function readOnlyTool(title: string): ToolAnnotations {
  return { title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };
}
