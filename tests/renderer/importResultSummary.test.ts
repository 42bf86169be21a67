import { createElement, type FunctionComponent, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import type { FileImportResult } from '../../shared/importing.ts';
import { messagesFor } from '../../shared/i18n/locales.ts';

interface SummaryProps {
  result: FileImportResult[];
  onOpenChat(chatId: number): void;
  close: ReactNode;
}
// Loaded by path: vitest compiles the JSX, while this layer's tsconfig (no JSX) would refuse a static import.
const componentPath = '../../renderer/src/features/import/ImportResultSummary.tsx';
const { ImportResultSummary } = (await import(componentPath)) as { ImportResultSummary: FunctionComponent<SummaryProps> };

function summary(result: FileImportResult[]): string {
  // The window's words come from the catalog: rendered in English, as the window is for an English system.
  return renderToStaticMarkup(
    createElement(
      IntlProvider,
      { locale: 'en', messages: messagesFor('en') },
      createElement(ImportResultSummary, { result, onOpenChat: () => {}, close: null }),
    ),
  );
}

describe('the import result', () => {
  it('says how each WhatsApp file was read ("read as Dutch, iPhone"), and nothing for files without it', () => {
    const html = summary([
      {
        path: '/exports/_chat.txt',
        chats: [{ chatId: 7, name: 'Familie', added: 3, inFile: 3, skipped: 0 }],
        timeZone: { zone: 'Europe/Amsterdam', computers: true },
        readAs: 'read as Dutch, iPhone',
      },
      { path: '/exports/result.json', chats: [{ chatId: 8, name: 'Team', added: 1, inFile: 1, skipped: 0 }], timeZone: null },
    ]);
    expect(html).toContain('data-testid="import-read-as">Familie: read as Dutch, iPhone</span>');
    expect(html.match(/import-read-as/g)).toHaveLength(1);
  });

  it('says, for each file of the selection that imported nothing, why', () => {
    const html = summary([
      { path: '/exports/chat', chats: [{ chatId: 9, name: 'Kept', added: 10, inFile: 10, skipped: 0 }], timeZone: null },
      { path: '/exports/notes.html', chats: [], timeZone: null, nothingImported: 'not an export Scrollback can read.' },
    ]);
    expect(html).toContain(
      'data-testid="import-nothing-imported">/exports/notes.html: nothing imported: not an export Scrollback can read.</span>',
    );
    expect(html.match(/import-nothing-imported/g)).toHaveLength(1);
  });
});
