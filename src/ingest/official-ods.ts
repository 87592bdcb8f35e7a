/**
 * Reading the tables of an OpenDocument spreadsheet (.ods): a zip whose content.xml holds
 * every sheet as rows of cells. Only what the official-data reader needs: cell types and
 * values (string, float, date, boolean), run-length repeats of cells and rows, and the
 * sheet names. Formulas are not evaluated: a spreadsheet stores each cell's last value.
 */
import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';

/** One cell as the table holds it. `text` is what a reader sees; typed cells add their value. */
export interface TableCell {
  type: 'empty' | 'string' | 'float' | 'date' | 'boolean' | 'time';
  text: string;
  /** float, percentage and currency cells. */
  number?: number;
  /** date cells: ISO `YYYY-MM-DD`. */
  date?: string;
  boolean?: boolean;
}

export interface TableRow {
  /** 1-based row number as a spreadsheet application shows it (CSV: line number). */
  number: number;
  cells: TableCell[];
}

export interface SheetTable {
  name: string;
  rows: TableRow[];
}

/** Why an ODS could not be read (the caller turns it into an error naming the file). */
export class OdsReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OdsReadError';
  }
}

export const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/** Limits against hostile or broken files: content.xml size, materialised rows and columns. */
const MAX_CONTENT_BYTES = 256 * 1024 * 1024;
const MAX_ROWS = 200_000;
const MAX_COLUMNS = 1024;

export const EMPTY_CELL: TableCell = Object.freeze({ type: 'empty', text: '' }) as TableCell;

type XmlNode = Record<string, unknown>;

function tagOf(node: XmlNode): string {
  for (const k of Object.keys(node)) if (k !== ':@') return k;
  return '';
}

function childrenOf(node: XmlNode): XmlNode[] {
  const v = node[tagOf(node)];
  return Array.isArray(v) ? (v as XmlNode[]) : [];
}

function attrsOf(node: XmlNode): Record<string, string> {
  return (node[':@'] as Record<string, string> | undefined) ?? {};
}

function repeatOf(node: XmlNode, attr: string): number {
  const raw = attrsOf(node)[attr];
  if (raw === undefined) return 1;
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

/** The zip's entries the reader needs: `mimetype` (when present) and `content.xml`. */
export function unzipOds(data: Uint8Array): { mimetype: string | null; contentXml: string | null; names: string[] } {
  const names: string[] = [];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(data, {
      filter: (f) => {
        names.push(f.name);
        if (f.name === 'content.xml' && f.originalSize > MAX_CONTENT_BYTES) {
          throw new OdsReadError(`content.xml is ${f.originalSize} bytes, more than the ${MAX_CONTENT_BYTES} this reader accepts`);
        }
        return f.name === 'mimetype' || f.name === 'content.xml';
      },
    });
  } catch (err) {
    if (err instanceof OdsReadError) throw err;
    throw new OdsReadError(`not a readable zip archive (${(err as Error).message})`);
  }
  const decode = (b: Uint8Array | undefined) => (b ? new TextDecoder('utf-8').decode(b) : null);
  return { mimetype: decode(entries.mimetype)?.trim() ?? null, contentXml: decode(entries['content.xml']), names };
}

/** Text of a paragraph: runs of white space fold to one space; text:s, text:tab, text:line-break count. */
function paragraphText(nodes: XmlNode[]): string {
  let out = '';
  for (const n of nodes) {
    if ('#text' in n) {
      out += String(n['#text']).replace(/\s+/g, ' ');
      continue;
    }
    const tag = tagOf(n);
    if (tag === 'text:s') out += ' '.repeat(Math.min(repeatOf(n, 'text:c'), 1000));
    else if (tag === 'text:tab') out += '\t';
    else if (tag === 'text:line-break') out += '\n';
    else if (tag === 'text:note' || tag === 'office:annotation') continue;
    else out += paragraphText(childrenOf(n));
  }
  return out;
}

function cellText(cell: XmlNode): string {
  return childrenOf(cell)
    .filter((n) => tagOf(n) === 'text:p' || tagOf(n) === 'text:h')
    .map((p) => paragraphText(childrenOf(p)).trim())
    .join('\n')
    .trim();
}

