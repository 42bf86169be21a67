import { decodeCursor, type MessagePosition } from '../../../shared/cursor.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import { translator } from '../i18n/createTranslator.ts';

/** A cursor a history page returned, or a clear error for anything else. */
export function decodeHistoryCursor(cursor: string): MessagePosition {
  const position = decodeCursor(cursor);
  if (!position) throw new ScrollbackError('INVALID_INPUT', translator()('error.history.badCursor'));
  return position;
}
