/** Hand-made ODS and CSV files of official outcome data, Report records, and where the shared reference data lives. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import type { Report } from '../../src/types.js';
import { emptyReport } from '../../src/parse/common.js';

// ---------------------------------------------------------------------------------------------
// ODS: cells and rows as content.xml spells them.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const rep = (n?: number) => (n && n > 1 ? ` table:number-columns-repeated="${n}"` : '');

/** A string cell (the text may hold ODF markup when `raw`). */
export function s(text: string, repeat?: number, raw = false): string {
  return `<table:table-cell office:value-type="string"${rep(repeat)}><text:p>${raw ? text : esc(text)}</text:p></table:table-cell>`;
}
/** A date cell, as LibreOffice and Excel write one. */
export function d(iso: string, repeat?: number): string {
  const [y, m, day] = iso.split('-');
  return `<table:table-cell office:value-type="date" office:date-value="${iso}T00:00:00"${rep(repeat)}><text:p>${day}/${m}/${y}</text:p></table:table-cell>`;
}
export function f(n: number, repeat?: number): string {
  return `<table:table-cell office:value-type="float" office:value="${n}"${rep(repeat)}><text:p>${n}</text:p></table:table-cell>`;
}
export function empty(repeat = 1): string {
  return `<table:table-cell${rep(repeat)}/>`;
}
export function row(cells: string[], repeat?: number): string {
  return `<table:table-row${repeat && repeat > 1 ? ` table:number-rows-repeated="${repeat}"` : ''}>${cells.join('')}</table:table-row>`;
}

export interface SheetSpec {
  name: string;
  rows: string[];
}

export function contentXml(sheets: SheetSpec[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">' +
    '<office:body><office:spreadsheet>' +
    sheets
      .map((sh) => `<table:table table:name="${esc(sh.name)}"><table:table-column table:number-columns-repeated="16384"/>${sh.rows.join('')}</table:table>`)
      .join('') +
    '</office:spreadsheet></office:body></office:document-content>'
  );
}

/** An .ods zip: mimetype first and stored, then content.xml and a manifest. */
export function odsBytes(sheets: SheetSpec[], mimetype = 'application/vnd.oasis.opendocument.spreadsheet'): Uint8Array {
  return zipSync({
    mimetype: [strToU8(mimetype), { level: 0 }],
    'content.xml': strToU8(contentXml(sheets)),
    'META-INF/manifest.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
    ),
  });
}

/** The published 2016 header, in the published order. */
export const HEADER_2016 = [
  'Web link to Ofsted local authority webpage',
  'Local authority code',
  'Area name',
  'Ofsted region',
  'Inspection start date',
  'Inspection publication date',
  'Inspection outcome: written statement of action required?',
  'Number significant weaknesses identified in written statement of action',
  'Revisit start date',
  'Revisit publication date',
  'Revisit outcome: sufficient progress in addressing all significant weaknesses?',
  'Number significant weaknesses where sufficient progress has been made',
  'Number significant weaknesses where sufficient progress has not been made',
];

// ---------------------------------------------------------------------------------------------

export class TempDir {
  readonly path = mkdtempSync(join(tmpdir(), 'sendmine-reconcile-'));
  write(name: string, data: string | Uint8Array): string {
    const p = join(this.path, name);
    writeFileSync(p, data);
    return p;
  }
  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

/** A Report with every field empty but those given. */
export function report(fields: Partial<Report> & Pick<Report, 'kind'>): Report {
  // The extractor's own empty record, so a new Report field needs no edit here.
  return { ...emptyReport(`${(fields.area ?? 'report').toLowerCase().replace(/\W+/g, '-')}.pdf`), pages: null, parserVersion: 'test', ...fields };
}

export function items(n: number): Report['priorityActions'] {
  return Array.from({ length: n }, (_, i) => ({ text: `item ${i + 1}`, page: 1 }));
}

// ---------------------------------------------------------------------------------------------
// The shared corpus and reference data beside the checkout.

export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const CORPUS_DIR = join(SHARED, 'corpus');
export const REFERENCE_DIR = join(SHARED, 'reference');
export const ODS_2016 = join(REFERENCE_DIR, 'area-send-outcomes-2016-to-2022-official.ods');
export const CSV_2023 = join(REFERENCE_DIR, 'area-send-2023-outcomes-mi-winter-2022-23.csv');

/** Under CI=true missing shared data is a failure; elsewhere a notice and a skip. */
export function sharedDataAvailable(): boolean {
  const missing = [CORPUS_DIR, ODS_2016, CSV_2023].filter((p) => !existsSync(p));
  if (missing.length === 0) return true;
  if (process.env.CI === 'true') throw new Error(`shared corpus/reference data missing (required under CI=true): ${missing.join(', ')}`);
  console.warn(`notice: shared corpus/reference data not found (${missing.join(', ')}); reconcile corpus tests skipped`);
  return false;
}
