import type { ServiceAction } from '../../../../shared/serviceActions.ts';
import { english } from './languages/en.ts';
import { dateShapeOf, parseWhatsAppHeader } from './parseWhatsAppHeader.ts';
import { whatsAppLanguages } from './languages/index.ts';
import type { OmittedKind, WhatsAppLanguage } from './languages/WhatsAppLanguage.ts';

/**
 * The phrase tables of every language compiled for reading, one language's phrases first (they win where two
 * tables read a text differently): each kind of phrase is one regular expression (an alternation, one
 * capturing group per phrase) or one map, so a line costs one test per kind whatever the number of languages.
 */
interface CompiledTables {
  /** System lines; group i+1 is `system[i]`. Each alternative scans from the start, so the table's order wins. */
  system: RegExp | null;
  systemEntries: Array<{ language: WhatsAppLanguage; action: ServiceAction }>;
  /** Encryption notices only: tested on every authored line (iPhone writes the chat's name as the author). */
  encryption: RegExp | null;
  /**
   * A character of every encryption phrase, as a case-insensitive class (encryptionHint): a text without any
   * cannot hold a phrase, and is not searched for one. Null when a phrase is a pattern, not plain words.
   */
  encryptionHint: RegExp | null;
  encryptionLanguages: WhatsAppLanguage[];
  /** Lower-cased placeholder → kind, and the languages that write it. */
  omitted: Map<string, { kind: OmittedKind; languages: WhatsAppLanguage[] }>;
  /** `name.pdf • 3 pages document omitted`: group 1 the name, group i+2 the language's document phrase. */
  documentPages: RegExp | null;
  documentLanguages: WhatsAppLanguage[];
  /** Lower-cased deleted text without a trailing period → the languages that write it. */
  deleted: Map<string, WhatsAppLanguage[]>;
  /** The longest placeholder and deleted text (and a few marks and a period): longer texts are not looked up. */
  longestOmitted: number;
  longestDeleted: number;
  /** The last two characters of every placeholder (endingOf): most texts end otherwise and are not looked up. */
  omittedEndings: Set<number>;
  /** The last two characters of every deleted text, without a period (endingOf). */
  deletedEndings: Set<number>;
  /** ` <marker>` at the end of a text; group i+1 is `editedLanguages[i]`. */
  edited: RegExp | null;
  editedLanguages: WhatsAppLanguage[];
  /** Group 1 iPhone name, group 2 Android name, group 3 `<name word>`, group 4 old iPhone `name <attached>`. */
  attached: RegExp;
  attachedLanguages: Array<{ form: 'iphone' | 'android' | 'after'; language: WhatsAppLanguage }>;
  location: RegExp | null;
  /** Group 1 the question, group 2 the option lines. */
  poll: RegExp | null;
  /** `OPTION: text (N votes)`, global: group 1 the option's text. */
  pollOption: RegExp | null;
}

/**
 * A text's last two characters before trailing spaces and periods, as one number, ASCII letters folded to
 * lower case: a cheap first test before a lookup (no string is made).
 */
function endingOf(text: string): number {
  let end = text.length - 1;
  while (end > 0 && (text.charCodeAt(end) === 0x2e || text.charCodeAt(end) === 0x20)) end--;
  const fold = (code: number): number => (code >= 0x41 && code <= 0x5a ? code | 0x20 : code);
  return fold(text.charCodeAt(end - 1)) * 0x10000 + fold(text.charCodeAt(end));
}

/** What a text holds that some phrase needs (textTraits): tests that cannot match skip their search. */
export const TEXT_HAS_NEWLINE = 1;
/** U+200E, the mark before an iPhone placeholder. */
export const TEXT_HAS_MARK = 2;
/** `•`, of `name.pdf • 3 pages`. */
export const TEXT_HAS_BULLET = 4;
/** `:` then a line break, as after `POLL:`. */
export const TEXT_HAS_COLON_NEWLINE = 8;
/** `:/` or `www.` (any case): what every web address and map link holds. */
export const TEXT_HAS_LINK = 16;
/** U+FEFF anywhere. */
export const TEXT_HAS_BYTE_ORDER_MARK = 32;

const TRAIT_CHARACTERS = /[\n/.\u200e\u2022\ufeff]/;

/**
 * The TEXT_HAS_ traits of a text, in one walk over it: most messages hold none, and one walk costs less than
 * the half-dozen searches (each a call into the engine) it spares them.
 */
