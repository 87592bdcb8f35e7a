/**
 * Ofsted's official area SEND outcome data, as published, read into one record type:
 * - the 2016-framework official statistics (ODS, sheet `Area_SEND_up_to_31_Aug_2022`): one
 *   row per area, with the inspection and, when there was one, the revisit;
 * - the 2023-framework management information (CSV): one row per full inspection.
 * Columns are found by their header text, wherever the header row stands and in any order;
 * the format (ODS zip or CSV text) is told from the bytes, the layout (2016 or 2023) from
 * the header. A file that cannot be read as either layout raises one OfficialDataError
 * naming the file and what is missing.
 */
import { readFile } from 'node:fs/promises';
import { UsageProblem } from '../usage-problem.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { EMPTY_CELL, ODS_MIMETYPE, OdsReadError, readOdsSheets, unzipOds, type TableCell, type TableRow } from './official-ods.js';

export type OfficialFramework = '2016' | '2023';
export type OfficialKind = 'area-send-initial-2016' | 'area-send-revisit-2016' | 'area-send-full-2023';
export const OFFICIAL_KINDS: readonly OfficialKind[] = ['area-send-initial-2016', 'area-send-revisit-2016', 'area-send-full-2023'];

/** 2016 revisits: whether sufficient progress was made in addressing all, some or none of the significant weaknesses. */
export type RevisitOutcome = 'all' | 'some' | 'none';
export type Outcome2023 = 'positive' | 'inconsistent' | 'systemic-failings';

/** One official outcome: a 2016 inspection, a 2016 revisit, or a 2023 full inspection. */
export interface OfficialRecord {
  /** The file it was read from, as given. */
  source: string;
  /** Row number in the sheet (ODS, as a spreadsheet shows it) or line number (CSV). */
  row: number;
  framework: OfficialFramework;
  kind: OfficialKind;
  area: string;
  /** 9-character ONS code, when the file gives one. */
  laCode?: string;
  region?: string;
  /** ISO date. For a revisit record: the revisit's start. */
  inspectionStart: string;
  publication?: string;
  /** Revisit records: the start of the inspection that required the WSoA. */
  initialInspectionStart?: string;
  /** Initial 2016 inspections. */
  wsoaRequired?: boolean;
  /** Initial 2016 inspections that required a WSoA: how many significant weaknesses it named. */
  significantWeaknesses?: number;
  /** Revisit records. */
  revisitOutcome?: RevisitOutcome;
  revisit?: { addressed: number; total: number };
  /** 2023 full inspections. */
  outcome?: Outcome2023;
  priorityActionPlan?: boolean;
  /** 2023: number of areas for priority action (absent where the file says NA). */
  priorityActions?: number;
}

export type OfficialProblem =
  | 'unreadable'
  | 'unsupported-format'
  | 'no-such-sheet'
  | 'missing-columns'
  | 'ambiguous-columns'
  | 'bad-value';

/** A file of official data that cannot be read: names the file and exactly what is wrong. */
export class OfficialDataError extends UsageProblem {
  constructor(
    readonly file: string,
    readonly problem: OfficialProblem,
    detail: string,
    /** missing-columns: the labels of the columns not found. */
    readonly missing: string[] = [],
    /** bad-value: where. */
    readonly row?: number,
    readonly column?: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'OfficialDataError';
  }
}

/** The sheet of the 2016-framework official statistics. */
export const DEFAULT_ODS_SHEET = 'Area_SEND_up_to_31_Aug_2022';

export interface ReadOfficialOptions {
  /** ODS: the sheet to read (default `Area_SEND_up_to_31_Aug_2022`). */
  sheet?: string;
}

// ---------------------------------------------------------------------------------------------
// Layouts: which columns each holds, found by header text.

type ColumnId =
  | 'area'
  | 'laCode'
  | 'region'
  | 'inspectionStart'
  | 'publication'
  | 'wsoaRequired'
  | 'significantWeaknesses'
  | 'revisitStart'
  | 'revisitPublication'
  | 'revisitOutcome'
  | 'revisitAddressed'
  | 'revisitNotAddressed'
  | 'outcome'
  | 'priorityActionPlan'
  | 'priorityActions';

