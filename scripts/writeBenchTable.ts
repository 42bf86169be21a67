// Rewrites the benchmark table in README.md from bench/results.json, so the README shows measured figures.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = JSON.parse(fs.readFileSync(path.join(root, 'bench/results.json'), 'utf8')) as Record<string, { value: number; unit: string }>;
const targets: Record<string, string> = {
  ingest_msgs_per_s: '>= 100000 (median of 3)',
  ingest_msgs_per_s_min: 'spread',
  ingest_msgs_per_s_max: 'spread',
  page_p50_ms_depth_0: '<= 0.5',
  page_p99_ms_depth_0: '<= 2',
  page_p50_ms_depth_500k: '<= 0.5',
  page_p99_ms_depth_500k: '<= 2',
  page_p50_ms_depth_999k: '<= 0.5',
  page_p99_ms_depth_999k: '<= 2',
  offset_p50_ms_depth_999k: 'baseline',
  keyset_vs_offset_ratio_999k: '>= 100',
  search_p50_ms: '<= 20',
  search_range_only_p50_ms: '<= 5',
  search_500k_matches_first_page_ms: 'as fast as search_p50',
  search_500k_matches_count_ms: 'separate call',
  ui_open_to_first_row_ms: '<= 300',
  ui_scroll_task_ms_per_frame: '<= 8',
  ui_prepend_max_jump_px: '= 0',
  ui_search_500k_first_results_ms: 'as fast as any search',
  ui_search_500k_scroll_task_ms_per_frame: '<= 8 (no freezing)',
  search_p99_ms: 'tail',
};
const rows = ['| figure | value | unit | target |', '| --- | --- | --- | --- |', ...Object.entries(results).map(([name, figure]) => `| \`${name}\` | ${figure.value} | ${figure.unit} | ${targets[name] ?? ''} |`)];
const readme = path.join(root, 'README.md');
const text = fs.readFileSync(readme, 'utf8');
fs.writeFileSync(readme, text.replace(/<!-- bench-table -->[\s\S]*<!-- \/bench-table -->/, `<!-- bench-table -->\n${rows.join('\n')}\n<!-- /bench-table -->`));