export function textTraits(text: string): number {
  // Most texts hold none of the characters a trait starts from: one native scan says so.
  if (!TRAIT_CHARACTERS.test(text)) return 0;
  let traits = 0;
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) traits |= previous === 0x3a ? TEXT_HAS_NEWLINE | TEXT_HAS_COLON_NEWLINE : TEXT_HAS_NEWLINE;
    else if (code === 0x2f) {
      if (previous === 0x3a) traits |= TEXT_HAS_LINK;
    } else if (code === 0x2e) {
      if (i >= 3 && (previous | 0x20) === 0x77 && (text.charCodeAt(i - 2) | 0x20) === 0x77 && (text.charCodeAt(i - 3) | 0x20) === 0x77)
        traits |= TEXT_HAS_LINK;
    } else if (code >= 0x200e)
      traits |= code === 0x200e ? TEXT_HAS_MARK : code === 0x2022 ? TEXT_HAS_BULLET : code === 0xfeff ? TEXT_HAS_BYTE_ORDER_MARK : 0;
    previous = code;
  }
  return traits;
}

/** ASCII letters from the most to the least used in the Latin-script languages of the tables (roughly). */
const LETTERS_BY_USE = 'eaitnorsldcumpvhgbfkywzjxq';

/**
 * One character of each phrase, the one ordinary text holds least (a mark, a digit, a non-Latin or accented
 * letter, else the rarest letter), as one case-insensitive class; null unless every pattern is plain words
 * (alternatives of literal text), so that a phrase found means its character found.
 */
