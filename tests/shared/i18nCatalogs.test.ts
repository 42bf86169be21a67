import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import {
  messagesFor,
  PSEUDO_LOCALE,
  sourceMessages,
  translatedCatalog,
  TRANSLATED_LOCALES,
  firstDayOfWeek,
  pickLocale,
  directionOf,
} from '../../shared/i18n/locales.ts';
import { pseudoLocalize } from '../../shared/i18n/pseudoLocalize.ts';
import { createTranslator, localeFromEnvironment } from '../../electron/core/i18n/createTranslator.ts';

/**
 * The catalogs hold together: every id in every language, the same ICU arguments as English, the plural
 * categories each language needs, no id that nothing uses, and no user-visible literal left in the window's JSX.
 */
const root = path.resolve(import.meta.dirname, '../..');

type Ast = ReturnType<IntlMessageFormat['getAst']>;
/** ICU element types (as @formatjs/icu-messageformat-parser numbers them). */
const LITERAL = 0;
const ARGUMENT = 1;
const NUMBER = 2;
const DATE = 3;
const TIME = 4;
const SELECT = 5;
const PLURAL = 6;
const POUND = 7;
const TAG = 8;
const TYPE_NAMES: Record<number, string> = {
  [ARGUMENT]: 'argument',
  [NUMBER]: 'number',
  [DATE]: 'date',
  [TIME]: 'time',
  [SELECT]: 'select',
  [PLURAL]: 'plural',
  [TAG]: 'tag',
};

interface Usage {
  /** "count:plural", "name:argument", "b:tag" */
  arguments: Set<string>;
  plurals: { name: string; keys: string[]; ordinal: boolean }[];
}

function usageOf(ast: Ast, usage: Usage = { arguments: new Set(), plurals: [] }): Usage {
  for (const element of ast) {
    if (element.type === LITERAL || element.type === POUND) continue;
    usage.arguments.add(`${element.value}:${TYPE_NAMES[element.type]}`);
    if (element.type === SELECT || element.type === PLURAL) {
      if (element.type === PLURAL)
        usage.plurals.push({ name: element.value, keys: Object.keys(element.options), ordinal: element.pluralType === 'ordinal' });
      for (const option of Object.values(element.options)) usageOf(option.value, usage);
    }
    if (element.type === TAG) usageOf(element.children, usage);
  }
  return usage;
}

const parse = (message: string, locale: string) => new IntlMessageFormat(message, locale).getAst();
const ids = Object.keys(sourceMessages);

