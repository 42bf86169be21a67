import { describe, expect, it } from 'vitest';
import { countFigure, type Figure, type Figures } from '../../bench/benchResults.ts';
import { scaleCell, scaleNumber, scaleTableOf } from '../../bench/scaleTableOf.ts';

function timed(value: number, floor: number, max = 3): Figure {
  return countFigure({ what: 'ours', unit: 'ms CPU', value, floor: { what: 'the floor', value: floor }, target: { max } });
}

/** The cells of the row whose first cell is `label`, without the label. */
function cellsOf(table: string[], label: string): string[] {
  const row = table.find((line) => line.startsWith(`| ${label} |`));
  if (!row) throw new Error(`no row "${label}" in:\n${table.join('\n')}`);
  return row
    .split(' | ')
    .slice(1)
    .map((cell) => cell.replace(/ \|$/, ''));
}

describe('the README scale table', () => {
  const figures: Figures = {
    page_p50_depth_0_100k: timed(0.206, 0.066, 5),
    page_p50_depth_0_10m: timed(0.319, 0.073, 5),
    search_first_page_rare_one_chat_1m: timed(11.231, 2.5),
    export_json_vs_raw_scan_ratio_100k: timed(990.4, 560.2, 2.5),
    export_json_vs_raw_scan_ratio: timed(9912.188, 5693.963, 2.5),
    ingest_vs_raw_insert_10m: timed(146197.646, 148438.413, 1.3),
  };
  const table = scaleTableOf(figures);

  it('puts each curve on one row, its sizes in columns, each cell ours (floor) ratio, — where a size was not measured', () => {
    expect(table[0]).toBe('| curve | unit | 100K | 1M | 10M | target |');
    expect(cellsOf(table, 'history page at the newest message, p50')).toEqual([
      'ms CPU',
      '0.206 (0.066) 3.121×',
      '—',
      '0.319 (0.073) 4.37×',
      'ratio ≤ 5',
    ]);
  });

  it('reads the 1M export under the name the issue gives it, the other sizes under their suffixed names', () => {
    expect(cellsOf(table, '`scrollback export` of one chat as JSON')).toEqual([
      'ms CPU',
      '990 (560) 1.768×',
      '9,912 (5,694) 1.741×',
      '—',
      'ratio ≤ 2.5',
    ]);
  });

  it('shows a missed target in bold and a curve never measured as dashes', () => {
    expect(cellsOf(table, 'search first page, rare term, one chat')).toEqual(['ms CPU', '—', '11.2 (2.5) **4.492×**', '—', 'ratio ≤ 3']);
    expect(cellsOf(table, 'search total, common term, across 5,000 chats')).toEqual(['', '—', '—', '—', '']);
    expect(cellsOf(table, 'ingest by the store path')[3]).toBe('146,198 (148,438) 0.985×');
  });

  it('writes numbers to three significant digits, whole numbers grouped', () => {
    expect([0.0734, 1.5, 26.794, 303.755, 146197.646].map(scaleNumber)).toEqual(['0.0734', '1.5', '26.8', '304', '146,198']);
    expect(scaleCell(undefined)).toBe('—');
  });
});
