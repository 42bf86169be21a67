import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ScrollbackError } from '../../../shared/errors.ts';

/**
 * A tool's answer: the data as structured content and, for clients that read only text, the same JSON as text.
 * Message text is data inside the JSON, never prose of ours around it, so it cannot pass for an instruction.
 */
export function toolAnswer(data: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(data) }], structuredContent: data };
}

/**
 * Runs a tool's work and turns any failure into a tool error in words with its code ("There is no chat with id
 * 7 (CHAT_NOT_FOUND)"), so the assistant can correct itself; the server never crashes on a call.
 */
export async function answerOrToolError(work: () => Promise<Record<string, unknown>> | Record<string, unknown>): Promise<CallToolResult> {
  try {
    return toolAnswer(await work());
  } catch (error) {
    const text =
      error instanceof ScrollbackError
        ? `${error.message} (${error.code})`
        : `Scrollback could not answer: ${error instanceof Error ? error.message : String(error)}`;
    return { content: [{ type: 'text', text }], isError: true };
  }
}