describe('message catalogs', () => {
  it('English messages all parse, and ids are named by meaning (area.thing…)', () => {
    for (const id of ids) {
      expect(id).toMatch(/^[a-z][a-zA-Z0-9]*(\.[a-z0-9][a-zA-Z0-9]*)+$/);
      expect(() => parse(sourceMessages[id as keyof typeof sourceMessages], 'en'), id).not.toThrow();
    }
  });

  for (const locale of TRANSLATED_LOCALES.filter((l) => l !== 'en')) {
    it(`${locale} has every id and no other, with English's arguments and the plural categories ${locale} needs`, () => {
      const catalog = translatedCatalog(locale);
      const cardinal = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      const ordinal = new Intl.PluralRules(locale, { type: 'ordinal' }).resolvedOptions().pluralCategories;
      const problems: string[] = [
        ...Object.keys(catalog)
          .filter((id) => !(id in sourceMessages))
          .map((id) => `${id}: English does not have it`),
        ...ids.filter((id) => !(id in catalog)).map((id) => `${id}: not translated`),
      ];
      for (const id of ids) {
        const message = catalog[id];
        if (message === undefined) continue;
        let usage: Usage;
        try {
          usage = usageOf(parse(message, locale));
        } catch (error) {
          problems.push(`${id}: does not parse (${String(error)})`);
          continue;
        }
        const english = usageOf(parse(sourceMessages[id as keyof typeof sourceMessages], 'en'));
        if ([...english.arguments].sort().join() !== [...usage.arguments].sort().join())
          problems.push(
            `${id}: arguments ${[...usage.arguments].sort().join()} differ from English's ${[...english.arguments].sort().join()}`,
          );
        for (const plural of usage.plurals) {
          const needed = plural.ordinal ? ordinal : cardinal;
          const missing = needed.filter((category) => !plural.keys.includes(category));
          const foreign = plural.keys.filter((key) => !key.startsWith('=') && !(needed as string[]).includes(key));
          if (missing.length > 0) problems.push(`${id}: plural {${plural.name}} lacks ${missing.join(', ')}`);
          if (foreign.length > 0) problems.push(`${id}: plural {${plural.name}} has ${foreign.join(', ')}, which ${locale} does not use`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('the pseudo-locale changes every word and keeps every argument', () => {
    const pseudo = messagesFor(PSEUDO_LOCALE);
    for (const id of ids) {
      const english = sourceMessages[id as keyof typeof sourceMessages];
      const message = pseudo[id] ?? '';
      expect(message.startsWith('['), id).toBe(true);
      expect([...usageOf(parse(message, 'en')).arguments].sort(), id).toEqual([...usageOf(parse(english, 'en')).arguments].sort());
    }
    expect(pseudoLocalize('{count, plural, one {# chat} other {# chats}} in <b>{name}</b>')).toMatch(
      /^\[\{count, plural, one \{# çĥàţ\} other \{# çĥàţš\}\} îñ <b>\{name\}<\/b> ·+\]$/,
    );
  });

  it('every id is used somewhere in the code (no dead messages)', () => {
    const code = ['renderer/src', 'electron', 'shared']
      .flatMap((folder) =>
        fs
          .readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
          .filter((file) => /\.(ts|tsx)$/.test(file))
          .map((file) => fs.readFileSync(path.join(root, folder, file), 'utf8')),
      )
      .join('\n');
    expect(ids.filter((id) => !code.includes(`'${id}'`) && !code.includes(`"${id}"`))).toEqual([]);
  });
});

describe('locales', () => {
  it('the language follows the system: same language in another region, English when none matches', () => {
    expect(pickLocale(['pt-PT', 'en'])).toBe('pt-BR');
    expect(pickLocale(['fr-FR', 'de-AT'])).toBe('de');
    expect(pickLocale(['ja'])).toBe('en');
    expect(localeFromEnvironment({ LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(localeFromEnvironment({ LC_ALL: 'ar_EG.UTF-8', LANG: 'de_DE.UTF-8' })).toBe('ar');
  });

  it('Arabic and Hebrew run right to left; the week starts where the locale starts it', () => {
    expect([directionOf('ar'), directionOf('he'), directionOf('de')]).toEqual(['rtl', 'rtl', 'ltr']);
    expect([firstDayOfWeek('en-US'), firstDayOfWeek('de'), firstDayOfWeek('pt-BR'), firstDayOfWeek('en-GB')]).toEqual([7, 1, 7, 1]);
  });

  it('the core says German totals with German digit grouping and Russian plurals in their forms', () => {
    expect(createTranslator('de')('search.total.local', { onComputer: 1_000_000 })).toBe('1.000.000 auf diesem Computer');
    expect([1, 3, 5].map((count) => createTranslator('ru')('header.messages', { count }))).toEqual([
      '1 сообщение',
      '3 сообщения',
      '5 сообщений',
    ]);
    expect([0, 2, 11].map((count) => createTranslator('ar')('header.messages', { count }))).toEqual(['0 رسالة', 'رسالتان', '11 رسالة']);
  });

  it('the jump-to-latest count is a plural, and a lower bound says so in words ("1 newer message", not "1 newer messages")', () => {
    const en = createTranslator('en');
    expect(en('history.latest.newer', { count: 1, more: 'no' })).toBe('1 newer message on this computer');
    expect(en('history.latest.newer', { count: 1200, more: 'no' })).toBe('1,200 newer messages on this computer');
    expect(en('history.latest.newer', { count: 1000, more: 'yes' })).toBe('more than 1,000 newer messages on this computer');
    expect([1, 3, 5].map((count) => createTranslator('ru')('history.latest.newer', { count, more: 'no' }))).toEqual([
      '1 более новое сообщение на этом компьютере',
      '3 более новых сообщения на этом компьютере',
      '5 более новых сообщений на этом компьютере',
    ]);
  });
});

// ---- No literal user-visible text in the window's JSX ----

const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription', 'label']);
/** Names that are the same in every language. */
const NAMES = new Set(['Scrollback', 'Telegram', 'WhatsApp', 'RyzeAPI']);
const hasWords = (text: string) => /\p{L}/u.test(text) && !NAMES.has(text.trim());

/** Literal strings reaching JSX text or a text attribute, through ?:, &&, || and ?? (never through a call). */
function literalsIn(expression: ts.Expression, found: ts.Node[]): void {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
    if (hasWords(expression.text)) found.push(expression);
  } else if (ts.isTemplateExpression(expression)) {
    if ([expression.head.text, ...expression.templateSpans.map((span) => span.literal.text)].some(hasWords)) found.push(expression);
  } else if (ts.isParenthesizedExpression(expression)) literalsIn(expression.expression, found);
  else if (ts.isConditionalExpression(expression)) {
    literalsIn(expression.whenTrue, found);
    literalsIn(expression.whenFalse, found);
  } else if (
    ts.isBinaryExpression(expression) &&
    [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(
      expression.operatorToken.kind,
    )
  ) {
    literalsIn(expression.right, found);
    if (expression.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken) literalsIn(expression.left, found);
  }
}

export function untranslatedJsxText(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: ts.Node[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) found.push(node);
    else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)))
      literalsIn(node.expression, found);
    else if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) {
        if (hasWords(node.initializer.text)) found.push(node.initializer);
      } else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) literalsIn(node.initializer.expression, found);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.map(
    (node) =>
      `${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1} ${node.getText(source).trim().slice(0, 60)}`,
  );
}

const tsxFiles = () =>
  fs
    .readdirSync(path.join(root, 'renderer/src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.tsx'))
    .map((file) => path.join(root, 'renderer/src', file));

describe('the window has no literal text', () => {
  it('no JSX text or text attribute (aria-label, title, placeholder, alt) is a literal: all come from the catalog', () => {
    expect(tsxFiles().flatMap(untranslatedJsxText)).toEqual([]);
  });

  it('the scan finds a literal where there is one (the check can fail)', () => {
    const file = path.join(fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'i18n-scan-')), 'Sample.tsx');
    fs.writeFileSync(
      file,
      `export const A = (p: { x: boolean }) => <div title="Close" aria-label={p.x ? 'Open' : t('a.b')}>{p.x && 'Hi'} · {t('x.y')}</div>;`,
    );
    expect(untranslatedJsxText(file).map((line) => line.split(' ').slice(1).join(' '))).toEqual(['"Close"', "'Open'", "'Hi'"]);
  });
});
