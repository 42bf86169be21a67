/**
 * The full-text index's rowid is chat id × 2^36 + message id, so one chat's entries are one rowid range and a
 * count or lookup restricted to a chat reads only that chat's postings, however large the archive. Message ids
 * stay below 2^36 (68 billion) and chat ids below 2^27; the product is computed inside SQLite (64-bit), never
 * in JavaScript, where it would pass 2^53.
 */
export const SEARCH_ROWID_SPAN = 2 ** 36;

/** The rowid expression for `messages` columns (an alias may be given for the table). */
export function searchRowIdOf(table: string): string {
  return `${table}.chat_id * ${SEARCH_ROWID_SPAN} + ${table}.id`;
}

/**
 * What is indexed for a message text: its folded form and two end markers, so that every occurrence of a
 * 1–2 character term starts some trigram (see termExpression in searchQueries.ts). ASCII folds to lower()
 * inside SQLite, exactly as foldForSearch does, without a call into JavaScript per row.
 */
export function indexedBodyOf(textColumn: string): string {
  return `(CASE WHEN length(CAST(${textColumn} AS BLOB)) = length(${textColumn}) THEN lower(${textColumn}) ELSE fold(${textColumn}) END || char(1, 1))`;
}

/** The same for one text given as a statement parameter (one call into JavaScript: fine for a single row). */
export const INDEXED_BODY_OF_PARAMETER = '(fold(?) || char(1, 1))';
