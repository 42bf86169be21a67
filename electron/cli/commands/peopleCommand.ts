import type { Person } from '../../../shared/people.ts';
import type { CliContext } from '../CliContext.ts';
import { CliUsageError } from '../CliUsageError.ts';

export const peopleUsage = `  people [TEXT] [--json]        people across every source whose name contains TEXT: their id, and each
                                sender they are (source, name, what proves it: Telegram id, phone, JID)
  people show <id> | link <id> <id> | unlink <sender> | rename <id> <name>
                                a person's chats and look-alikes; link two people as one; take a sender
                                out into a person of its own; rename (links and names you set are kept)`;

function idArgument(name: string, value: string | undefined): number {
  const id = Number(value);
  if (value === undefined || !Number.isSafeInteger(id) || id <= 0)
    throw new CliUsageError(`people: ${name} must be an id from \`scrollback people\`.`);
  return id;
}

function personLines(person: Person): string[] {
  return [
    `${person.id}\t${person.name}${person.me ? ' (you)' : ''}`,
    ...person.senders.map(
      (sender) =>
        `\t  sender ${sender.id}: ${sender.name} · ${sender.sourceName} · ${sender.identities.length ? sender.identities.join(', ') : 'name only'}`,
    ),
  ];
}

/** `scrollback people …`: read and correct who is who across sources. */
export function peopleCommand(context: CliContext, args: readonly string[]): void {
  const people = context.core().people;
  const [action, first, ...rest] = args;
  const print = (person: Person) => (context.json ? context.out(JSON.stringify(person)) : personLines(person).forEach(context.out));
  switch (action) {
    case 'show': {
      const details = people.getPerson(idArgument('the person', first));
      if (context.json) return context.out(JSON.stringify(details));
      personLines(details).forEach(context.out);
      for (const chat of details.chats)
        context.out(
          `\t  ${chat.chatName}: ${chat.messages.toLocaleString()} messages, ${new Date(chat.first).toLocaleDateString()} – ${new Date(chat.last).toLocaleDateString()}`,
        );
      for (const suggestion of details.suggestions)
        context.out(`\t  might also be ${suggestion.id} ${suggestion.name} (same name; not linked)`);
      return;
    }
    case 'link':
      return print(people.link(idArgument('the first person', first), idArgument('the second person', rest[0])));
    case 'unlink':
      return print(people.unlink(idArgument('the sender', first)));
    case 'rename':
      if (rest.length === 0) throw new CliUsageError('people rename: give the new name after the id.');
      return print(people.rename(idArgument('the person', first), rest.join(' ')));
    default: {
      const text = [action, first, ...rest].filter((part) => part !== undefined).join(' ');
      const found = people.listPeople(text, 500);
      if (context.json) return context.out(JSON.stringify(found));
      if (found.length === 0)
        return context.out(text ? `No person’s name contains “${text}”.` : 'No people yet: import or download a chat.');
      found.forEach(print);
    }
  }
}
