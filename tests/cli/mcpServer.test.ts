import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/runCli.ts';

/** What a CLI run printed, and its exit code. */
async function cli(databasePath: string, ...args: string[]) {
  let out = '';
  const code = await runCli(['--db', databasePath, ...args], { stdout: (text) => (out += text), stderr: (text) => (out += text), env: {} });
  return { code, out };
}

/** A tool's structured answer; fails the test with the tool's words if it answered an error. */
async function call(client: Client, name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  if (result.isError) throw new Error(`${name} answered an error: ${JSON.stringify(result.content)}`);
  return result.structuredContent ?? {};
}

async function callForError(client: Client, name: string, args: Record<string, unknown>): Promise<string> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  expect(result.isError).toBe(true);
  return result.content.map((block) => (block.type === 'text' ? block.text : '')).join('\n');
}

interface ChatEntry {
  id: number;
  name: string;
}
interface Hit {
  chatId: number;
  id: string;
  text: string;
  link: string;
}

describe('scrollback mcp, driven by the SDK’s own client over stdio, on the demo archive', () => {
  let client: Client;
  // One archive for the whole block: the server keeps it open from the first test to the last.
  const folder = mkdtempSync(path.join(os.tmpdir(), 'scrollback-mcp-'));
  const databasePath = path.join(folder, 'scrollback.db');
  let ana: ChatEntry;
  let design: ChatEntry;

  beforeAll(async () => {
    expect((await cli(databasePath, 'demo')).code).toBe(0);
    const chats = JSON.parse((await cli(databasePath, 'chats', '--json')).out) as ChatEntry[];
    ana = chats.find((chat) => chat.name === 'Ana Costa')!;
    // Design Team: Ana is not in it, so what a search there keeps on this computer never names her.
    design = chats.find((chat) => chat.name === 'Design Team')!;
    // Ana's chat is on this computer (so an all-chats search would find it) and hidden from assistants before
    // the server starts; the server must never show it.
    expect((await cli(databasePath, 'sync', 'Ana Costa')).code).toBe(0);
    expect((await cli(databasePath, 'mcp', 'hide', 'Ana Costa')).out).toContain('hidden from assistants');
    client = new Client({ name: 'scrollback-test', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: ['--disable-warning=ExperimentalWarning', path.resolve('electron/cli/main.ts'), '--db', databasePath, 'mcp'],
        stderr: 'pipe',
      }),
    );
  });
  afterAll(async () => {
    await client.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('lists its read-only tools', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'get_message_link',
      'get_messages',
      'list_chats',
      'list_people',
      'search_messages',
    ]);
    for (const tool of tools) expect(tool.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
  });

  it('lists the chats, without the hidden one, here or among the resources', async () => {
    const listed = (await call(client, 'list_chats', {})) as { chats: ChatEntry[]; total: number };
    expect(listed.chats.map((chat) => chat.name)).toContain(design.name);
    expect(listed.chats.map((chat) => chat.id)).not.toContain(ana.id);
    expect(listed.total).toBe(listed.chats.length);
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri)).toContain(`scrollback://chat/${design.id}`);
    expect(resources.map((resource) => resource.uri)).not.toContain(`scrollback://chat/${ana.id}`);
  });

  it('searches a chat, then fetches the messages around a hit, with the hit among them', async () => {
    const found = (await call(client, 'search_messages', { query: 'landlord', chatId: design.id, limit: 5 })) as {
      hits: Hit[];
      total: { onThisComputer: number; onThisComputerCounts: string };
      nextCursor: string | null;
    };
    expect(found.hits.length).toBeGreaterThan(0);
    for (const hit of found.hits) expect(hit.text.toLowerCase()).toContain('landlord');
    expect(found.total.onThisComputerCounts).toContain('this chat');
    const hit = found.hits[0]!;
    expect(hit.link).toBe(`scrollback://message?chat=${design.id}&id=${encodeURIComponent(hit.id)}`);
    const around = (await call(client, 'get_messages', { chatId: design.id, aroundMessageId: hit.id, limit: 9 })) as {
      messages: Array<{ id: string; date: string }>;
      anchorMessageId: string;
      olderCursor: string | null;
    };
    expect(around.anchorMessageId).toBe(hit.id);
    const ids = around.messages.map((message) => message.id);
    expect(ids).toContain(hit.id);
    // Context on both sides of the hit, oldest first.
    expect(ids.indexOf(hit.id)).toBeGreaterThan(0);
    expect(ids.indexOf(hit.id)).toBeLessThan(ids.length - 1);
    const dates = around.messages.map((message) => Date.parse(message.date));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    // The older page continues exactly before this one.
    const older = (await call(client, 'get_messages', { chatId: design.id, before: around.olderCursor, limit: 3 })) as {
      messages: Array<{ date: string }>;
    };
    expect(Date.parse(older.messages.at(-1)!.date)).toBeLessThanOrEqual(dates[0]!);
    expect(await call(client, 'get_message_link', { chatId: design.id, messageId: hit.id })).toEqual({ link: hit.link });
  });

  it('answers malformed arguments with tool errors in words, and goes on serving', async () => {
    expect(await callForError(client, 'get_messages', { chatId: 'Family' })).toMatch(/chatId/);
    expect(await callForError(client, 'search_messages', { query: 'x', limit: 5_000 })).toMatch(/limit/);
    expect(await callForError(client, 'get_messages', { chatId: design.id, aroundDate: '2021-02-30' })).toMatch(
      /aroundDate: .*not a real date/,
    );
    expect(await callForError(client, 'get_messages', { chatId: design.id, before: 'made-up' })).toMatch(/not a cursor this server gave/);
    expect(await callForError(client, 'get_messages', { chatId: design.id, aroundDate: '2021-01-01', before: 'x' })).toMatch(
      /not aroundDate and before/,
    );
    expect(await callForError(client, 'no_such_tool', {})).toMatch(/no_such_tool/);
    expect(((await call(client, 'list_chats', { limit: 1 })) as { chats: unknown[] }).chats).toHaveLength(1);
  });

  it('never reads, searches or links the hidden chat, and answers it as a chat that does not exist', async () => {
    const missing = await callForError(client, 'get_messages', { chatId: ana.id });
    const nonexistent = await callForError(client, 'get_messages', { chatId: 999_999 });
    expect(missing.replace(String(ana.id), 'N')).toBe(nonexistent.replace('999999', 'N'));
    expect(missing).toContain('CHAT_NOT_FOUND');
    expect(await callForError(client, 'search_messages', { query: 'a', chatId: ana.id })).toContain('CHAT_NOT_FOUND');
    await expect(client.readResource({ uri: `scrollback://chat/${ana.id}` })).rejects.toThrow(/There is no chat/);
    // All chats: her messages are on this computer, yet no hit and no count shows them.
    const hers = { query: 'in:"Ana Costa"', limit: 50 };
    const whileHidden = (await call(client, 'search_messages', hers)) as { hits: Hit[]; total: { onThisComputer: number } };
    // Ana is met only in her hidden chat: not even her name is listed.
    const peopleWhileHidden = (await call(client, 'list_people', {})) as { people: Array<{ name: string; you: boolean }> };
    expect(peopleWhileHidden.people.map((person) => person.name)).toContain('Dana Levi דנה');
    expect(peopleWhileHidden.people.map((person) => person.name)).not.toContain('Ana Costa');
    expect(whileHidden.hits).toEqual([]);
    expect(whileHidden.total.onThisComputer).toBe(0);
    expect(await cli(databasePath, 'mcp', 'show', 'Ana Costa')).toEqual({ code: 0, out: 'Ana Costa is visible to assistants again.\n' });
    const shown = (await call(client, 'search_messages', hers)) as { hits: Hit[]; total: { onThisComputer: number } };
    expect(shown.hits.length).toBeGreaterThan(0);
    expect(shown.hits.every((hit) => hit.chatId === ana.id)).toBe(true);
    expect(shown.total.onThisComputer).toBe(900);
    const people = (await call(client, 'list_people', { name: 'costa' })) as {
      people: Array<{ id: number; name: string; searchWith: string }>;
    };
    expect(people.people.map((person) => person.name)).toEqual(['Ana Costa']);
    // Her person, searched everywhere, is exactly her messages.
    const byPerson = (await call(client, 'search_messages', { query: people.people[0]!.searchWith, limit: 50 })) as {
      hits: Hit[];
      total: { onThisComputer: number };
    };
    expect(byPerson.hits.every((hit) => hit.chatId === ana.id)).toBe(true);
    const fromCli = JSON.parse((await cli(databasePath, 'people', 'Costa', '--json')).out) as Array<{ id: number; senders: unknown[] }>;
    expect(fromCli.map((person) => person.id)).toEqual([people.people[0]!.id]);
    expect(byPerson.total.onThisComputer).toBe(
      JSON.parse((await cli(databasePath, 'search', 'Ana Costa', '--query', `from:person:${fromCli[0]!.id}`, '--json')).out).total
        .onComputer,
    );
    expect(await call(client, 'get_messages', { chatId: ana.id, limit: 2 })).toMatchObject({ chat: { id: ana.id } });
  });
});
