/** The area timeline as CSV, JSON, or a terminal table. */
import { TIMELINE_COLUMNS, type TimelineRow } from '../analyse/timeline.js';
import { toCsv } from './csv.js';

export function timelineCsv(rows: TimelineRow[], opts: { raw?: boolean } = {}): string {
  return toCsv(TIMELINE_COLUMNS, rows as unknown as Record<string, string | number | null>[], opts.raw);
}

const SHORT: Record<string, string> = {
  'wsoa-required': 'WSoA',
  'no-wsoa': 'no WSoA',
  'sufficient-progress': 'sufficient',
  'insufficient-progress': 'insufficient',
  positive: 'positive',
  inconsistent: 'inconsistent',
  'systemic-failings': 'systemic',
};

/** A readable table: one line per area, the four inspections side by side. */
export function timelineTable(rows: TimelineRow[]): string {
  const head = ['area', '2016 initial', 'revisit', '2023 full', 'monitoring', 'days'];
  const cell = (date: string | null, outcome: string | null, extra = '') => (date || outcome ? `${date ?? '?'} ${SHORT[outcome ?? ''] ?? outcome ?? '?'}${extra}` : '');
  const body = rows.map((r) => [
    r.area,
    cell(r.initial_date, r.initial_outcome, r.initial_significant_weaknesses ? ` (${r.initial_significant_weaknesses} SW)` : ''),
    cell(r.revisit_date, r.revisit_outcome, r.revisit_total !== null ? ` (${r.revisit_addressed}/${r.revisit_total})` : ''),
    cell(r.full_date, r.full_outcome, r.full_priority_actions ? ` (${r.full_priority_actions} APA)` : ''),
    cell(r.monitoring_date, r.monitoring_outcome),
    [r.days_initial_to_revisit, r.days_to_full, r.days_full_to_monitoring].map((d) => (d === null ? '-' : String(d))).join(' / '),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(head), ...body.map(line), '', 'SW = significant weaknesses, APA = areas for priority action; days: initial to revisit / to the 2023 full inspection / full to monitoring'].join('\n') + '\n';
}
