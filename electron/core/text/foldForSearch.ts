const ASCII_ONLY = /^[\x00-\x7f]*$/;
const COMBINING_MARKS = /\p{M}+/gu;

/**
 * The one folding used for both the full-text index and for checking matches: compatibility-decomposed,
 * combining marks removed, lower-cased. "Café", "CAFE" and "café" all fold to "cafe"; CJK is unchanged.
 * Index and query must use this same function, or the index would miss what the check accepts.
 */
export function foldForSearch(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}
