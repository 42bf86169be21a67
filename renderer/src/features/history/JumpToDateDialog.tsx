import { useEffect, useRef, useState } from 'react';
import { DensityCalendar } from '../calendar/DensityCalendar.tsx';
import { LabelledField } from '../../ui/LabelledField.tsx';
import { useT } from '../../i18n/translate.ts';

function toLocalDateInput(date: number): string {
  const d = new Date(date);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight of a `yyyy-mm-dd` field's day, or null while it holds no whole date. */
function localDayStart(value: string): number | null {
  const [year, month, date] = value.split('-').map(Number);
  if (!year || !month || !date || year < 1000) return null;
  return new Date(year, month - 1, date).getTime();
}

/** Jump to a day and optional time (local). A native modal dialog: focus trapped, Esc closes. */
export function JumpToDateDialog({
  chatId,
  open,
  initialDate,
  onJump,
  onClose,
}: {
  chatId: number;
  open: boolean;
  initialDate: number;
  onJump(date: number): void;
  onClose(): void;
}) {
  const t = useT();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const dayRef = useRef<HTMLInputElement>(null);
  const [day, setDay] = useState(() => toLocalDateInput(initialDate));
  const [time, setTime] = useState('');
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setDay(toLocalDateInput(initialDate));
      setTime('');
      dialog.showModal();
      // The day is what a person comes to type (the calendar's buttons come first in the tab order).
      dayRef.current?.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open, initialDate]);

  const typedDate = localDayStart(day);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const [hours, minutes] = time ? time.split(':').map(Number) : [0, 0];
    if (typedDate === null) return;
    // Set in local time (a day with a clock change is not 24 hours long).
    onJump(new Date(typedDate).setHours(hours ?? 0, minutes ?? 0));
  };

  return (
    <dialog ref={dialogRef} className="app-dialog jump-dialog" aria-labelledby="jump-title" onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id="jump-title">{t('history.jump.title')}</h2>
        {open && (
          <DensityCalendar chatId={chatId} value={typedDate ?? initialDate} onPick={(dayStart) => setDay(toLocalDateInput(dayStart))} />
        )}
        <LabelledField
          label={t('history.jump.day')}
          ref={dayRef}
          type="date"
          required
          value={day}
          onChange={(event) => setDay(event.target.value)}
          data-testid="jump-date"
        />
        <LabelledField
          label={t('history.jump.time')}
          type="time"
          value={time}
          onChange={(event) => setTime(event.target.value)}
          data-testid="jump-time"
        />
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('history.jump.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
