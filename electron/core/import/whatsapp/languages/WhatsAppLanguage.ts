import type { ServiceAction, ServiceActionKind } from '../../../../../shared/serviceActions.ts';

/**
 * What WhatsApp writes into an "Export chat" file in one phone language, as data. Every phrase carries where
 * it was learnt (keys of ../shared/notes/whatsapp-languages.md: R seen in a real export, F a fixture, T a
 * parser's table, ? unsure), so a wrong one can be traced and replaced.
 */
export interface WhatsAppLanguage {
  /** BCP 47 code, e.g. `nl`, `pt`. */
  code: string;
  /** The language's English name, as the import result says it ("read as Dutch"). */
  name: string;
  /**
   * System lines: a regular-expression source (matched case-insensitively anywhere in the line; groups must be
   * non-capturing), what it records, and any fixed detail of the action.
   */
  system: ReadonlyArray<SystemPhrase>;
  /** Media left out of an export "without media", matched as the whole text or after a U+200E (iPhone caption). */
  omitted: ReadonlyArray<OmittedPhrase>;
  /** The word of an attachment: iPhone `<word: name>`, Android `name (words)`, or `<name word>` (`after`). */
  attached: ReadonlyArray<AttachedPhrase>;
  /** A deleted message's whole text (a trailing period is optional). */
  deleted: ReadonlyArray<Phrase>;
  /** The marker appended to an edited message, without its angle brackets (a trailing period is optional). */
  edited: ReadonlyArray<Phrase>;
  /** The word before a shared location's map link: `Standort: https://maps.google.com/?q=…`. */
  location: ReadonlyArray<Phrase>;
  /** How the phone names the exported file, `{name}` standing for the chat (spaces may be written `_`). */
  fileNames?: ReadonlyArray<Phrase>;
  /**
   * Date stamps its phones were seen to write (`27-08-2020 11:17 - `, `[27-08-2020 11:17:05] `), each a whole
   * stamp the reader accepts: how a file writes its dates breaks a tie between languages, and the generated
   * test exports write theirs this way.
   */
  stamps?: ReadonlyArray<Phrase>;
  /** An iPhone poll: `POLL:`, the question on the next line, then one `OPTION: text (N votes)` line per option. */
  poll?: { question: string; option: string; votes: string; source: string };
}

export interface Phrase {
  text: string;
  /** Where the phrase was learnt. */
  source: string;
}

export interface SystemPhrase {
  action: ServiceActionKind;
  pattern: string;
  /** Fixed parts of the action (a missed video call: `{ missed: true, video: true }`; `other`: its `sourceName`). */
  detail?: Omit<ServiceAction, 'action'>;
  /** A line the generated test export writes for this pattern. */
  example: string;
  source: string;
}

/**
 * What an omitted-media placeholder stands for. `media`: Android's one generic placeholder for any kind;
 * `liveLocation`: a live location was shared (the export writes no coordinates).
 */
export type OmittedKind = 'media' | 'photo' | 'video' | 'videoNote' | 'voice' | 'sticker' | 'gif' | 'document' | 'contact' | 'liveLocation';

export interface OmittedPhrase extends Phrase {
  kind: OmittedKind;
}

export interface AttachedPhrase extends Phrase {
  form: 'iphone' | 'android' | 'after';
}
