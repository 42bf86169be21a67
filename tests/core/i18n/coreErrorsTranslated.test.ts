import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { ScrollbackError } from '../../../shared/errors.ts';
import { setLocaleForMessages, translator } from '../../../electron/core/i18n/createTranslator.ts';
import { parseWhatsAppChat } from '../../../electron/core/sources/ryze/parseWhatsAppChat.ts';
import { toTelegramError } from '../../../electron/core/sources/telegram/toTelegramError.ts';

/**
 * The core's errors reach people (the window, main's dialogs, the CLI), so their words come from the catalog
 * in the user's language: no `new ScrollbackError(code, '…')` with a literal message is left in electron/core.
 */
const root = path.resolve(import.meta.dirname, '../../..');

/**
 * Files other engineers are moving to the catalog in this same session; the lead removes each entry once its
 * file is clean. Nothing else may be added here.
 */
const BEING_TRANSLATED = new Set([
  'electron/core/import/whatsapp/',
  'electron/core/search/',
  'electron/core/cache/searchQueries.ts',
  'electron/core/cache/storeHistoryRun.ts',
  'electron/core/cache/messageQueries.ts',
  'electron/core/app/createCoreHandlers.ts',
]);
const beingTranslated = (file: string) => [...BEING_TRANSLATED].some((entry) => file.startsWith(entry));

/** A message argument written out in English: a string or template literal, also inside ?:, ( ) or +. */
function isLiteralMessage(node: ts.Expression): boolean {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) return true;
  if (ts.isParenthesizedExpression(node)) return isLiteralMessage(node.expression);
  if (ts.isConditionalExpression(node)) return isLiteralMessage(node.whenTrue) || isLiteralMessage(node.whenFalse);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return isLiteralMessage(node.left) || isLiteralMessage(node.right);
  return false;
}

export function literalErrorMessages(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  if (!text.includes('ScrollbackError(')) return found;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && node.expression.getText(source) === 'ScrollbackError') {
      const message = node.arguments?.[1];
      if (message && isLiteralMessage(message))
        found.push(
          `${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1} ${message.getText(source).replace(/\s+/g, ' ').slice(0, 70)}`,
        );
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const coreFiles = () =>
  fs
    .readdirSync(path.join(root, 'electron/core'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join('electron/core', file))
    .filter((file) => !beingTranslated(file))
    .map((file) => path.join(root, file));

describe("the core's errors are in the user's language", () => {
  const before = translator().locale;
  afterEach(() => setLocaleForMessages(before));

  it('no ScrollbackError in electron/core is given a literal message: every one comes from the catalog', () => {
    expect(coreFiles().flatMap(literalErrorMessages)).toEqual([]);
  });

  it('the scan finds a literal message where there is one (the check can fail)', () => {
    const file = path.join(fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'core-errors-')), 'sample.ts');
    fs.writeFileSync(
      file,
      [
        "throw new ScrollbackError('BUSY', 'Already running.');",
        'throw new ScrollbackError(\n  "INTERNAL",\n  `Worker ${kind} failed.`,\n);',
        "throw new ScrollbackError('CANCELLED', slow ? 'Too slow.' : translator()('error.request.cancelled'));",
        "throw new ScrollbackError('INTERNAL', 'Failed: ' + reason);",
        "throw new ScrollbackError('CANCELLED', translator()('error.request.cancelled'));",
        "throw new ScrollbackError('INTERNAL', (error as Error).message);",
      ].join('\n'),
    );
    expect(literalErrorMessages(file).map((line) => line.split(' ').slice(1).join(' '))).toEqual([
      "'Already running.'",
      '`Worker ${kind} failed.`',
      "slow ? 'Too slow.' : translator()('error.request.cancelled')",
      "'Failed: ' + reason",
    ]);
  });

  it('an error says its values in the language chosen for the messages: German quotes, Russian units, Arabic plurals', () => {
    setLocaleForMessages('de');
    expect(() => parseWhatsAppChat('hello')).toThrow('„hello“ ist keine WhatsApp-Nummer und keine JID.');
    setLocaleForMessages('ru');
    const flood = toTelegramError({ errorMessage: 'FLOOD_WAIT_300', seconds: 300 });
    expect([flood.code, flood.message]).toEqual(['RATE_LIMITED', 'Telegram попросил подождать 5 мин перед следующим запросом.']);
    setLocaleForMessages('en');
    expect(toTelegramError({ errorMessage: 'FLOOD_WAIT_5400', seconds: 5400 }).message).toBe(
      'Telegram asked to wait 90 min before the next request.',
    );
    expect(toTelegramError({ errorMessage: 'AUTH_KEY_DUPLICATED' }).message).toBe(
      'Telegram logged this account out (the session was used from two places at once). Log in again.',
    );
  });

  it('a count in an error is a plural in each language (one reference, two in Arabic’s dual form)', () => {
    const t = (locale: Parameters<typeof setLocaleForMessages>[0], count: number) => {
      setLocaleForMessages(locale);
      return translator()('error.cache.migrationBreaks', { version: '7', name: 'people', count });
    };
    expect(t('en', 1)).toBe('Schema step 7 (people) would break 1 reference; nothing was changed.');
    expect(t('en', 3)).toBe('Schema step 7 (people) would break 3 references; nothing was changed.');
    expect(t('ru', 5)).toBe('Шаг схемы 7 (people) нарушил бы 5 ссылок; ничего не изменено.');
    expect(t('ar', 2)).toBe('كانت خطوة المخطط 7 (people) ستكسر مرجعين؛ لم يتغير شيء.');
  });

  it('a core error thrown by real code is a ScrollbackError with its code, in words first', () => {
    setLocaleForMessages('es');
    try {
      parseWhatsAppChat('x');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScrollbackError);
      expect((error as ScrollbackError).code).toBe('INVALID_INPUT');
      expect((error as ScrollbackError).message).toMatch(/^«x» no es un número ni un JID de WhatsApp\./);
    }
  });
});
