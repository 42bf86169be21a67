import { finish, targetText, type Figure, type Figures } from './benchResults.ts';

/** The archive sizes the bench measures at, as its figure names end (`_100k`, `_1m`, `_10m`). */
export const SCALE_SIZES = ['100k', '1m', '10m'] as const;
export type ScaleSize = (typeof SCALE_SIZES)[number];

/** One curve of the scale table: the same figure at each size, named by `figureAt`. */
export interface ScaleCurve {
  label: string;
  /** The figure's name at a size (a size the bench does not measure gives a name no run writes). */
  figureAt(size: ScaleSize): string;
}

const suffixed = (stem: string) => (size: ScaleSize) => `${stem}_${size}`;

/** The curves issue 33 asks to see across sizes: page, first page, totals, export and ingest. */
export const SCALE_CURVES: readonly ScaleCurve[] = [
  { label: 'history page at the newest message, p50', figureAt: suffixed('page_p50_depth_0') },
  ...(['common', 'middling', 'rare'] as const).flatMap((term) => [
    { label: `search first page, ${term} term, one chat`, figureAt: suffixed(`search_first_page_${term}_one_chat`) },
    { label: `search first page, ${term} term, across 5,000 chats`, figureAt: suffixed(`search_first_page_${term}_all_chats`) },
  ]),
  { label: 'search total, common term, one chat', figureAt: suffixed('search_total_common_one_chat') },
  { label: 'search total, common term, across 5,000 chats', figureAt: suffixed('search_total_common_all_chats') },
  { label: 'search total in one year, common term, one chat', figureAt: suffixed('search_total_in_a_year_common_one_chat') },
  {
    label: 'search total in one year, common term, across 5,000 chats',
    figureAt: suffixed('search_total_in_a_year_common_all_chats'),
  },
  {
    label: '`scrollback export` of one chat as JSON',
    // The 1M figure keeps the name issue 33 gives it; the other sizes were added beside it.
    figureAt: (size) => (size === '1m' ? 'export_json_vs_raw_scan_ratio' : `export_json_vs_raw_scan_ratio_${size}`),
  },
  { label: 'ingest by the store path', figureAt: suffixed('ingest_vs_raw_insert') },
];

/** A figure's number as the table shows it: three significant digits, whole numbers grouped. */
export function scaleNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(3)).toString();
}

/** One cell: "ours (floor) ratio×", the ratio bold when the figure misses its target; "—" when not measured. */
export function scaleCell(figure: Figure | undefined): string {
  if (!figure) return '—';
  const judged = finish(figure);
  const ratio = `${judged.ratio}×`;
  return `${scaleNumber(judged.value)} (${scaleNumber(judged.floor.value)}) ${judged.pass === false ? `**${ratio}**` : ratio}`;
}

/**
 * The compact table of the README: one row per curve, one column per archive size, each cell ours beside its
 * floor and the ratio, so how each cost grows from 100k to 10M messages reads along a row.
 */
export function scaleTableOf(figures: Figures, curves: readonly ScaleCurve[] = SCALE_CURVES): string[] {
  const rows = curves.map((curve) => {
    const atSizes = SCALE_SIZES.map((size) => figures[curve.figureAt(size)]);
    const measured = atSizes.filter((figure): figure is Figure => figure !== undefined);
    const unit = measured[0]?.unit ?? '';
    const targets = [...new Set(measured.flatMap((figure) => (figure.target ? [targetText(figure.target)] : [])))];
    return `| ${curve.label} | ${unit} | ${atSizes.map(scaleCell).join(' | ')} | ${targets.join('; ')} |`;
  });
  return [
    `| curve | unit | ${SCALE_SIZES.map((size) => size.toUpperCase()).join(' | ')} | target |`,
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ];
}
