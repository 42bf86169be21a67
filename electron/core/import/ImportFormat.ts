import type { ChatImportResult, FileImportResult } from '../../../shared/importing.ts';
import type { ImportFormatInfo } from '../../../shared/importFormats.ts';
import type { WritableDB } from '../cache/CacheDatabase.ts';
import type { ByteSource } from '../files/ByteSource.ts';
import type { MediaStore } from '../media/createMediaStore.ts';
import type { ImportMediaFiles } from './importMediaFiles.ts';
import type { WhatsAppReadOptions } from './whatsapp/readWhatsAppMessages.ts';

/**
 * How sure a format is that a file is its own: `sure` when the content says so (a zip's chat text, an
 * HTML page's "Exported Data" title, DiscordChatExporter's leading "guild"), `maybe` when only the general
 * shape or the name fits (any JSON object, any `.txt`). A sure format wins over a maybe one; among equals,
 * the registry's order.
 */
export type Recognition = 'sure' | 'maybe' | null;

/** A file the user named, read as far as telling formats apart needs (its first 4 KB). */
export interface ExaminedFile {
  path: string;
  /** The name's extension, lower case, without the dot ('' when none). */
  extension: string;
  sizeBytes: number;
  /** What the first bytes are, whatever the format: a zip, an HTML page, a JSON document, other text, or binary. */
  content: 'zip' | 'html' | 'json' | 'text' | 'binary';
  /** The first 4 KB as text, without a byte order mark or leading white space ('' for a zip or binary). */
  head: string;
}

/** One file (or HTML chat) to import: its format, its bytes and the name of the chat when the file itself does not say. */
export interface ImportInput {
  format: ImportFormat;
  source: ByteSource;
  /** The path the user gave (a file, a folder or a zip). */
  path: string;
  chatNameHint: string;
  sizeBytes: number;
  /** The media files the export brought (its folder's, or its zip's entries). */
  mediaFiles: ImportMediaFiles;
  /**
   * An input read from several files in order (a Telegram Desktop HTML chat: messages.html, messages2.html,
   * …), and the folder their relative links resolve inside (the chat's folder, or a whole-account export's root).
   */
  pages?: { paths: string[]; root: string };
}

export interface ImportFileOptions {
  /** Bytes read so far of this file (of `input.sizeBytes`), after each chunk. */
  onProgress?: (bytesRead: number) => void;
  /** Asked between chunks; true stops the import and rolls the file back. */
  isCancelled?: () => boolean;
  whatsapp?: WhatsAppReadOptions;
  /** The zone WhatsApp times are read in (IANA name); null or absent: this computer's. */
  whatsAppTimeZone?: string | null;
  /**
   * Where the export's media files are copied (content-addressed, so the export can be deleted afterwards).
   * Without one, messages keep their kind and size but no file.
   */
  mediaStore?: MediaStore;
}

/** Where a format's reader writes: the database (inside the file's one transaction) and the export's media. */
export interface ImportTarget {
  db: WritableDB;
  files: ImportFiles;
}

/** Where an import's attachments go: each message names its file by a reference of `media` (in `localFile`). */
export interface ImportFiles {
  store: MediaStore | null;
  media: ImportMediaFiles;
  origin: string;
}

/**
 * One import format: everything Scrollback knows of it, in its own folder under import/, listed once in
 * importFormats.ts. Finding inputs, importing, the CLI's usage and errors, the window's wording and the
 * native dialog's filters are all derived from these records.
 */
export interface ImportFormat extends ImportFormatInfo {
  /** Whether a file is this format's, from its first bytes (and its name where the bytes cannot tell). */
  recognise(file: ExaminedFile): Recognition;
  /**
   * What a file that is not this format's looks like when it nearly is ("an HTML page, but not one of a
   * Telegram Desktop export"): said in the error when no format reads it. Null: no resemblance.
   */
  nearMiss?(file: ExaminedFile): string | null;
  /** A folder laid out as this format's export (its result.json, its pages): its inputs; [] when it is not one. */
  findInFolder?(folder: string): ImportInput[];
  /** The inputs a recognised file stands for (usually itself; an HTML page: its whole chat; a zip: the chat text inside). */
  expand(file: ExaminedFile): ImportInput[];
  /** The import job: reads one input into the cache, inside the file's one transaction; each chat it wrote. */
  read(
    input: ImportInput,
    target: ImportTarget,
    options: ImportFileOptions,
  ): Pick<FileImportResult, 'timeZone' | 'readAs' | 'nothingImported'> & { chats: ChatImportResult[] };
}
