import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ExportRequest } from '../../../../shared/exporting.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { EarlierExports } from './EarlierExports.tsx';
import { ExportEstimateLine } from './ExportEstimateLine.tsx';
import { ExportFormatField } from './ExportFormatField.tsx';
import { ExportScopeFields } from './ExportScopeFields.tsx';
import { useExportRequest, type ExportScope } from './useExportRequest.ts';
import { useT } from '../../i18n/translate.ts';

export type { ExportScope } from './useExportRequest.ts';

/**
 * File → Export Chat… (Ctrl+E), the chat's context menu and "Export these results": format (the formats core
 * offers), scope and service messages, with an estimate (count, size, whether a download comes first) before
 * starting. The destination is asked by main's native save dialog.
 */
export function ExportDialog({
  scope,
  onClose,
  onStart,
  onAgain,
}: {
  scope: ExportScope;
  onClose(): void;
  onStart(request: ExportRequest): void;
  onAgain(exportId: number, mode: 'new' | 'merged'): void;
}) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const formats = useQuery({ queryKey: queryKeys.exports.formats(), queryFn: () => scrollback.listExportFormats(), staleTime: Infinity });
  const { request, format, badDates, choices, setFormat } = useExportRequest(scope, formats.data ?? []);
  useEffect(() => dialog.current?.showModal(), []);

  return (
    <dialog ref={dialog} className="export-dialog" aria-label={t('export.dialog.label')} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          onStart(request);
          onClose();
        }}
      >
        <h2>{t('export.dialog.title', { chat: scope.chat.name })}</h2>
        <ExportFormatField formats={formats.data ?? []} chosen={format?.id} onChoose={setFormat} />
        <ExportScopeFields scope={scope} format={format} choices={choices} />
        <EarlierExports
          chatId={scope.chat.id}
          onAgain={(exportId, mode) => {
            onAgain(exportId, mode);
            dialog.current?.close();
          }}
        />
        {format && <ExportEstimateLine request={request} range={choices.range} badDates={badDates} />}
        <div className="dialog-buttons">
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </button>
          <button type="submit" disabled={badDates || !format}>
            {t('export.dialog.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
