/**
 * PDF ingest: pdf.js text items -> pages of positioned lines.
 *
 * pdf.js hands back text in small items (often parts of words) with a transform
 * giving the baseline position. We group items that share a baseline into lines and
 * merge neighbouring items into runs, so layout can still see column gaps.
 */
import type { Line, Page, Rule, TextRun } from '../types.js';
import { IngestError } from './errors.js';
import { importKeepingNatives } from './native-builtins.js';
import { ContentStreamRuleReader, multiply, toRule, type Matrix } from './pdf-vector.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | null = null;

/**
 * pdf.js is large: load it only when a PDF is actually read. In Node its "worker"
 * runs in this thread; we load that half too, up front, so that the native
 * built-ins its polyfills replace can be put back once both halves are in.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= importKeepingNatives(async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return pdfjs;
  });
  return pdfjsPromise;
}

interface RawItem {
  str: string;
  x: number;
  right: number;
  y: number;
  size: number;
  font: string;
}

export interface PdfLimits {
  maxPages: number;
}

const BASELINE_TOLERANCE = 0.3; // fraction of font size
const RUN_GAP = 0.35; // gap (in font sizes) beyond which two items are separate runs

export async function readPdfPages(data: Uint8Array, limits: PdfLimits): Promise<Page[]> {
  const pdfjs = await loadPdfJs();
  // Evaluation of embedded code off (CVE-2024-4367 hardening), no font faces, no fetching.
  // pdf.js detaches the buffer it is given: it gets a copy, as the rule reader needs the bytes.
  const task = pdfjs.getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    enableXfa: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw classifyPdfError(err);
  }
  try {
    if (doc.numPages > limits.maxPages) {
      throw new IngestError('ingest', `PDF has ${doc.numPages} pages, more than the limit of ${limits.maxPages} (--max-pages)`);
    }
    const raw: { width: number; height: number; items: RawItem[]; rules?: Rule[] }[] = [];
    let tablePage = false;
    // Rules come from the content streams (fast), else from pdf.js; the index is built at the first table page.
    let vector: ContentStreamRuleReader | null | undefined;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: RawItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str === '') continue;
        const [a, b, , , e, f] = it.transform as number[];
        const size = Math.hypot(a, b) || it.height || 10;
        items.push({ str: it.str, x: e, right: e + it.width, y: viewport.height - f, size, font: it.fontName });
      }
      // Table rows are told apart by their grid lines. Reading vector graphics costs a
      // second pass over the page, so only pages that may hold a table (and the page
      // after, where a row may run on) pay for it.
      const hasTable = hasTableHeading(items);
      let rules: Rule[] | undefined;
      if (hasTable || (tablePage && !startsNewSection(items))) {
        if (vector === undefined) vector = ContentStreamRuleReader.open(data, doc.numPages);
        rules = vector?.rules(p, viewport.height) ?? (await readRules(page as never, pdfjs.OPS, viewport.height));
      }
      tablePage = hasTable;
      raw.push({ width: viewport.width, height: viewport.height, items, rules });
      page.cleanup();
    }
    const bodyFont = dominantFont(raw.flatMap((r) => r.items));
    return raw.map((r, i) => ({
      number: i + 1,
      width: r.width,
      height: r.height,
      lines: groupLines(r.items, i + 1, bodyFont),
      rules: r.rules,
    }));
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/**
 * A page holds a recommendations table when a line reads as its heading or header row
 * ("Responsible body", "Areas for improvement" standing alone). Only such pages, and the
 * page after, have their graphics read: that costs more than the text.
 */
const TABLE_LINE = /^(?:responsible bod(?:y|ies)\b.*|areas? for (?:priority action|improvement)s?:?)$/i;

/** The page after a table opens with the next section, not the table's last rows. */
const AFTER_TABLE = /^(?:local area partnership details|information about this (?:monitoring )?inspection|inspection team|next steps)\b/i;

function startsNewSection(items: RawItem[]): boolean {
  const top = rowTexts(items)[0];
  return top === undefined || AFTER_TABLE.test(top);
}

function hasTableHeading(items: RawItem[]): boolean {
  return rowTexts(items).some((text) => TABLE_LINE.test(text));
}

/** The text of each baseline of raw items, top to bottom: enough to spot a heading before layout runs. */
function rowTexts(items: RawItem[]): string[] {
  const rows = new Map<number, RawItem[]>();
  for (const it of items) {
    const key = Math.round(it.y);
    if (!rows.has(key)) rows.set(key, []);
    rows.get(key)!.push(it);
  }
  return [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, row]) =>
      row
        .sort((a, b) => a.x - b.x)
        .map((i) => i.str)
        .join('')
        .replace(/\s+/g, ' ')
        .trim(),
    );
}