function readCell(cell: XmlNode): TableCell {
  const a = attrsOf(cell);
  const text = cellText(cell);
  switch (a['office:value-type']) {
    case 'float':
    case 'percentage':
    case 'currency': {
      const n = Number(a['office:value']);
      return Number.isFinite(n) ? { type: 'float', text: text || String(n), number: n } : { type: 'string', text };
    }
    case 'date': {
      const v = a['office:date-value'] ?? '';
      return /^\d{4}-\d{2}-\d{2}/.test(v) ? { type: 'date', text: text || v.slice(0, 10), date: v.slice(0, 10) } : { type: 'string', text };
    }
    case 'boolean':
      return { type: 'boolean', text, boolean: a['office:boolean-value'] === 'true' };
    case 'time':
      return { type: 'time', text: text || (a['office:time-value'] ?? '') };
    case 'string': {
      const s = a['office:string-value'] ?? text;
      return s.trim() === '' ? EMPTY_CELL : { type: 'string', text: s.trim() };
    }
    default:
      return text === '' ? EMPTY_CELL : { type: 'string', text };
  }
}

function readRowCells(row: XmlNode): TableCell[] {
  const cells: TableCell[] = [];
  let pendingEmpty = 0;
  for (const c of childrenOf(row)) {
    const tag = tagOf(c);
    if (tag !== 'table:table-cell' && tag !== 'table:covered-table-cell') continue;
    const repeat = repeatOf(c, 'table:number-columns-repeated');
    const cell = readCell(c);
    if (cell.type === 'empty') {
      pendingEmpty += repeat;
      continue;
    }
    // Content past MAX_COLUMNS is out of reach of any header this reader looks for.
    if (cells.length + pendingEmpty >= MAX_COLUMNS) break;
    for (let i = 0; i < pendingEmpty; i++) cells.push(EMPTY_CELL);
    pendingEmpty = 0;
    for (let i = 0; i < repeat && cells.length < MAX_COLUMNS; i++) cells.push(cell);
  }
  return cells;
}

/** Rows of one table, in order, including those inside header-rows and row groups. Empty rows are left out. */
function readRows(table: XmlNode, sheetName: string): TableRow[] {
  const rows: TableRow[] = [];
  let number = 1;
  const walk = (nodes: XmlNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'table:table-header-rows' || tag === 'table:table-rows' || tag === 'table:table-row-group') {
        walk(childrenOf(n));
        continue;
      }
      if (tag !== 'table:table-row') continue;
      const repeat = repeatOf(n, 'table:number-rows-repeated');
      const cells = readRowCells(n);
      if (cells.length > 0) {
        if (rows.length + repeat > MAX_ROWS) throw new OdsReadError(`sheet "${sheetName}" has more than ${MAX_ROWS} rows with content`);
        for (let i = 0; i < repeat; i++) rows.push({ number: number + i, cells });
      }
      number += repeat;
    }
  };
  walk(childrenOf(table));
  return rows;
}

function findAll(nodes: XmlNode[], tag: string, out: XmlNode[] = [], stopAt?: string): XmlNode[] {
  for (const n of nodes) {
    const t = tagOf(n);
    if (t === tag) out.push(n);
    else if (t !== stopAt) findAll(childrenOf(n), tag, out, stopAt);
  }
  return out;
}

/**
 * Every sheet in content.xml, by name; rows are read only for sheets `want` accepts
 * (the others come back with no rows), so a large workbook costs only the sheet asked for.
 */
export function readOdsSheets(contentXml: string, want: (name: string) => boolean = () => true): SheetTable[] {
  let doc: XmlNode[];
  try {
    const parser = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      trimValues: false,
      parseTagValue: false,
      parseAttributeValue: false,
      processEntities: true,
      htmlEntities: true,
    });
    doc = parser.parse(contentXml) as XmlNode[];
  } catch (err) {
    throw new OdsReadError(`content.xml is not well-formed XML (${(err as Error).message})`);
  }
  const spreadsheets = findAll(doc, 'office:spreadsheet');
  if (spreadsheets.length === 0) throw new OdsReadError('content.xml holds no office:spreadsheet (not a spreadsheet document)');
  // Sheets are the spreadsheet's own table:table children (not tables nested in cells).
  const tables = childrenOf(spreadsheets[0]).filter((n) => tagOf(n) === 'table:table');
  return tables.map((t) => {
    const name = attrsOf(t)['table:name'] ?? '';
    return { name, rows: want(name) ? readRows(t, name) : [] };
  });
}
