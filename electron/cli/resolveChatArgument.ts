import type { ChatSummary } from '../../shared/domain.ts';
import { ScrollbackError } from '../../shared/errors.ts';
import type { ScrollbackCore } from '../core/app/openScrollbackCore.ts';
import { CliUsageError } from './CliUsageError.ts';

/** A chat named on the command line: its id from `scrollback chats`, or its exact name. */
export function resolveChatArgument(core: Pick<ScrollbackCore, 'getChat' | 'listChats'>, argument: string | undefined): ChatSummary {
  if (argument === undefined || argument === '') throw new CliUsageError('Name a chat: its id from `scrollback chats`, or its name.');
  if (/^\d+$/.test(argument)) return core.getChat(Number(argument));
  const wanted = argument.toLocaleLowerCase();
  const matches = core.listChats().filter((chat) => chat.name.toLocaleLowerCase() === wanted);
  if (matches.length > 1) {
    throw new CliUsageError(`Several chats are named “${argument}” (ids ${matches.map((chat) => chat.id).join(', ')}); use the id.`);
  }
  const [only] = matches;
  if (only) return only;
  throw new ScrollbackError('CHAT_NOT_FOUND', `There is no chat “${argument}”. Run \`scrollback chats\` to see the chats and their ids.`);
}
