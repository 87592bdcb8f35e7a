/** The cross-area CSV: one row per area SEND inspection document. */
import { stringify } from 'csv-stringify/sync';
import type { Report } from '../types.js';

export const AREA_COLUMNS = [
  'area', 'kind', 'letter_date', 'inspection_start', 'inspection_end', 'previous_inspection_start', 'previous_inspection_end',
  'outcome', 'wsoa_required', 'priority_action_plan', 'revisit_addressed', 'revisit_total',
  'n_main_findings', 'n_strengths', 'n_weaknesses', 'n_priority_actions', 'n_improvements', 'n_significant_weaknesses', 'file',
] as const;

export function isSendReport(r: Report): boolean {
  return r.kind !== 'error' && r.kind !== 'not-send-inspection';
}

const bool = (b: boolean) => (b ? 'true' : 'false');

export function areaRow(r: Report): Record<(typeof AREA_COLUMNS)[number], string | number> {
  return {
    area: r.area ?? '',
    kind: r.kind,
    letter_date: r.letterDate ?? '',
    inspection_start: r.inspectionStart ?? '',
    inspection_end: r.inspectionEnd ?? '',
    previous_inspection_start: r.previousInspectionStart ?? '',
    previous_inspection_end: r.previousInspectionEnd ?? '',
    outcome: r.outcome ?? '',
    // Only a letter that judges it can say whether a WSoA was required.
    wsoa_required: r.kind === 'area-send-initial-2016' ? bool(r.outcome === 'wsoa-required') : r.kind === 'area-send-revisit-2016' ? 'true' : '',
    priority_action_plan: r.kind === 'area-send-full-2023' || r.kind === 'area-send-monitoring-2023' ? bool(r.actionPlan === 'priority-action-plan') : '',
    revisit_addressed: r.revisit?.addressed ?? '',
    revisit_total: r.revisit?.total ?? '',
    n_main_findings: r.mainFindings.length,
    n_strengths: r.strengths.length,
    n_weaknesses: r.weaknesses.length,
    n_priority_actions: r.priorityActions.length,
    n_improvements: r.improvements.length,
    n_significant_weaknesses: r.significantWeaknesses.length,
    file: r.file,
  };
}

export function compareAreaRows(a: Report, b: Report): number {
  const ka = (a.area ?? '').toLowerCase();
  const kb = (b.area ?? '').toLowerCase();
  if (ka !== kb) return ka < kb ? -1 : 1;
  const da = a.inspectionStart ?? a.letterDate ?? '';
  const db = b.inspectionStart ?? b.letterDate ?? '';
  if (da !== db) return da < db ? -1 : 1;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/**
 * Spreadsheet formula injection (OWASP): a cell that starts with = + - @, tab or CR
 * is prefixed with a quote so that Excel and Sheets show it as text.
 */
export function neutraliseCell(value: string | number): string | number {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/.test(value) ? `'${value}` : value;
}

export function areasCsv(reports: Report[], opts: { raw?: boolean } = {}): string {
  const rows = reports.filter(isSendReport).sort(compareAreaRows).map(areaRow);
  const records = rows.map((row) => AREA_COLUMNS.map((c) => (opts.raw ? row[c] : neutraliseCell(row[c]))));
  return stringify([Array.from(AREA_COLUMNS), ...records], { quoted_match: /^'/ });
}
