/**
 * Text ingest: plain text (including `pdftotext -layout` output) and markdown -> pages of lines.
 *
 * Text has no coordinates, so we make them: x is the character column, y the line
 * index, so blank lines become vertical gaps just as paragraph spacing is in a PDF.
 * Runs of three or more spaces split a line into runs, which keeps side-by-side
 * table columns apart.
 */
import type { Line, Page, TextRun } from '../types.js';
import { makeLine } from './pdf.js';
import { IngestError } from './errors.js';
import { isPageNumberLine } from '../layout/furniture.js';

export const CHAR_WIDTH = 6;
export const LINE_HEIGHT = 12;
const TEXT_FONT_SIZE = 10;

/** Decode bytes as text: UTF-8 (with or without BOM) or BOM-marked UTF-16. */
export function decodeText(data: Uint8Array, encoding?: string): { text: string; warning?: string } {
  if (encoding) {
    try {
      return { text: new TextDecoder(encoding).decode(data) };
    } catch {
      throw new IngestError('read', `unknown encoding "${encoding}"`);
    }
  }
  // Text must be UTF-8 unless the user says otherwise: guessing an encoding silently
  // would turn a mis-saved file into wrong findings.
  if (data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))) {
    const le = data[0] === 0xff;
    throw new IngestError('read', `UTF-16 text (byte order mark), not UTF-8; convert it or pass --encoding ${le ? 'utf-16le' : 'utf-16be'}`);
  }
  const probe = data.subarray(0, 4096);
  const nuls = probe.reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
  if (nuls > probe.length / 8) throw new IngestError('read', 'binary data or UTF-16 without a byte order mark, not text');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data) };
  } catch {
    throw new IngestError('read', 'not valid UTF-8 text (Windows-1252 or Latin-1?); convert it or pass --encoding windows-1252');
  }
}

const FORM_FEED = '\f';

/** Split text into pages on form feeds; markdown keeps one page. */
export function readTextPages(text: string, markdown: boolean): Page[] {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/\u00ad/g, '');
  const chunks = normalised.includes(FORM_FEED) ? normalised.split(FORM_FEED) : splitAtPageNumbers(normalised);
  return chunks.map((chunk, i) => ({
    number: i + 1,
    width: 100 * CHAR_WIDTH,
    height: Math.max(1, chunk.split('\n').length) * LINE_HEIGHT,
    lines: markdown ? markdownLines(chunk, i + 1) : plainLines(chunk, i + 1),
  }));
}

/**
 * Text with no form feeds may still show its page breaks as a page-number line standing
 * alone ("5", "Page 5 of 9"): end a page after each, so the running header and footer
 * around it can be recognised as repeating furniture.
 */
function splitAtPageNumbers(text: string): string[] {
  const lines = text.split('\n');
  const chunks: string[] = [];
  let start = 0;
  lines.forEach((l, i) => {
    const standalone = (lines[i - 1] ?? '').trim() === '' || (lines[i + 1] ?? '').trim() === '' || /page/i.test(l);
    if (standalone && isPageNumberLine(l) && l.trim() !== '') {
      chunks.push(lines.slice(start, i + 1).join('\n'));
      start = i + 1;
    }
  });
  chunks.push(lines.slice(start).join('\n'));
  // A document with one stray number is not paginated.
  return chunks.length > 2 ? chunks : [text];
}

function expandTabs(s: string): string {
  return s.replace(/\t/g, '    ');
}

function runsOf(raw: string, bold = false): TextRun[] {
  const runs: TextRun[] = [];
  const re = /\S+(?: {1,2}\S+)*/g;
  for (const m of raw.matchAll(re)) {
    const x = (m.index ?? 0) * CHAR_WIDTH;
    runs.push({ text: m[0], x, right: x + m[0].length * CHAR_WIDTH, fontSize: TEXT_FONT_SIZE, bold });
  }
  return runs;
}

function plainLines(chunk: string, page: number): Line[] {
  const lines: Line[] = [];
  let blank = 0;
  chunk.split('\n').forEach((raw, idx) => {
    const s = expandTabs(raw);
    if (s.trim() === '') {
      blank++;
      return;
    }
    const runs = runsOf(s);
    lines.push(makeLine(page, idx * LINE_HEIGHT, runs, { blankBefore: blank }));
    blank = 0;
  });
  return lines;
}

/** Inline markdown/HTML to plain text, noting whether the whole line was bold. */
function stripInline(s: string): { text: string; bold: boolean } {
  let t = s.trim();
  const bold = /^(\*\*|__|<b>|<strong>).+(\*\*|__|<\/b>|<\/strong>)[:.]?$/i.test(t);
  t = t
    .replace(/<\/?(b|strong|i|em|u|span|br|p)[^>]*>/gi, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?!\s)([^*]+?)\*(?!\w)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
  return { text: t, bold };
}

function markdownLines(chunk: string, page: number): Line[] {
  const lines: Line[] = [];
  let blank = 0;
  chunk.split('\n').forEach((raw, idx) => {
    const s = expandTabs(raw).replace(/\s+$/, '');
    if (s.trim() === '' || /^\s*(-{3,}|\*{3,}|_{3,})\s*$/.test(s)) {
      blank++;
      return;
    }
    const indent = s.length - s.trimStart().length;
    let body = s.trim();
    let headingLevel: number | undefined;
    const h = /^(#{1,6})\s+(.*?)\s*#*$/.exec(body);
    if (h) {
      headingLevel = h[1].length;
      body = h[2];
    }
    const y = idx * LINE_HEIGHT;
    // A pipe table row: one run per cell, spread out as columns would be.
    if (/^\|.*\|$/.test(body)) {
      if (/^\|[\s:|-]+\|$/.test(body)) return; // the |---|---| rule
      const cells = body.slice(1, -1).split(/(?<!\\)\|/).map((c) => stripInline(c).text);
      const runs: TextRun[] = [];
      cells.forEach((c, i) => {
        if (c === '') return;
        const x = (indent + i * 40) * CHAR_WIDTH;
        runs.push({ text: c, x, right: x + 39 * CHAR_WIDTH, fontSize: TEXT_FONT_SIZE, bold: false });
      });
      if (runs.length) lines.push(makeLine(page, y, runs, { blankBefore: blank, tableCells: cells }));
      blank = 0;
      return;
    }
    const { text, bold } = stripInline(body);
    if (text === '') return;
    const x = indent * CHAR_WIDTH;
    const run: TextRun = { text, x, right: x + text.length * CHAR_WIDTH, fontSize: TEXT_FONT_SIZE, bold: bold || headingLevel !== undefined };
    lines.push(makeLine(page, y, [run], { blankBefore: blank, headingLevel }));
    blank = 0;
  });
  return lines;
}