interface ColumnSpec {
  id: ColumnId;
  /** How an error names it: the published header. */
  label: string;
  /** Tested against the header folded to lower-case words (see headerKey). */
  test: RegExp;
  required: boolean;
}

interface Layout {
  framework: OfficialFramework;
  name: string;
  columns: ColumnSpec[];
}

const AREA: ColumnSpec = {
  id: 'area',
  label: 'Area name',
  test: /^(?:(?:local )?area(?: name)?|local area partnership(?: name)?|local authority(?: name)?|la name)$/,
  required: true,
};
const LA_CODE: ColumnSpec = { id: 'laCode', label: 'Local authority code', test: /^(?:new )?(?:local authority|la|ons)(?: ons)? code$/, required: false };
const REGION: ColumnSpec = { id: 'region', label: 'Ofsted region', test: /^(?:ofsted )?region$/, required: false };
const START: ColumnSpec = { id: 'inspectionStart', label: 'Inspection start date', test: /^inspection start(?: date)?$/, required: true };
const PUBLICATION: ColumnSpec = { id: 'publication', label: 'Inspection publication date', test: /^inspection publication(?: date)?$/, required: false };

const LAYOUT_2016: Layout = {
  framework: '2016',
  name: '2016-framework official statistics',
  columns: [
    AREA,
    LA_CODE,
    REGION,
    START,
    PUBLICATION,
    { id: 'wsoaRequired', label: 'Inspection outcome: written statement of action required?', test: /written statement of action required$/, required: true },
    {
      id: 'significantWeaknesses',
      label: 'Number significant weaknesses identified in written statement of action',
      test: /^number (?:of )?significant weaknesses (?:identified|in)\b/,
      required: true,
    },
    { id: 'revisitStart', label: 'Revisit start date', test: /^revisit start(?: date)?$/, required: true },
    { id: 'revisitPublication', label: 'Revisit publication date', test: /^revisit publication(?: date)?$/, required: false },
    {
      id: 'revisitOutcome',
      label: 'Revisit outcome: sufficient progress in addressing all significant weaknesses?',
      test: /^revisit outcome\b/,
      required: true,
    },
    {
      id: 'revisitAddressed',
      label: 'Number significant weaknesses where sufficient progress has been made',
      test: /^number (?:of )?significant weaknesses where sufficient progress has been made$/,
      required: false,
    },
    {
      id: 'revisitNotAddressed',
      label: 'Number significant weaknesses where sufficient progress has not been made',
      test: /^number (?:of )?significant weaknesses where sufficient progress has not been made$/,
      required: false,
    },
  ],
};

const LAYOUT_2023: Layout = {
  framework: '2023',
  name: '2023-framework management information',
  columns: [
    AREA,
    LA_CODE,
    REGION,
    START,
    PUBLICATION,
    { id: 'outcome', label: 'Inspection outcome', test: /^(?:inspection )?outcome$/, required: true },
    { id: 'priorityActionPlan', label: 'Priority action plan required?', test: /^priority action plan(?: required)?$/, required: true },
    {
      id: 'priorityActions',
      label: 'Number of areas for priority action',
      test: /^number (?:of )?areas? for priority action$/,
      required: false,
    },
  ],
};

const LAYOUTS = [LAYOUT_2016, LAYOUT_2023];

/** "Priority.action.plan.required." and "Priority action plan required?" both give "priority action plan required". */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\[note \d+\]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

interface HeaderFit {
  layout: Layout;
  row: TableRow;
  columns: Map<ColumnId, number>;
  missing: ColumnSpec[];
  ambiguous: { spec: ColumnSpec; at: number[] }[];
}

function fitHeader(layout: Layout, row: TableRow): HeaderFit {
  const keys = row.cells.map((c) => (c.type === 'string' ? headerKey(c.text) : ''));
  const columns = new Map<ColumnId, number>();
  const missing: ColumnSpec[] = [];
  const ambiguous: { spec: ColumnSpec; at: number[] }[] = [];
  for (const spec of layout.columns) {
    const at = keys.flatMap((k, i) => (k && spec.test.test(k) ? [i] : []));
    if (at.length === 0) {
      if (spec.required) missing.push(spec);
    } else {
      columns.set(spec.id, at[0]);
      if (at.length > 1) ambiguous.push({ spec, at });
    }
  }
  return { layout, row, columns, missing, ambiguous };
}

