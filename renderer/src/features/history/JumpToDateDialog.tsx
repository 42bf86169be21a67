import { useEffect, useRef, useState } from 'react';
import { DensityCalendar } from '../calendar/DensityCalendar.tsx';

function toLocalDateInput(date: number): string {
  const d = new Date(date);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
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
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [day, setDay] = useState(() => toLocalDateInput(initialDate));
  const [time, setTime] = useState('');
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setDay(toLocalDateInput(initialDate));
      setTime('');
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open, initialDate]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const [year, month, date] = day.split('-').map(Number);
    const [hours, minutes] = time ? time.split(':').map(Number) : [0, 0];
    if (!year || !month || !date) return;
    onJump(new Date(year, month - 1, date, hours ?? 0, minutes ?? 0).getTime());
  };

  return (
    <dialog ref={dialogRef} className="app-dialog jump-dialog" aria-labelledby="jump-title" onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id="jump-title">Jump to date</h2>
        {open && <DensityCalendar chatId={chatId} value={initialDate} onPick={(dayStart) => setDay(toLocalDateInput(dayStart))} />}
        <label>
          Day
          <input type="date" required value={day} onChange={(event) => setDay(event.target.value)} data-testid="jump-date" />
        </label>
        <label>
          Time (optional)
          <input type="time" value={time} onChange={(event) => setTime(event.target.value)} data-testid="jump-time" />
        </label>
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Jump
          </button>
        </div>
      </form>
    </dialog>
  );
}
