import { formatCount } from '../../format/formatDates.ts';

/** Selection mode's bar over the history: how many are selected, copy, export, leave (Esc). */
export function SelectionBar({ count, onCopy, onExport, onClear }: { count: number; onCopy(): void; onExport(): void; onClear(): void }) {
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selected messages" data-testid="selection-bar">
      <span data-testid="selection-count">
        {formatCount(count)} {count === 1 ? 'message' : 'messages'} selected
      </span>
      <button type="button" onClick={onCopy} title="Copy as a transcript (Ctrl+C)" data-testid="selection-copy">
        Copy
      </button>
      <button type="button" onClick={onExport} data-testid="selection-export">
        Export…
      </button>
      <button type="button" onClick={onClear} title="Leave selection (Esc)" data-testid="selection-clear">
        Cancel
      </button>
      <span className="selection-hint">Click to select · Shift+click for a range · Ctrl+A for all loaded</span>
    </div>
  );
}
