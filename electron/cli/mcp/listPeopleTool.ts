import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Person } from '../../../shared/people.ts';
import type { ScrollbackCore } from '../../core/app/openScrollbackCore.ts';
import { answerOrToolError } from './toolResult.ts';
import { readOnlyTool } from './readOnlyTool.ts';

/**
 * `list_people`: people across every source (the same person in Telegram, WhatsApp and imports is one), with
 * the id search_messages takes as `from:person:<id>`. Identities (phones, ids) stay in Scrollback: an assistant
 * gets names and sources.
 */
export function registerListPeopleTool(server: McpServer, core: ScrollbackCore): void {
  server.registerTool(
    'list_people',
    {
      title: 'List people',
      description:
        'People in the archive across every source, whose name contains `name` (case-insensitive). Search one person everywhere with search_messages and the query from:person:<id>.',
      inputSchema: { name: z.string().max(200).default(''), limit: z.number().int().min(1).max(100).default(20) },
      annotations: readOnlyTool('List people'),
    },
    ({ name, limit }) =>
      answerOrToolError(() => ({
        people: visiblePeople(core, name, limit).map((person) => ({
          id: person.id,
          name: person.name,
          you: person.me,
          knownAs: [...new Set(person.senders.map((sender) => `${sender.name} (${sender.sourceName})`))],
          searchWith: `from:person:${person.id}`,
        })),
      })),
  );
}

/** People an assistant may know of: not those met only in chats hidden from assistants. */
function visiblePeople(core: ScrollbackCore, name: string, limit: number): Person[] {
  const onlyInHidden = core.people.sendersOnlyInChats([...core.chatIdsHiddenFromAssistants()]);
  const people = core.people.listPeople(name, onlyInHidden.size === 0 ? limit : Number.MAX_SAFE_INTEGER);
  return people.filter((person) => person.me || person.senders.some((sender) => !onlyInHidden.has(sender.id))).slice(0, limit);
}
