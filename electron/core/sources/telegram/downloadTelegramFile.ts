import { Api } from 'telegram';
import bigInt from 'big-integer';
import type { MediaVariant } from '../../../../shared/domain.ts';
import { ScrollbackError } from '../../../../shared/errors.ts';
import type { Clock } from '../createRequestLimiter.ts';
import type { SourceMediaOptions, SourceMediaSink } from '../HistorySource.ts';
import { inputLocationOf, mimeTypeOfStorage, type TelegramFileLocator } from './telegramMediaLocator.ts';
import type { TelegramPeer } from './TelegramPeer.ts';
import { translator } from '../../i18n/createTranslator.ts';

/**
 * Bytes per `upload.getFile` request: 512 KB. Without `precise`, offsets and limits must be multiples of
 * 4 KB, 1 MB must be divisible by the limit, and no request may cross a 1 MB boundary; 512 KB parts from
 * offset 0 keep all three.
 */
export const FILE_PART_BYTES = 512 * 1024;
/** Flood waits sat out within one download before it gives up and says so. */
const MAX_WAITS = 5;

export interface TelegramFileDeps {
  /** Sends one request through the account's scheduler (its turn, its flood-wait rule), to `dcId`'s servers. */
  call<R>(request: Api.AnyRequest, signal?: AbortSignal, dcId?: number): Promise<R>;
  clock: Clock;
  /** The message again, for a fresh file reference; null when it is gone. */
  refetchLocator(): Promise<TelegramFileLocator | null>;
}

/** The RPC error name behind a mapped error (FILE_REFERENCE_EXPIRED, FILE_MIGRATE_4…), or ''. */
function rpcNameOf(error: unknown): string {
  const cause = (error as { cause?: { errorMessage?: string } } | null)?.cause;
  return cause?.errorMessage ?? (error as { errorMessage?: string } | null)?.errorMessage ?? '';
}

/**
 * Downloads one file part by part into `sink`. A FLOOD_WAIT is sat out (nothing is sent before it ends),
 * FILE_MIGRATE_X sends the rest to data center X, and an expired file reference is renewed once by
 * fetching the message again; parts already received are kept.
 */
export async function downloadTelegramFile(
  deps: TelegramFileDeps,
  target: { locator: TelegramFileLocator; variant: MediaVariant; peer: TelegramPeer; size: number | null },
  sink: SourceMediaSink,
  options: SourceMediaOptions,
): Promise<{ mimeType: string | null }> {
  let { locator } = target;
  let dcId = 'dcId' in locator ? locator.dcId : undefined;
  let renewed = false;
  let waits = 0;
  let mimeType: string | null = null;
  for (let offset = 0; ;) {
    options.signal?.throwIfAborted();
    let part: Api.upload.TypeFile;
    try {
      part = await deps.call<Api.upload.TypeFile>(
        new Api.upload.GetFile({
          location: inputLocationOf(locator, target.variant, target.peer),
          offset: bigInt(offset),
          limit: FILE_PART_BYTES,
          precise: false,
          cdnSupported: false,
        }),
        options.signal,
        dcId,
      );
    } catch (error) {
      const name = rpcNameOf(error);
      if (/^FILE_REFERENCE_(EXPIRED|INVALID)$/.test(name) && !renewed) {
        renewed = true;
        const fresh = await deps.refetchLocator();
        if (!fresh) throw new ScrollbackError('NOT_FOUND', translator()('error.telegram.fileDeleted'), { cause: error });
        locator = fresh;
        continue;
      }
      const migrate = /^FILE_MIGRATE_(\d+)$/.exec(name);
      if (migrate) {
        dcId = Number(migrate[1]);
        continue;
      }
      if (error instanceof ScrollbackError && error.code === 'RATE_LIMITED' && error.retryAfterMs && waits++ < MAX_WAITS) {
        options.onWaiting?.(deps.clock.now() + error.retryAfterMs, error.message);
        await deps.clock.sleep(error.retryAfterMs, options.signal);
        continue;
      }
      throw error;
    }
    if (!(part instanceof Api.upload.File)) throw new ScrollbackError('SOURCE_UNAVAILABLE', translator()('error.telegram.cdn'));
    mimeType ??= mimeTypeOfStorage(part.type);
    await sink.write(part.bytes);
    options.onProgress?.(sink.received, target.size);
    offset += part.bytes.length;
    // The end: a short part (Telegram's own clients stop there too), or the stated size reached.
    if (part.bytes.length < FILE_PART_BYTES || (target.size !== null && offset >= target.size)) break;
  }
  return { mimeType };
}
