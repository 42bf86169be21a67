/**
 * The pseudo-locale (en-XA): every English message accented and lengthened, "[Ŝéàŕçĥ ···]", so text that
 * comes from the catalog is recognisable on screen and text that does not (a literal left in code) stands out.
 * Only the words change: ICU arguments, plural and select keys, `#` and rich-text tags stay as they are, so
 * the pseudo message takes exactly the values the English one takes.
 */
const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, index) => [
    letter,
    [...'àƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÀƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][index] ?? letter,
  ]),
);

/** ICU argument types whose options hold messages of their own (translated text inside braces). */
const NESTED_TYPES = new Set(['plural', 'select', 'selectordinal']);

/**
 * Text up to the `}` that closes the current level (not consumed), or to the end at the top level; `visible`
 * estimates how many characters of it a reader sees (an option's text, not the whole plural or select).
 */
function transformText(source: string, start: number, nested: boolean): { text: string; end: number; visible: number } {
  let text = '';
  let visible = 0;
  let i = start;
  for (let ch = source[i]; ch !== undefined; ch = source[i]) {
    if (ch === '}' && nested) break;
    if (ch === "'") {
      // ICU quoting: '' is one apostrophe; a quote before a syntax character quotes up to the next quote.
      const next = source[i + 1];
      if (next === "'") {
        text += "''";
        visible += 1;
        i += 2;
      } else if (next !== undefined && '{}#|<'.includes(next)) {
        const close = source.indexOf("'", i + 1);
        const end = close === -1 ? source.length : close + 1;
        text += source.slice(i, end);
        i = end;
      } else {
        text += ch;
        i += 1;
      }
    } else if (ch === '<') {
      const close = source.indexOf('>', i);
      const end = close === -1 ? source.length : close + 1;
      text += source.slice(i, end);
      i = end;
    } else if (ch === '{') {
      const argument = transformArgument(source, i);
      text += argument.text;
      visible += argument.visible;
      i = argument.end;
    } else {
      text += ACCENTED[ch] ?? ch;
      visible += 1;
      i += 1;
    }
  }
  return { text, end: i, visible };
}

/** One `{…}` argument from its opening brace; returns the text and the index just past its closing brace. */
function transformArgument(source: string, start: number): { text: string; end: number; visible: number } {
  let i = start + 1;
  while (i < source.length && source[i] !== '{' && source[i] !== '}') i += 1;
  const header = source.slice(start + 1, i);
  const type = header.split(',')[1]?.trim() ?? '';
  if (source[i] === '}' || !NESTED_TYPES.has(type)) {
    // A plain argument ({name}, {count, number}, {when, date, short}): copied as it is.
    let depth = 0;
    let j = start;
    for (; j < source.length; j++) {
      if (source[j] === '{') depth += 1;
      else if (source[j] === '}' && --depth === 0) break;
    }
    // A value: a name or a number, a few characters.
    return { text: source.slice(start, j + 1), end: j + 1, visible: 4 };
  }
  // plural / select: the header already holds the first selector's key ("one "); each option is key {message}.
  let text = `{${header}`;
  let visible = 0;
  while (i < source.length && source[i] === '{') {
    const body = transformText(source, i + 1, true);
    text += `{${body.text}}`;
    visible = Math.max(visible, body.visible);
    i = body.end + 1;
    const keyStart = i;
    while (i < source.length && source[i] !== '{' && source[i] !== '}') i += 1;
    text += source.slice(keyStart, i);
  }
  return { text: `${text}}`, end: i + 1, visible };
}

export function pseudoLocalize(message: string): string {
  const { text, visible } = transformText(message, 0, false);
  // About a third longer, as German or Russian often are, so truncation and wrapping show up too.
  const padding = '·'.repeat(Math.max(2, Math.ceil(visible * 0.3)));
  return `[${text} ${padding}]`;
}

export function pseudoCatalog(source: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(source).map(([id, message]) => [id, pseudoLocalize(message)]));
}
