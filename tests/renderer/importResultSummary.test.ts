import { createElement, type FunctionComponent, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FileImportResult } from '../../shared/importing.ts';

interface SummaryProps {
  result: FileImportResult[];
  onOpenChat(chatId: number): void;
  close: ReactNode;
}
// Loaded by path: vitest compiles the JSX, while this layer's tsconfig (no JSX) would refuse a static import.
const componentPath = '../../renderer/src/features/import/ImportResultSummary.tsx';
const { ImportResultSummary } = (await import(componentPath)) as { ImportResultSummary: FunctionComponent<SummaryProps> };

function summary(result: FileImportResult[]): string {
  return renderToStaticMarkup(createElement(ImportResultSummary, { result, onOpenChat: () => {}, close: null }));
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
});
