/**
 * One command's part of the usage text, cut from the whole of it, so `scrollback help <command>` and
 * `<command> --help` can never drift from `scrollback --help`: a command registers its usage lines once.
 * The text's shape: a first line, "Commands:", then one block per command form (a line indented by two spaces,
 * then its lines indented further), a blank line, and notes that hold for every command.
 */
export function usageOfCommand(usage: string, command: string): string | null {
  const lines = usage.split('\n');
  const start = lines.findIndex((line) => line === 'Commands:');
  const end = lines.findIndex((line, index) => index > start && line.trim() === '');
  if (start === -1 || end === -1) return null;
  const blocks: string[][] = [];
  for (const line of lines.slice(start + 1, end)) {
    if (/^ {2}\S/.test(line)) blocks.push([line]);
    else blocks.at(-1)?.push(line);
  }
  const own = blocks.filter((block) => block[0]?.trim().split(/\s/)[0] === command);
  if (own.length === 0) return null;
  const notes = lines.slice(end + 1).join('\n');
  return `Usage: scrollback [--db PATH] ${command} [options]\n\n${own.map((block) => block.join('\n')).join('\n')}\n\n${notes}`;
}

/** The commands the usage text lists, in its order. */
export function commandsInUsage(usage: string): string[] {
  const names = usage
    .split('\n')
    .filter((line) => /^ {2}[a-z]/.test(line))
    .map((line) => line.trim().split(/\s/)[0] ?? '');
  return [...new Set(names)];
}