function encryptionHint(patterns: readonly string[]): RegExp | null {
  const chosen = new Set<string>();
  for (const pattern of patterns) {
    if (/[\\^$.*+?()[\]{}]/.test(pattern)) return null;
    for (const phrase of pattern.split('|')) {
      let best = '';
      let bestRank = -1;
      for (const character of phrase) {
        if (character === ' ') continue;
        const index = LETTERS_BY_USE.indexOf(character.toLowerCase());
        const rank = index < 0 ? LETTERS_BY_USE.length : index;
        if (rank > bestRank) [best, bestRank] = [character, rank];
      }
      if (best === '') return null;
      chosen.add(best);
    }
  }
  return new RegExp(`[${[...chosen].map((character) => (/[\\\]^-]/.test(character) ? `\\${character}` : character)).join('')}]`, 'i');
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const withoutPeriod = (text: string): string => {
  const trimmed = text.trim();
  return (trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed).toLowerCase();
};
/** Without the left-to-right marks iOS writes first (a regex only when there is one). */
const withoutLeadingMarks = (text: string): string => (text.charCodeAt(0) === 0x200e ? text.replace(/^[\u200e]+/, '') : text);

function compile(languages: readonly WhatsAppLanguage[]): CompiledTables {
  const systemEntries: CompiledTables['systemEntries'] = [];
  const systemSources: string[] = [];
  const encryptionSources: string[] = [];
  const encryptionPatterns: string[] = [];
  const encryptionLanguages: WhatsAppLanguage[] = [];
  const omitted: CompiledTables['omitted'] = new Map();
  const documentSources: string[] = [];
  const documentLanguages: WhatsAppLanguage[] = [];
  const deleted: CompiledTables['deleted'] = new Map();
  const editedSources: string[] = [];
  const editedLanguages: WhatsAppLanguage[] = [];
  const attachedWords = { iphone: [] as string[], android: [] as string[], after: [] as string[] };
  const attachedLanguages: CompiledTables['attachedLanguages'] = [];
  const locationWords: string[] = [];
  const polls = languages.flatMap((language) => (language.poll ? [language.poll] : []));
  for (const language of languages) {
    for (const phrase of language.system) {
      systemEntries.push({ language, action: { action: phrase.action, ...phrase.detail } });
      systemSources.push(`[^]*?(${phrase.pattern})`);
      if (phrase.action === 'encryptionNotice') {
        encryptionSources.push(`(${phrase.pattern})`);
        encryptionPatterns.push(phrase.pattern);
        encryptionLanguages.push(language);
      }
    }
    const documents: string[] = [];
    for (const phrase of language.omitted) {
      const key = phrase.text.toLowerCase();
      const known = omitted.get(key);
      if (!known) omitted.set(key, { kind: phrase.kind, languages: [language] });
      else if (!known.languages.includes(language)) known.languages.push(language);
      if (phrase.kind === 'document') documents.push(escape(phrase.text));
    }
    if (documents.length > 0) {
      documentSources.push(`(${documents.join('|')})`);
      documentLanguages.push(language);
    }
    for (const phrase of language.deleted) {
      const key = withoutPeriod(phrase.text);
      const known = deleted.get(key);
      if (!known) deleted.set(key, [language]);
      else if (!known.includes(language)) known.push(language);
    }
    if (language.edited.length > 0) {
      editedSources.push(`(${language.edited.map((phrase) => escape(phrase.text)).join('|')})`);
      editedLanguages.push(language);
    }
    for (const phrase of language.attached) {
      attachedWords[phrase.form].push(escape(phrase.text));
      attachedLanguages.push({ form: phrase.form, language });
    }
    for (const phrase of language.location) locationWords.push(escape(phrase.text));
  }
  // English attachment lines stay readable in any language's file (as before the tables; tools convert to them).
  if (!languages.includes(english)) for (const phrase of english.attached) attachedWords[phrase.form].push(escape(phrase.text));
  const alternation = (words: string[]): string => (words.length > 0 ? words.join('|') : '(?!)');
  const questions = alternation(polls.map((poll) => escape(poll.question)));
  const options = alternation(polls.map((poll) => escape(poll.option)));
  const votes = alternation(polls.map((poll) => poll.votes));
  return {
    poll: polls.length > 0 ? new RegExp(`^(?:${questions}):\\n([^\\n]+)((?:\\n(?:${options}): [^\\n]*)+)$`) : null,
    pollOption: polls.length > 0 ? new RegExp(`^(?:${options}): (.*?)(?: \\(\\d+ (?:${votes})\\))?$`, 'gm') : null,
    system: systemSources.length > 0 ? new RegExp(`^(?:${systemSources.join('|')})`, 'i') : null,
    systemEntries,
    encryption: encryptionSources.length > 0 ? new RegExp(encryptionSources.join('|'), 'i') : null,
    encryptionHint: encryptionHint(encryptionPatterns),
    encryptionLanguages,
    omitted,
    longestOmitted: Math.max(0, ...[...omitted.keys()].map((key) => key.length)) + 4,
    longestDeleted: Math.max(0, ...[...deleted.keys()].map((key) => key.length)) + 4,
    omittedEndings: new Set([...omitted.keys()].map((key) => endingOf(key))),
    deletedEndings: new Set([...deleted.keys()].map((key) => endingOf(key))),
    documentPages:
      documentSources.length > 0
        ? new RegExp(`^[\\u200e]*(.+?\\.\\w{1,5}) • [^\\n]*?[\\u200e ](?:${documentSources.join('|')})$`, 'i')
        : null,
    documentLanguages,
    deleted,
    edited: editedSources.length > 0 ? new RegExp(`[ \\n]*[\\u200e]*<(?:${editedSources.join('|')})\\.?>$`, 'i') : null,
    editedLanguages,
    attached: new RegExp(
      `^<(?:${alternation(attachedWords.iphone)})[:：] ?([^>]+)>$` +
        `|^(.+?\\.\\w{1,5}) \\((?:${alternation(attachedWords.android)})\\)$` +
        `|^<(.+?\\.\\w{1,5}) (?:${alternation(attachedWords.after)})>$` +
        `|^(\\S+\\.\\w{1,5}) <attached>$`,
      'i',
    ),
    attachedLanguages,
    location:
      locationWords.length > 0
        ? new RegExp(`^(?:${locationWords.join('|')}): https://maps\\.google\\.com/\\?q=(-?\\d+(?:\\.\\d+)?),(-?\\d+(?:\\.\\d+)?)$`, 'i')
        : null,
  };
}

let inTableOrder: CompiledTables | null = null;
const ledTables = new Map<WhatsAppLanguage, CompiledTables>();

/** Every table, the given language's first (at most one compilation per language, kept for the process). */
function tablesLedBy(language: WhatsAppLanguage | null): CompiledTables {
  if (language === null) return (inTableOrder ??= compile(whatsAppLanguages));
  let tables = ledTables.get(language);
  if (!tables) ledTables.set(language, (tables = compile([language, ...whatsAppLanguages.filter((other) => other !== language)])));
  return tables;
}

const tableIndex = new Map(whatsAppLanguages.map((language, index) => [language, index]));

/** Date shape (dateShapeOf) → the languages whose phones are known to write it (each table's `stamps`). */
const languagesByDateShape = (() => {
  const byShape = new Map<string, Set<WhatsAppLanguage>>();
  for (const language of whatsAppLanguages)
    for (const stamp of language.stamps ?? []) {
      const header = parseWhatsAppHeader(stamp.text);
      if (!header) throw new Error(`WhatsApp ${language.name} table: the stamp “${stamp.text}” is not one the reader knows`);
      const shape = dateShapeOf(header);
      byShape.set(shape, (byShape.get(shape) ?? new Set()).add(language));
    }
  return byShape;
})();
const NO_LANGUAGES: ReadonlySet<WhatsAppLanguage> = new Set();

export interface OmittedMedia {
  kind: OmittedKind;
  /** What the sender wrote with it (an iPhone caption before the placeholder, Android lines after it). */
  caption: string;
  /** A document's own name, where the export gives it (`Marathon.zip ‎Dokument weggelassen`). */
  fileName: string | null;
}

export interface AttachedFile {
  fileName: string;
}

/**
 * The wording of one export file. Every table is consulted on every line, so a phrase of any language is
 * read as what it says, and each phrase met counts for the languages that write it. The file's language is the
 * one with the most phrases met; a tie goes to a language whose phones write the file's dates the way it does
 * (Dutch `27-08-2020 11:17`, Indonesian `30/08/25 18.00`), then to the earlier table. The leading language's
 * phrases win where two tables read a text differently, so the first lines do not lock a file into a language.
 */
export class WhatsAppPhrases {
  #leader: WhatsAppLanguage | null = null;
  #tables: CompiledTables = tablesLedBy(null);
  readonly #hits = new Map<WhatsAppLanguage, number>();
  #datedLike: ReadonlySet<WhatsAppLanguage> = NO_LANGUAGES;

  /** The language the file reads as so far; null while no phrase of any table was met. */
  get language(): WhatsAppLanguage | null {
    return this.#leader;
  }

  /** How many phrases of each language were met (for tests and the result). */
  get phrasesMet(): ReadonlyMap<WhatsAppLanguage, number> {
    return this.#hits;
  }

  /** The shape of the file's date stamps (dateShapeOf): breaks ties between languages. */
  noteDateShape(shape: string): void {
    this.#datedLike = languagesByDateShape.get(shape) ?? NO_LANGUAGES;
    let best: WhatsAppLanguage | null = null;
    for (const language of this.#hits.keys()) if (best === null || this.#ahead(language, best)) best = language;
    this.#lead(best);
  }

  /** Whether `a` reads the file better than `b`: more phrases met, then the date shape, then the table's order. */
  #ahead(a: WhatsAppLanguage, b: WhatsAppLanguage): boolean {
    const hitsA = this.#hits.get(a) ?? 0;
    const hitsB = this.#hits.get(b) ?? 0;
    if (hitsA !== hitsB) return hitsA > hitsB;
    const datedA = this.#datedLike.has(a);
    if (datedA !== this.#datedLike.has(b)) return datedA;
    return tableIndex.get(a)! < tableIndex.get(b)!;
  }

  #lead(language: WhatsAppLanguage | null): void {
    if (language === this.#leader) return;
    this.#leader = language;
    this.#tables = tablesLedBy(language);
  }

  #met(language: WhatsAppLanguage): void {
    this.#hits.set(language, (this.#hits.get(language) ?? 0) + 1);
    if (this.#leader === null || (language !== this.#leader && this.#ahead(language, this.#leader))) this.#lead(language);
  }

  #metAll(languages: readonly WhatsAppLanguage[]): void {
    for (const language of languages) this.#met(language);
  }

  /** The action a system line records, or null when no table knows the line. */
  systemAction(text: string): ServiceAction | null {
    const match = this.#tables.system?.exec(text);
    if (!match) return null;
    const index = match.findIndex((group, i) => i > 0 && group !== undefined);
    const entry = this.#tables.systemEntries[index - 1]!;
    this.#met(entry.language);
    return entry.action;
  }

  /** An end-to-end encryption notice (written as if by the chat on iPhone). */
  isEncryptionNotice(text: string): boolean {
    const hint = this.#tables.encryptionHint;
    if (hint !== null && !hint.test(text)) return false;
    const match = this.#tables.encryption?.exec(text);
    if (!match) return false;
    this.#met(this.#tables.encryptionLanguages[match.findIndex((group, i) => i > 0 && group !== undefined) - 1]!);
    return true;
  }

  isDeleted(text: string): boolean {
    if (text.length > this.#tables.longestDeleted) return false;
    if (!this.#tables.deletedEndings.has(endingOf(text))) return false;
    const languages = this.#tables.deleted.get(withoutPeriod(withoutLeadingMarks(text)));
    if (!languages) return false;
    this.#metAll(languages);
    return true;
  }

  /** The text without its edited marker, or null when it has none. */
  withoutEditedMarker(text: string): string | null {
    if (!text.endsWith('>') || !this.#tables.edited) return null;
    const match = this.#tables.edited.exec(text);
    if (!match) return null;
    this.#met(this.#tables.editedLanguages[match.findIndex((group, i) => i > 0 && group !== undefined) - 1]!);
    return text.slice(0, match.index);
  }

  /**
   * A placeholder for media left out: the whole text, its first line (Android, the caption on the lines after),
   * or what follows the last left-to-right mark (iPhone, the caption before).
   */
  omittedMedia(text: string, traits: number = textTraits(text)): OmittedMedia | null {
    const { omitted } = this.#tables;
    const newline = traits & TEXT_HAS_NEWLINE ? text.indexOf('\n') : -1;
    const firstLine = newline < 0 ? text : text.slice(0, newline);
    const first =
      firstLine.length <= this.#tables.longestOmitted && this.#tables.omittedEndings.has(endingOf(firstLine))
        ? omitted.get(withoutLeadingMarks(firstLine).trim().toLowerCase())
        : undefined;
    if (first) {
      this.#metAll(first.languages);
      return { kind: first.kind, caption: newline < 0 ? '' : text.slice(newline + 1), fileName: null };
    }
    const mark = traits & TEXT_HAS_MARK ? text.lastIndexOf('\u200e') : -1;
    if (mark > 0) {
      const tail = omitted.get(
        text
          .slice(mark + 1)
          .trim()
          .toLowerCase(),
      );
      if (tail) {
        this.#metAll(tail.languages);
        const before = text.slice(0, mark).replace(/[\u200e\s]+$/, '');
        const named = tail.kind === 'document' ? /^[\u200e]*(\S[^\n]*?\.\w{1,5})(?: • [^\n]*)?$/.exec(before) : null;
        return { kind: tail.kind, caption: named ? '' : before, fileName: named ? named[1]! : null };
      }
    }
    const pages = traits & TEXT_HAS_BULLET && text.includes(' • ') ? this.#tables.documentPages?.exec(text) : null;
    if (pages) {
      this.#met(this.#tables.documentLanguages[pages.findIndex((group, i) => i > 1 && group !== undefined) - 2]!);
      return { kind: 'document', caption: '', fileName: pages[1]! };
    }
    return null;
  }

  /** The file an attachment line names (`<attached: x.jpg>`, `x.jpg (file attached)`, `<x.jpg eklendi>`). */
  attachedFile(firstLine: string): AttachedFile | null {
    // Every form ends with a bracket: the cheap test first, as most lines are plain text.
    const last = firstLine.charCodeAt(firstLine.length - 1);
    if (last !== 0x3e && last !== 0x29) return null;
    const match = this.#tables.attached.exec(firstLine);
    if (!match) return null;
    const fileName = (match[1] ?? match[2] ?? match[3] ?? match[4])!.trim();
    // Which language: the form tells only when one language uses it; a later phrase decides otherwise.
    return { fileName };
  }

  /** An iPhone poll's question and options (the votes are counts without voters: not kept). */
  poll(text: string, traits: number = textTraits(text)): { question: string; options: string[] } | null {
    if (!this.#tables.poll || !(traits & TEXT_HAS_COLON_NEWLINE)) return null;
    const match = this.#tables.poll.exec(withoutLeadingMarks(text));
    if (!match || !this.#tables.pollOption) return null;
    const options = [...match[2]!.slice(1).matchAll(this.#tables.pollOption)].map((option) => option[1]!);
    return { question: match[1]!, options };
  }

  location(text: string, traits: number = textTraits(text)): { latitude: number; longitude: number } | null {
    const match = traits & TEXT_HAS_LINK && text.includes('https://maps.google.com/') ? this.#tables.location?.exec(text) : null;
    return match ? { latitude: Number(match[1]), longitude: Number(match[2]) } : null;
  }
}

/** The file-name forms of every table as one expression: group i+1 is the chat's name in the i-th form. */
const FILE_NAME_FORMS = (() => {
  const forms = whatsAppLanguages.flatMap((language) => language.fileNames ?? []);
  if (forms.length === 0) return null;
  const sources = forms.map((form) => `(?:${escape(form.text).replace(/ /g, '[ _]').replace('\\{name\\}', '(.+)')})`);
  return new RegExp(`^(?:${sources.join('|')})$`, 'i');
})();

/** The chat's name in a file name a phone wrote in its language ("Chat de WhatsApp con Ana" → "Ana"); else the name as given. */
export function chatNameFromLocalFileName(name: string): string {
  const match = FILE_NAME_FORMS?.exec(name);
  const found = match?.slice(1).find((group) => group !== undefined);
  return found?.trim() || name;
}
