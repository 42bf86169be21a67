import { useState } from 'react';
import type { SourceKind } from '../../../shared/domain.ts';
import type { ExportRequest } from '../../../shared/exporting.ts';
import type { ExportScope } from '../features/export/ExportDialog.tsx';

/** Which of the window's dialogs is open: Telegram login, adding a WhatsApp chat, export, settings. */
export function useAppDialogs() {
  const [loggingIn, setLoggingIn] = useState(false);
  const [addingWhatsApp, setAddingWhatsApp] = useState(false);
  const [exportScope, setExportScope] = useState<ExportScope | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  // The last export asked for: its download (when messages are missing) is shown by the export's toast.
  const [exportRequest, setExportRequest] = useState<ExportRequest | null>(null);
  /** The add dialog of each source kind this window has one for. */
  const addDialogs: Partial<Record<SourceKind, () => void>> = { telegram: () => setLoggingIn(true), ryze: () => setAddingWhatsApp(true) };
  return {
    loggingIn,
    addingWhatsApp,
    exportScope,
    settingsOpen,
    exportRequest,
    addDialogs,
    closeLogin: () => setLoggingIn(false),
    closeAddWhatsApp: () => setAddingWhatsApp(false),
    openExport: setExportScope,
    closeExport: () => setExportScope(null),
    exportStarted: setExportRequest,
    openSettings: () => setSettingsOpen(true),
    closeSettings: () => setSettingsOpen(false),
  };
}
