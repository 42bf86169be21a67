import { useMemo } from 'react';
import qrcode from 'qrcode-generator';
import { useT } from '../../i18n/translate.ts';

/** A QR code drawn as SVG rectangles (no markup strings, nothing for the CSP to allow). */
export function QrCode({ text, size = 220 }: { text: string; size?: number }) {
  const t = useT();
  const cells = useMemo(() => {
    const code = qrcode(0, 'M');
    code.addData(text);
    code.make();
    const count = code.getModuleCount();
    const dark: Array<[number, number]> = [];
    for (let row = 0; row < count; row++) for (let col = 0; col < count; col++) if (code.isDark(row, col)) dark.push([col, row]);
    return { count, dark };
  }, [text]);
  const margin = 2;
  const view = cells.count + margin * 2;
  return (
    <svg className="qr-code" width={size} height={size} viewBox={`0 0 ${view} ${view}`} role="img" aria-label={t('telegram.qr.label')}>
      <rect width={view} height={view} fill="#fff" />
      {cells.dark.map(([x, y]) => (
        <rect key={`${x},${y}`} x={x + margin} y={y + margin} width={1} height={1} fill="#000" />
      ))}
    </svg>
  );
}
