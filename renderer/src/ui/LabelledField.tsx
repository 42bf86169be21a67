import type { ComponentPropsWithRef, ReactNode } from 'react';

/** A text, date or number field inside its label (clicking the words focuses the field; the label names it). */
export function LabelledField({ label, className, ...input }: { label: ReactNode; className?: string } & ComponentPropsWithRef<'input'>) {
  return (
    <label className={className}>
      {label}
      <input {...input} />
    </label>
  );
}