const HEADER_SEARCH_ROWS = 50;

function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The header row: the first row (of the first 50) that has every required column of a layout. */
function findHeader(file: string, rows: TableRow[], where: string): HeaderFit {
  let best: HeaderFit | null = null;
  let bestScore = -1;
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    for (const layout of LAYOUTS) {
      const fit = fitHeader(layout, row);
      const required = layout.columns.filter((c) => c.required).length;
      if (fit.missing.length === 0) {
        if (fit.ambiguous.length > 0) {
          const a = fit.ambiguous[0];
          throw new OfficialDataError(
            file,
            'ambiguous-columns',
            `${where}row ${row.number}: ${a.at.length} columns could be "${a.spec.label}" (${a.at.map(columnLetter).join(', ')})`,
          );
        }
        return fit;
      }
      const score = (required - fit.missing.length) / required;
      if (score > bestScore) {
        best = fit;
        bestScore = score;
      }
    }
  }
  if (!best || bestScore <= 0) {
    const want = LAYOUTS.map((l) => `${l.name}: ${l.columns.filter((c) => c.required).map((c) => `"${c.label}"`).join(', ')}`).join('; ');
    throw new OfficialDataError(file, 'missing-columns', `${where}no header row found in the first ${HEADER_SEARCH_ROWS} rows (looked for ${want})`, [
      ...new Set(LAYOUTS.flatMap((l) => l.columns.filter((c) => c.required).map((c) => c.label))),
    ]);
  }
  const labels = best.missing.map((c) => c.label);
  throw new OfficialDataError(
    file,
    'missing-columns',
    `${where}header row ${best.row.number} looks like the ${best.layout.name} but lacks ${labels.length === 1 ? 'the column' : 'the columns'} ${labels.map((l) => `"${l}"`).join(', ')}`,
    labels,
  );
}

