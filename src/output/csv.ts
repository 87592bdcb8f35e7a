/** The cross-area CSV: one row per area SEND inspection document. */
import { stringify } from 'csv-stringify/sync';
import { THEME_IDS } from '../nlp/taxonomy.js';
import type { Item, ItemListName, Report } from '../types.js';
import { ITEM_LISTS } from '../types.js';

export const AREA_COLUMNS = [
  'area', 'kind', 'letter_date', 'inspection_start', 'inspection_end', 'previous_inspection_start', 'previous_inspection_end',
  'outcome', 'wsoa_required', 'priority_action_plan', 'revisit_addressed', 'revisit_total',
  'n_main_findings', 'n_strengths', 'n_weaknesses', 'n_priority_actions', 'n_improvements', 'n_significant_weaknesses', 'file',
] as const;

/**
 * Per theme, in taxonomy order: weak_<id> (weakness items with the theme), strong_<id>
 * (strength items), sig_<id> (1 if a significant weakness or priority action has it).
 * Then trigger_themes: why a WSoA or priority action plan was required.
 */
export const THEME_COLUMNS = [...THEME_IDS.flatMap((id) => [`weak_${id}`, `strong_${id}`, `sig_${id}`]), 'trigger_themes'];
export const ALL_AREA_COLUMNS = [...AREA_COLUMNS, ...THEME_COLUMNS];

const THEME_INDEX = new Map(THEME_IDS.map((id, i) => [id, i]));

/** Per theme (taxonomy order), how many of the items carry it. */
function countThemes(lists: Item[][]): number[] {
  const counts = new Array<number>(THEME_IDS.length).fill(0);
  for (const items of lists) {
    for (const item of items) {
      for (const t of item.themes ?? []) {
        const i = THEME_INDEX.get(t);
        if (i !== undefined) counts[i]++;
      }
    }
  }
  return counts;
}

/**
 * The values of THEME_COLUMNS, in their order: counted in one pass over each list. The
 * last, trigger_themes, names the themes of the significant weaknesses (WSoA) or areas
 * for priority action: why a plan was required.
 */
function themeValues(r: Report): (string | number)[] {
  const weak = countThemes([r.weaknesses]);
  const strong = countThemes([r.strengths]);
  const sig = countThemes([r.significantWeaknesses, r.priorityActions]);
  const out: (string | number)[] = [];
  THEME_IDS.forEach((_, i) => out.push(weak[i], strong[i], sig[i] > 0 ? 1 : 0));
  out.push(THEME_IDS.filter((_, i) => sig[i] > 0).join(';'));
  return out;
}

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

/** Rows to CSV text in the header's column order, cells neutralised unless `raw`. */
export function toCsv(header: readonly string[], rows: Record<string, string | number | null>[], raw?: boolean): string {
  return csvLine(header, null, raw) + rows.map((row) => csvLine(header, row, raw)).join('');
}

/** One CSV line (with its newline): the header's names, or a row's cells in the header's order. */
function csvLine(header: readonly string[], row: Record<string, string | number | null> | null, raw?: boolean): string {
  if (row === null) return stringify([Array.from(header)], { quoted_match: /^'/ });
  return csvCells(
    header.map((c) => row[c] ?? ''),
    raw,
  );
}

/** One CSV line of cells, neutralised unless `raw`; a neutralised cell is quoted. */
function csvCells(cells: (string | number)[], raw?: boolean): string {
  return stringify([raw ? cells : cells.map(neutraliseCell)], { quoted_match: /^'/ });
}

/** A record's line of the areas CSV (with its newline): cells in ALL_AREA_COLUMNS order. */
export function areaLine(r: Report, raw?: boolean): string {
  const row = areaRow(r);
  return csvCells([...AREA_COLUMNS.map((c) => row[c]), ...themeValues(r)], raw);
}

export function areasCsv(reports: Report[], opts: { raw?: boolean } = {}): string {
  const rows = new AreaRows(opts);
  for (const r of reports) rows.add(r);
  return rows.toCsv();
}

/**
 * The areas CSV built one document at a time: each record becomes its CSV line at once,
 * so a run over thousands of documents holds one string per document, not records or
 * row objects.
 */
export class AreaRows {
  private readonly rows: { key: Report; line: string }[] = [];

  constructor(private readonly opts: { raw?: boolean } = {}) {}

  add(r: Report & { areaLine?: { raw: boolean; line: string } }): void {
    if (!isSendReport(r)) return;
    // Only the fields the sort looks at are kept beside the line.
    const key = { area: r.area, inspectionStart: r.inspectionStart, letterDate: r.letterDate, file: r.file } as Report;
    const made = r.areaLine && r.areaLine.raw === !!this.opts.raw ? r.areaLine.line : null;
    this.rows.push({ key, line: made ?? areaLine(r, this.opts.raw) });
  }

  toCsv(): string {
    return [...this.chunks()].join('');
  }

  /**
   * The CSV in pieces of about `size` characters, the header first, then the rows in
   * order: written piece by piece, a large batch's output is never one string.
   */
  *chunks(size = 1 << 16): Generator<string> {
    const sorted = [...this.rows].sort((a, b) => compareAreaRows(a.key, b.key));
    let piece = csvLine(ALL_AREA_COLUMNS, null, this.opts.raw);
    for (const { line } of sorted) {
      piece += line;
      if (piece.length >= size) {
        yield piece;
        piece = '';
      }
    }
    if (piece !== '') yield piece;
  }
}

export const FINDING_COLUMNS = ['area', 'kind', 'inspection_start', 'inspection_end', 'letter_date', 'outcome', 'list', 'index', 'polarity', 'themes', 'page', 'body', 'text', 'file'] as const;

/** The long CSV: one row per item (and per narrative sentence), for pivot tables. */
export function findingRows(r: Report): Record<string, string | number | null>[] {
  const rows: Record<string, string | number | null>[] = [];
  const lists: (ItemListName | 'narrative')[] = [...ITEM_LISTS, 'narrative'];
  for (const list of lists) {
    r[list].forEach((item, i) => {
      rows.push({
        area: r.area,
        kind: r.kind,
        inspection_start: r.inspectionStart,
        inspection_end: r.inspectionEnd,
        letter_date: r.letterDate,
        outcome: r.outcome,
        list,
        index: i + 1,
        // Lists are sorted by what they are; only the narrative parts need a judged polarity.
        polarity: item.polarity ?? LIST_POLARITY[list] ?? '',
        themes: (item.themes ?? []).join(';'),
        page: item.page,
        body: item.body ?? '',
        text: item.text,
        file: r.file,
      });
    });
  }
  return rows;
}

const LIST_POLARITY: Partial<Record<ItemListName | 'narrative', string>> = {
  strengths: 'strength',
  weaknesses: 'weakness',
  priorityActions: 'weakness',
  improvements: 'weakness',
  significantWeaknesses: 'weakness',
};

export function findingsCsv(reports: Report[], opts: { raw?: boolean } = {}): string {
  const rows = reports.filter(isSendReport).sort(compareAreaRows).flatMap(findingRows);
  return toCsv(FINDING_COLUMNS, rows, opts.raw);
}

/** `--errors FILE`: the inputs that could not be read, and why. */
export function errorsCsv(reports: (Report & { stage?: string })[]): string {
  const rows = reports.filter((r) => r.kind === 'error').map((r) => ({ file: r.file, stage: r.stage ?? '', reason: r.reason ?? '' }));
  return toCsv(['file', 'stage', 'reason'], rows);
}