interface OperatorList {
  fnArray: number[];
  argsArray: unknown[][];
}

/** Rules through pdf.js: the fallback when the content stream reader cannot read a page. */
async function readRules(page: { getOperatorList(): Promise<OperatorList> }, ops: PdfJs['OPS'], height: number): Promise<Rule[]> {
  const list = await page.getOperatorList();
  const rules: Rule[] = [];
  // Path boxes come in the current user space: follow the transformation matrix.
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = multiply(ctm, args as unknown as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0] as Matrix | undefined;
      if (m && m.length === 6) ctm = multiply(ctm, Array.from(m) as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath) {
      const box = args?.[2] as ArrayLike<number> | undefined;
      if (!box || box.length < 4) continue;
      const rule = toRule(ctm, box[0], box[1], box[2], box[3], height);
      if (rule) rules.push(rule);
    }
  }
  return rules;
}

function classifyPdfError(err: unknown): IngestError {
  const name = (err as { name?: string })?.name ?? '';
  const message = (err as { message?: string })?.message ?? String(err);
  if (name === 'PasswordException') return new IngestError('ingest', 'PDF is encrypted (password-protected)');
  if (name === 'InvalidPDFException') return new IngestError('ingest', `not a valid PDF (${message})`);
  return new IngestError('ingest', `PDF could not be read (${message})`);
}

/** The font carrying most characters: the body face. Other faces count as emphasis. */
function dominantFont(items: RawItem[]): string {
  const count = new Map<string, number>();
  for (const it of items) count.set(it.font, (count.get(it.font) ?? 0) + it.str.trim().length);
  let best = '';
  let n = -1;
  for (const [font, c] of count) if (c > n) [best, n] = [font, c];
  return best;
}

function groupLines(items: RawItem[], page: number, bodyFont: string): Line[] {
  const visible = items.filter((it) => it.str.trim() !== '' || it.str.length > 0);
  // Sort top-to-bottom, then left-to-right; baselines within tolerance share a line.
  visible.sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: RawItem[][] = [];
  for (const it of visible) {
    const last = groups[groups.length - 1];
    if (last && Math.abs(last[0].y - it.y) <= BASELINE_TOLERANCE * Math.max(it.size, last[0].size)) last.push(it);
    else groups.push([it]);
  }
  const lines: Line[] = [];
  for (const g of groups) {
    g.sort((a, b) => a.x - b.x);
    const runs = mergeRuns(g, bodyFont);
    if (runs.length === 0) continue;
    lines.push(makeLine(page, g[0].y, runs));
  }
  return lines;
}

function mergeRuns(items: RawItem[], bodyFont: string): TextRun[] {
  const runs: (TextRun & { letters: number; emphasised: number })[] = [];
  let pendingSpace = false;
  for (const it of items) {
    // pdf.js may emit one wide space item spanning a column gap: it must not bridge the gap.
    if (it.str.trim() === '') {
      pendingSpace = true;
      continue;
    }
    const letters = it.str.replace(/[^\p{L}]/gu, '').length;
    const emph = it.font !== bodyFont ? letters : 0;
    const last = runs[runs.length - 1];
    const gap = last ? it.x - last.right : Infinity;
    if (last && gap < RUN_GAP * it.size) {
      const needsSpace = (pendingSpace || gap > 0.12 * it.size) && !/\s$/.test(last.text) && !/^\s/.test(it.str);
      last.text += (needsSpace ? ' ' : '') + it.str;
      last.right = Math.max(last.right, it.right);
      last.letters += letters;
      last.emphasised += emph;
      last.fontSize = Math.max(last.fontSize, it.size);
    } else {
      runs.push({ text: it.str, x: it.x, right: it.right, fontSize: it.size, bold: false, letters, emphasised: emph });
    }
    pendingSpace = false;
  }
  return runs
    .map(({ letters, emphasised, ...run }) => ({
      ...run,
      text: run.text.replace(/\s+/g, ' ').trim(),
      // A run is emphasised when most of its letters are in a face other than the body's.
      bold: letters > 0 && emphasised / letters > 0.6,
    }))
    .filter((r) => r.text !== '');
}

export function makeLine(page: number, y: number, runs: TextRun[], extra: Partial<Line> = {}): Line {
  const text = runs.map((r) => r.text).join(' ');
  const letters = runs.reduce((n, r) => n + r.text.length, 0);
  const boldLetters = runs.reduce((n, r) => n + (r.bold ? r.text.length : 0), 0);
  return {
    page,
    y,
    runs,
    text,
    x: runs[0].x,
    right: runs[runs.length - 1].right,
    fontSize: Math.max(...runs.map((r) => r.fontSize)),
    bold: letters > 0 && boldLetters / letters > 0.6,
    ...extra,
  };
}
