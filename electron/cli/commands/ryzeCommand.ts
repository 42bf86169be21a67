import { RYZE_DEFAULT_BASE_URL } from '../../core/sources/ryze/createRyzeApiClient.ts';
import type { CliContext } from '../CliContext.ts';
import { CliUsageError } from '../CliUsageError.ts';

/**
 * `ryze add --instance NAME [--base-url URL]` and `ryze chat add <number-or-jid> [--instance NAME]`.
 * The token is read from SCROLLBACK_RYZE_TOKEN whenever a command talks to RyzeAPI; it is never stored.
 */
export function ryzeCommand(context: CliContext, args: readonly string[], options: { instance?: string; 'base-url'?: string }, env: NodeJS.ProcessEnv): void {
  const [what, action, target, ...extra] = args;
  if (what === 'add' && action === undefined) {
    if (!options.instance) throw new CliUsageError('ryze add needs --instance NAME.');
    if (!env.SCROLLBACK_RYZE_TOKEN) throw new CliUsageError('Set SCROLLBACK_RYZE_TOKEN to the instance’s token (it is read from the environment, never stored).');
    const id = context.core().addRyzeSource({ instance: options.instance, baseUrl: options['base-url'] ?? RYZE_DEFAULT_BASE_URL });
    context.out(context.json ? JSON.stringify({ source: id }) : `Added RyzeAPI instance “${options.instance}” as source ${id}. Now add chats: scrollback ryze chat add <number-or-jid>.`);
    return;
  }
  if (what === 'chat' && action === 'add' && target !== undefined && extra.length === 0) {
    const core = context.core();
    const ryzeSources = core.listSources().filter((source) => source.kind === 'ryze');
    const source = options.instance ? ryzeSources.find((s) => s.id === `ryze:${options.instance}`) : ryzeSources.length === 1 ? ryzeSources[0] : undefined;
    if (!source) {
      throw new CliUsageError(
        ryzeSources.length === 0 ? 'Add a RyzeAPI instance first: scrollback ryze add --instance NAME.' : `Name the instance with --instance (${ryzeSources.map((s) => s.id.slice(5)).join(', ')}).`,
      );
    }
    const chat = core.addRyzeChat(source.id, target);
    context.out(context.json ? JSON.stringify({ id: chat.id, name: chat.name, source: chat.sourceId }) : `Added chat ${chat.id} (${chat.name}). Try: scrollback history ${chat.id}`);
    return;
  }
  throw new CliUsageError('Use: scrollback ryze add --instance NAME [--base-url URL], or scrollback ryze chat add <number-or-jid> [--instance NAME].');
}