// ---------------------------------------------------------------------------------------------
// Values.

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function isoDate(y: number, m: number, d: number): string | null {
  const t = Date.UTC(y, m - 1, d);
  const dt = new Date(t);
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** ISO, day-first numeric (27/03/2023, 27-03-2023, 27.03.2023) and "27 March 2023". */
export function parseOfficialDate(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return isoDate(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+),? (\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.findIndex((name) => name.startsWith(m![2].toLowerCase()) && m![2].length >= 3);
    if (month >= 0) return isoDate(+m[3], month + 1, +m[1]);
  }
  return null;
}

const NOT_APPLICABLE = /^(?:na|n\/a|n\.a\.|-|–|not applicable|\.\.|x|z)$/i;

class RowReader {
  constructor(
    private readonly file: string,
    private readonly where: string,
    private readonly fit: HeaderFit,
    readonly row: TableRow,
  ) {}

  cell(id: ColumnId): TableCell {
    const i = this.fit.columns.get(id);
    return i === undefined ? EMPTY_CELL : (this.row.cells[i] ?? EMPTY_CELL);
  }

  has(id: ColumnId): boolean {
    return this.fit.columns.has(id);
  }

  /** Blank or "NA". */
  blank(id: ColumnId): boolean {
    const c = this.cell(id);
    return c.type === 'empty' || (c.type === 'string' && (c.text.trim() === '' || NOT_APPLICABLE.test(c.text.trim())));
  }

  fail(id: ColumnId, what: string): never {
    const spec = this.fit.layout.columns.find((c) => c.id === id)!;
    const c = this.cell(id);
    const col = this.fit.columns.get(id);
    throw new OfficialDataError(
      this.file,
      'bad-value',
      `${this.where}row ${this.row.number}, column ${col === undefined ? '?' : columnLetter(col)} "${spec.label}": ${what}, found "${c.text}"`,
      [],
      this.row.number,
      spec.label,
    );
  }

  text(id: ColumnId): string | undefined {
    const c = this.cell(id);
    const t = c.text.replace(/\s+/g, ' ').trim();
    return t === '' ? undefined : t;
  }

  date(id: ColumnId): string | undefined {
    const c = this.cell(id);
    if (c.type === 'date') return c.date;
    if (this.blank(id)) return undefined;
    if (c.type === 'string') {
      const d = parseOfficialDate(c.text);
      if (d) return d;
    }
    return this.fail(id, 'expected a date');
  }

  yesNo(id: ColumnId): boolean | undefined {
    const c = this.cell(id);
    if (c.type === 'boolean') return c.boolean;
    if (this.blank(id)) return undefined;
    const t = c.text.trim().toLowerCase().replace(/[.!]$/, '');
    if (/^(?:yes|y|true)$/.test(t)) return true;
    if (/^(?:no|n|false)$/.test(t)) return false;
    return this.fail(id, 'expected Yes or No');
  }

  count(id: ColumnId): number | undefined {
    const c = this.cell(id);
    if (this.blank(id)) return undefined;
    const n = c.type === 'float' ? c.number! : /^\d+$/.test(c.text.trim()) ? Number(c.text.trim()) : NaN;
    if (Number.isInteger(n) && n >= 0) return n;
    return this.fail(id, 'expected a whole number');
  }
}

function optionalEntries<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function outcome2023(r: RowReader): Outcome2023 {
  const t = (r.text('outcome') ?? '').toLowerCase();
  if (/\bsystemic\b|\bwidespread\b/.test(t)) return 'systemic-failings';
  if (/\binconsistent\b/.test(t)) return 'inconsistent';
  if (/\bpositive\b/.test(t)) return 'positive';
  return r.fail('outcome', 'expected "Typically positive …", "Inconsistent …" or "Widespread and/or systemic failings"');
}

function revisitOutcome(r: RowReader): RevisitOutcome | undefined {
  if (r.blank('revisitOutcome')) return undefined;
  const t = (r.text('revisitOutcome') ?? '').toLowerCase().replace(/[.!]$/, '');
  if (/^(?:yes|all)$/.test(t)) return 'all';
  if (/^some$/.test(t)) return 'some';
  if (/^(?:no|none)$/.test(t)) return 'none';
  return r.fail('revisitOutcome', 'expected Yes, Some or No');
}

function records2016(r: RowReader, base: Omit<OfficialRecord, 'kind' | 'framework' | 'inspectionStart'>, start: string): OfficialRecord[] {
  const wsoa = r.yesNo('wsoaRequired') ?? r.fail('wsoaRequired', 'expected Yes or No');
  const initial: OfficialRecord = optionalEntries({
    ...base,
    framework: '2016' as const,
    kind: 'area-send-initial-2016' as const,
    inspectionStart: start,
    publication: r.date('publication'),
    wsoaRequired: wsoa,
    significantWeaknesses: r.count('significantWeaknesses'),
  });
  const out = [initial];
  // "Not revisited yet" (or blank): no revisit.
  const revisitCell = r.cell('revisitStart');
  const notYet = revisitCell.type === 'string' && /^not (?:yet )?revisited|^no revisit|^not required/i.test(revisitCell.text.trim());
  const revisitStart = notYet ? undefined : r.date('revisitStart');
  if (revisitStart) {
    const addressed = r.count('revisitAddressed');
    const notAddressed = r.count('revisitNotAddressed');
    out.push(
      optionalEntries({
        ...base,
        framework: '2016' as const,
        kind: 'area-send-revisit-2016' as const,
        inspectionStart: revisitStart,
        publication: r.date('revisitPublication'),
        initialInspectionStart: start,
        revisitOutcome: revisitOutcome(r),
        revisit: addressed !== undefined && notAddressed !== undefined ? { addressed, total: addressed + notAddressed } : undefined,
      }),
    );
  }
  return out;
}

function recordsFrom(file: string, rows: TableRow[], where: string): OfficialRecord[] {
  const fit = findHeader(file, rows, where);
  const out: OfficialRecord[] = [];
  const judgement: ColumnId = fit.layout.framework === '2016' ? 'wsoaRequired' : 'outcome';
  for (const row of rows) {
    if (row.number <= fit.row.number) continue;
    const r = new RowReader(file, where, fit, row);
    // Notes and totals under the table: no start date and no judgement.
    if (r.blank('inspectionStart') && r.blank(judgement)) continue;
    const area = r.text('area') ?? r.fail('area', 'expected an area name');
    const start = r.date('inspectionStart') ?? r.fail('inspectionStart', 'expected a date');
    const code = r.text('laCode');
    const base = optionalEntries({ source: file, row: row.number, area, laCode: code ? code.toUpperCase() : undefined, region: r.text('region') });
    if (fit.layout.framework === '2016') {
      out.push(...records2016(r, base, start));
    } else {
      const plan = r.yesNo('priorityActionPlan') ?? r.fail('priorityActionPlan', 'expected Yes or No');
      out.push(
        optionalEntries({
          ...base,
          framework: '2023' as const,
          kind: 'area-send-full-2023' as const,
          inspectionStart: start,
          publication: r.date('publication'),
          outcome: outcome2023(r),
          priorityActionPlan: plan,
          priorityActions: r.count('priorityActions'),
        }),
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Containers.

function startsWith(data: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => data[i] === b);
}

function odsRecords(file: string, data: Uint8Array, options: ReadOfficialOptions): OfficialRecord[] {
  const sheet = options.sheet ?? DEFAULT_ODS_SHEET;
  try {
    const zip = unzipOds(data);
    if (zip.names.includes('[Content_Types].xml') || zip.names.some((n) => n.startsWith('xl/'))) {
      throw new OfficialDataError(file, 'unsupported-format', 'an Excel workbook (.xlsx); save it as OpenDocument (.ods) or CSV');
    }
    if (zip.mimetype !== null && zip.mimetype !== ODS_MIMETYPE) {
      throw new OfficialDataError(file, 'unsupported-format', `a zip of type "${zip.mimetype}", not an OpenDocument spreadsheet`);
    }
    if (zip.contentXml === null) throw new OfficialDataError(file, 'unsupported-format', 'a zip archive with no content.xml: not an OpenDocument spreadsheet');
    const sheets = readOdsSheets(zip.contentXml, (name) => name === sheet);
    const table = sheets.find((s) => s.name === sheet);
    if (!table) {
      throw new OfficialDataError(
        file,
        'no-such-sheet',
        `no sheet named "${sheet}" (sheets: ${sheets.map((s) => `"${s.name}"`).join(', ') || 'none'})`,
        [sheet],
      );
    }
    return recordsFrom(file, table.rows, `sheet "${sheet}", `);
  } catch (err) {
    if (err instanceof OdsReadError) throw new OfficialDataError(file, 'unreadable', err.message);
    throw err;
  }
}

function csvRecords(file: string, data: Uint8Array): OfficialRecord[] {
  // Spreadsheet applications sometimes save "Unicode text" as UTF-16 with a byte-order mark.
  const utf16 = startsWith(data, [0xff, 0xfe]) ? 'utf-16le' : startsWith(data, [0xfe, 0xff]) ? 'utf-16be' : null;
  if (!utf16 && data.subarray(0, 4096).includes(0)) {
    throw new OfficialDataError(file, 'unsupported-format', 'binary data: neither an OpenDocument spreadsheet nor CSV text');
  }
  const text = new TextDecoder(utf16 ?? 'utf-8').decode(data);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (err) {
    throw new OfficialDataError(file, 'unreadable', `not readable as CSV (${(err as Error).message})`);
  }
  const rows: TableRow[] = records.map(({ record, info }) => ({
    number: info.lines,
    cells: record.map((v): TableCell => (v.trim() === '' ? EMPTY_CELL : { type: 'string', text: v.trim() })),
  }));
  return recordsFrom(file, rows, '');
}

/** Official records from bytes already read (`file` names the source in records and errors). */
export function parseOfficial(file: string, data: Uint8Array, options: ReadOfficialOptions = {}): OfficialRecord[] {
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || startsWith(data, [0x50, 0x4b, 0x05, 0x06])) return odsRecords(file, data, options);
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new OfficialDataError(file, 'unsupported-format', 'a legacy Excel or OLE file (.xls); save it as OpenDocument (.ods) or CSV');
  }
  return csvRecords(file, data);
}

/** Reads one file of official outcome data (ODS or CSV), detecting format and layout. */
export async function readOfficial(file: string, options: ReadOfficialOptions = {}): Promise<OfficialRecord[]> {
  let data: Uint8Array;
  try {
    data = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new OfficialDataError(file, 'unreadable', code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a file' : (err as Error).message);
  }
  return parseOfficial(file, data, options);
}
