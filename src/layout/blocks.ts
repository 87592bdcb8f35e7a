/**
 * BlockBuilder: lines -> logical blocks (headings, bullet items, paragraphs, table rows).
 *
 * The same rules serve PDFs and text because text ingest gives text lines
 * coordinates too (column, line index). What decides a block boundary:
 * - a bullet glyph or list marker opens a new item;
 * - a heading (markdown `#`, a bold line, a larger font, or a known framework heading);
 * - a vertical gap larger than the document's normal line spacing;
 * - an outdent, or the "would the next word have fitted" test after a full stop;
 * and across a page break a line at the open item's indent continues it.
 */
import headingRules from '../rules/headings.json' with { type: 'json' };
import layoutRules from '../rules/layout.json' with { type: 'json' };
import type { Line, Page, SourceFormat } from '../types.js';
import { CHAR_WIDTH } from '../ingest/text.js';
import { cleanText, endsSentence, headingKey, joinText, RECOMMENDATION_START, splitBullet } from './text.js';
import { leadingTexts } from '../match/literal-index.js';

export type BlockType = 'heading' | 'bullet' | 'para' | 'row';

export interface Block {
  type: BlockType;
  text: string;
  page: number;
  /** Index of the first line on its page (after furniture removal). */
  line: number;
  /** Bullet: the glyph's x; otherwise the first line's x. */
  x: number;
  /** Where the text starts (after a bullet glyph). */
  textX: number;
  fontSize: number;
  bold: boolean;
  headingLevel?: number;
  /** Heading id from the heading rules, when the heading is a known one. */
  headingId?: string;
  /** Table rows: cell texts, left to right. */
  cells?: string[];
  /** Table rows: which table (rule id). */
  table?: string;
  /** Layout rule that closed the previous block and opened this one. */
  rule: string;
  /** Lines that were merged from a later page or after a gap. */
  joins: string[];
}

interface Positioned {
  line: Line;
  index: number;
  first: boolean; // first line of its page
}

const HEADINGS = headingRules.headings.map((h) => ({ id: h.id, res: h.patterns.map((p) => new RegExp(p)) }));
/**
 * The literal texts the heading patterns start with ("main findings", "the effectiveness
 * of the "): a key that starts with none of them is no framework heading, and a line
 * that none of them starts with or continues cannot open one wrapped over two lines.
 * Null when a pattern has no literal start: then every key is tried.
 */
const HEADING_STARTS: string[] | null = (() => {
  // Anchored patterns only: a key must then start with the literal, not merely hold it.
  const starts = headingRules.headings.flatMap((h) => h.patterns.map((p) => (p.startsWith('^') ? leadingTexts(p) : null)));
  return starts.some((s) => s === null) ? null : [...new Set(starts.flat() as string[])];
})();
const mayStartHeading = (key: string) => HEADING_STARTS === null || HEADING_STARTS.some((s) => key.startsWith(s));
const mayBeginHeading = (key: string) => HEADING_STARTS === null || HEADING_STARTS.some((s) => key.startsWith(s) || s.startsWith(key));
/** The rule of a paragraph that opens a recommendation straight after a sub-point: it is not that sub-point's rest. */
const RECOMMENDATION_AFTER_POINT = 'para:recommendation-after-point';
const RECOMMENDATION_CONTINUES = new RegExp(layoutRules.recommendationContinues.pattern);
const RECOMMENDS = new RegExp(layoutRules.recommendationContinues.previous, 'i');
const TABLES = headingRules.tableHeaders.map((t) => ({ id: t.id, res: t.columns.map((p) => new RegExp(p)) }));

export function matchHeading(text: string): string | undefined {
  // The longest framework heading is under 140 characters: most lines need no cleaning.
  if (text.length > 200) return undefined;
  // Furniture removal, heading detection and block building ask about the same lines:
  // answers are kept for the document being laid out (see resetHeadingMemo).
  const known = headingMemo.get(text);
  if (known !== undefined) return known || undefined;
  const key = headingKey(text);
  const id = key.length > 160 || !mayStartHeading(key) ? undefined : HEADINGS.find((h) => h.res.some((re) => re.test(key)))?.id;
  headingMemo.set(text, id ?? '');
  return id;
}

const headingMemo = new Map<string, string>();
/** Forgets the heading answers of the previous document (called per document by runLayout). */
export function resetHeadingMemo(): void {
  headingMemo.clear();
}

/** Could this text be the first part of a heading wrapped over two lines? */
function headingPrefix(text: string): boolean {
  if (text.length > 160) return false;
  const key = headingKey(text);
  return key.length < 120 && mayBeginHeading(key) && key.split(' ').length >= 3 && !endsSentence(key);
}

function mode(values: number[], fallback: number): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = fallback;
  let n = 0;
  for (const [v, c] of counts) if (c > n || (c === n && v < best)) [best, n] = [v, c];
  return best;
}

interface Metrics {
  bodySize: number;
  spacing: number;
  /** Right margin of body text per page: the 90th percentile of line right edges. */
  rightEdge: Map<number, number>;
}

function measure(pages: Page[]): Metrics {
  const sizes: number[] = [];
  const deltas: number[] = [];
  const rightEdge = new Map<number, number>();
  for (const p of pages) {
    p.lines.forEach((l, i) => {
      for (let k = 0; k < Math.min(8, l.text.length); k++) sizes.push(Math.round(l.fontSize));
      const prev = p.lines[i - 1];
      if (prev && Math.round(prev.fontSize) === Math.round(l.fontSize)) deltas.push(Math.round((l.y - prev.y) * 2) / 2);
    });
    const rights = p.lines.map((l) => l.right).sort((a, b) => a - b);
    rightEdge.set(p.number, rights[Math.floor(rights.length * 0.9)] ?? 0);
  }
  const bodySize = mode(sizes, 10);
  const spacing = mode(
    deltas.filter((d) => d > 0),
    12,
  );
  return { bodySize, spacing, rightEdge };
}

function tableHeaderOf(line: Line): { id: string; boundary: number } | undefined {
  const cells = line.tableCells ?? line.runs.map((r) => r.text);
  // A header row has two cells at least, each short.
  if (cells.length < 2 || line.text.length > 200) return undefined;
  // The header row's cells, in order; a run may hold a whole header cell or a part.
  const keys = cells.map((c) => headingKey(c));
  for (const t of TABLES) {
    if (t.res.length < 2) continue;
    const firstIdx = keys.findIndex((k) => t.res[0].test(k));
    const secondIdx = keys.findIndex((k, i) => i > firstIdx && t.res[1].test(k));
    if (firstIdx >= 0 && secondIdx > firstIdx) {
      const boundary = line.tableCells ? secondIdx : line.runs[secondIdx].x;
      return { id: t.id, boundary };
    }
  }
  return undefined;
}

export interface BuildOptions {
  format: SourceFormat;
}

export function buildBlocks(pages: Page[], opts: BuildOptions): Block[] {
  const textual = opts.format !== 'pdf';
  const m = measure(pages);
  const all: Positioned[] = [];
  for (const p of pages) p.lines.forEach((line, index) => all.push({ line, index, first: index === 0 }));

  const blocks: Block[] = [];
  let open: Block | null = null;
  let openLastLine: Line | null = null;
  // The next paragraph opens a recommendation straight after a sub-point (set where the bullet is ended).
  let recommendationAfterPoint = false;
  let table: { id: string; boundary: number; rowOpen: boolean; lastLeft: boolean } | null = null;

  const push = (b: Block, line: Line) => {
    blocks.push(b);
    open = b;
    openLastLine = line;
  };
  const gapOf = (prev: Line | null, line: Line): number => {
    if (!prev || prev.page !== line.page) return Infinity;
    if (textual) return (line.blankBefore ?? 0) > 0 ? Infinity : m.spacing;
    return line.y - prev.y;
  };
  const rulesOf = new Map(pages.map((p) => [p.number, p.rules ?? []]));
  // A grid line between two lines of text separates table rows even with no gap.
  const ruledBetween = (prev: Line | null, line: Line) =>
    !!prev && prev.page === line.page && (rulesOf.get(line.page) ?? []).some((r) => r.y > prev.y + 1 && r.y < line.y - line.fontSize * 0.6 && r.x1 <= line.x + 2 && r.x2 >= line.x + 20);
  const bigGap = (prev: Line | null, line: Line) => gapOf(prev, line) > m.spacing * 1.35 || ruledBetween(prev, line);
  const isHeadingLine = (line: Line, next: Line | undefined): { id?: string; twoLines: boolean } | null => {
    if (line.tableCells) return null;
    const id = matchHeading(line.text);
    if (line.headingLevel !== undefined) return { id, twoLines: false };
    if (id) return { id, twoLines: false };
    if (next && !next.tableCells && headingPrefix(line.text) && next.page === line.page) {
      const joined = matchHeading(`${line.text} ${next.text}`);
      if (joined) return { id: joined, twoLines: true };
    }
    const words = line.text.split(/\s+/).length;
    const big = line.fontSize >= m.bodySize * 1.15;
    if ((line.bold || big) && words <= 24 && !/[.;,]$/.test(line.text.trim()) && !splitBullet(line.text, textual)) {
      return { id: undefined, twoLines: false };
    }
    return null;
  };

  for (let i = 0; i < all.length; i++) {
    const { line, index, first } = all[i];
    const prevLine: Line | null = openLastLine;

    // Tables: a header row opens one; a heading closes it.
    const header = tableHeaderOf(line);
    if (header) {
      table = { id: header.id, boundary: header.boundary, rowOpen: false, lastLeft: false };
      open = null;
      openLastLine = line;
      continue;
    }
    // A pipe-table row outside a known two-column table: its own row, a one-column
    // table's header (a framework heading) is not an item.
    if (line.tableCells && !table) {
      const cells = line.tableCells.map((c) => c.trim()).filter((c) => c !== '');
      if (cells.length === 0) continue;
      if (cells.length === 1 && matchHeading(cells[0])) continue;
      const text = cells.length === 1 ? cells[0] : cells.join(' ');
      push({ type: 'row', text, page: line.page, line: index, x: line.x, textX: line.x, fontSize: line.fontSize, bold: false, rule: 'table-row', joins: [] }, line);
      continue;
    }
    let heading = isHeadingLine(line, all[i + 1]?.line);
    const cont = open as Block | null;
    // In plain text, a capitalised framework heading of three words or more on a line of its
    // own ("Local area partnership details") is a heading even after a sub-point that ends
    // without a full stop: text with no blank lines gives nothing else to end that point.
    const standsAlone = textual && heading && /^\p{Lu}/u.test(line.text.trim()) && !endsSentence(line.text) && line.text.trim().split(/\s+/).length >= 3;
    if (heading && !standsAlone && line.headingLevel === undefined && cont && (cont.type === 'bullet' || cont.type === 'para') && !endsSentence(cont.text) && openLastLine && !bigGap(openLastLine, line)) {
      // A line that carries on an unfinished sentence is not a heading, whatever its font
      // or words ("... this area for" / "priority action.").
      heading = null;
    }
    if (table && heading && !(line.bold && !heading.id && !line.headingLevel && line.x >= table.boundary - 2)) table = null;
    // Text has no grid to end a table: prose running across the column gap does, and so
    // does a short line after a gap that such prose follows (the next section's title).
    // A markdown table is its pipe lines: the first line without one ends it.
    if (table && opts.format === 'markdown' && !line.tableCells) table = null;
    if (table && textual && !line.tableCells) {
      const next = all[i + 1]?.line;
      if (crossesColumn(line, table.boundary) || (prevLine && bigGap(prevLine, line) && next && line.right < table.boundary && crossesColumn(next, table.boundary))) table = null;
    }
    if (table && !heading) {
      const cells = splitCells(line, table.boundary, textual ? 3 * CHAR_WIDTH : 4);
      if (cells.every((c) => c === '')) continue;
      const [left, right] = cells;
      const cur = open as Block | null;
      const ruled = (rulesOf.get(line.page) ?? []).length > 0;
      let continuing = false;
      if (cur !== null && cur.type === 'row') {
        if (line.tableCells) {
          // Markdown rows are whole; an empty first cell carries on the row above.
          continuing = left === '';
        } else if (first) {
          // A row cut by a page break: the new page's first line continues it unless the
          // old row's text had finished and a fresh one starts.
          continuing = left === '' || right === '' || !endsSentence(cur.cells![1]) || /^[a-z]/.test(right);
        } else if (ruled) {
          continuing = !ruledBetween(prevLine, line);
        } else {
          continuing = left === '' || (table.lastLeft && !bigGap(prevLine, line));
          // With no grid, a body cell that starts again with the same body's first words
          // (the next row's responsible body) opens a new row.
          if (continuing && left !== '' && endsSentence(cur.cells![1]) && sameStart(left, cur.cells![0])) continuing = false;
        }
      }
      if (continuing && cur) {
        cur.cells = [joinText(cur.cells![0], left), joinText(cur.cells![1], right)];
        cur.text = cur.cells[1];
        if (first) cur.joins.push('table-row-page-continuation');
        openLastLine = line;
      } else {
        push(
          { type: 'row', text: right, cells: [left, right], table: table.id, page: line.page, line: index, x: line.x, textX: line.x, fontSize: line.fontSize, bold: false, rule: 'table-row', joins: [] },
          line,
        );
      }
      table.lastLeft = left !== '';
      continue;
    }

    if (heading) {
      let text = line.text;
      if (heading.twoLines) {
        text = `${line.text} ${all[i + 1].line.text}`;
        i++;
      }
      const cur = open as Block | null;
      // A heading wrapped over two lines, both bold or both large, is one heading.
      const headingGap = openLastLine && openLastLine.page === line.page ? line.y - openLastLine.y : Infinity;
      if (cur && cur.type === 'heading' && !cur.headingId && !heading.id && (textual ? !bigGap(openLastLine, line) : headingGap <= line.fontSize * 1.6) && Math.abs(cur.fontSize - line.fontSize) < 1) {
        cur.text = joinText(cur.text, text);
        cur.headingId = matchHeading(cur.text);
        openLastLine = line;
        continue;
      }
      if (cur && cur.type === 'heading' && !bigGap(openLastLine, line) && heading.id && !cur.headingId && !textual) {
        const merged = matchHeading(`${cur.text} ${text}`);
        if (merged) {
          cur.text = `${cur.text} ${text}`;
          cur.headingId = merged;
          openLastLine = line;
          continue;
        }
      }
      push(
        { type: 'heading', text, headingId: heading.id ?? matchHeading(text), headingLevel: line.headingLevel, page: line.page, line: index, x: line.x, textX: line.x, fontSize: line.fontSize, bold: line.bold, rule: 'heading', joins: [] },
        line,
      );
      continue;
    }

    // Text wraps a long framework heading onto a line that starts in lower case ("... in
    // identifying children and young people's" / "special educational needs ..."): that
    // line is the heading's, not a paragraph that would swallow the next heading.
    const headOpen = open as Block | null;
    if (textual && !heading && headOpen?.type === 'heading' && headOpen.headingId && openLastLine && !bigGap(openLastLine, line) && /^[a-z]/.test(line.text) && !/[.:;!?]$/.test(headOpen.text.trim())) {
      headOpen.text = joinText(headOpen.text, line.text);
      openLastLine = line;
      continue;
    }

    let bullet = splitBullet(line.text, textual);
    const openBlock = open as Block | null;
    if (bullet && /^[\d(]/.test(bullet.marker) && openBlock && openBlock.type !== 'heading' && !endsSentence(openBlock.text) && !bigGap(openLastLine, line)) {
      // "24) following assessment": a number that carries on an unfinished sentence is not a list item.
      bullet = null;
    }
    if (bullet) {
      const textX = line.runs.length > 1 && line.runs[0].text.trim() === bullet.marker ? line.runs[1].x : line.x + 2 * line.fontSize;
      push(
        { type: 'bullet', text: bullet.rest, page: line.page, line: index, x: line.x, textX, fontSize: line.fontSize, bold: line.bold, rule: `bullet:${bullet.marker}`, joins: [] },
        line,
      );
      continue;
    }

    const cur = open as Block | null;
    if (cur && (cur.type === 'bullet' || cur.type === 'para') && openLastLine) {
      const last: Line = openLastLine;
      const tol = textual ? 1 : 3;
      let continues = false;
      let why = '';
      if (first && last.page !== line.page) {
        // Across a page break: at the item's text indent, or an unfinished sentence.
        const atIndent = cur.type === 'bullet' ? line.x >= cur.textX - tol - (textual ? 0 : 4) : Math.abs(line.x - cur.x) <= tol + 6;
        const unfinished = !endsSentence(cur.text) || /^[a-z(]/.test(line.text);
        continues = (cur.type === 'bullet' && atIndent && line.x > cur.x + tol) || (atIndent && unfinished);
        why = 'page-break-continuation';
      } else if (!bigGap(last, line)) {
        // Plain text often wraps a bullet at column 0; but a line left of the bullet's own marker is not its text.
        if (cur.type === 'bullet') continues = line.x > cur.x + tol || (textual && line.x >= cur.x - tol);
        else continues = Math.abs(line.x - cur.x) <= tol + 8 || (line.x > cur.x && line.x - cur.x < 40);
        // "Would the next word have fitted?" A short line ends what it is part of.
        const shortBefore = () => {
          const nextWord = line.text.split(' ')[0];
          const room = (m.rightEdge.get(last.page) ?? last.right) - last.right;
          return room > (textual ? (nextWord.length + 2) * CHAR_WIDTH : (nextWord.length + 1) * line.fontSize * 0.55 + line.fontSize);
        };
        if (continues && endsSentence(last.text) && /^[A-Z"'(]/.test(line.text) && opts.format !== 'markdown') {
          // After a full stop: a paragraph ends.
          if (shortBefore() && !(textual && RECOMMENDATION_CONTINUES.test(line.text) && RECOMMENDS.test(cur.text))) {
            continues = false;
          }
          if (textual && RECOMMENDATION_START.test(line.text)) continues = false;
        } else if (continues && textual && cur.type === 'bullet' && RECOMMENDATION_START.test(line.text) && shortBefore()) {
          // A sub-point ends without a full stop; a short line, then a named subject that
          // "should" do something, is the next recommendation (the indent that told them
          // apart was lost with the layout).
          continues = false;
          recommendationAfterPoint = true;
        }
        why = 'line';
      }
      if (continues) {
        cur.text = joinText(cur.text, line.text);
        if (why === 'page-break-continuation') cur.joins.push(why);
        openLastLine = line;
        continue;
      }
    }
    push(
      { type: 'para', text: line.text, page: line.page, line: index, x: line.x, textX: line.x, fontSize: line.fontSize, bold: line.bold, rule: recommendationAfterPoint ? RECOMMENDATION_AFTER_POINT : 'para', joins: [] },
      line,
    );
    recommendationAfterPoint = false;
  }
  for (const b of blocks) {
    b.text = cleanText(b.text);
    if (b.cells) b.cells = b.cells.map(cleanText);
  }
  // PDFs carry continuations by position; text needs the gap heuristics.
  return textual ? mergeContinuations(blocks) : blocks;
}

/** One run of text that starts in the left column and ends in the right one: prose, not a table row. */
function crossesColumn(line: Line, boundary: number): boolean {
  return line.runs.length === 1 && line.runs[0].x < boundary - 3 * CHAR_WIDTH && line.right > boundary + 3 * CHAR_WIDTH;
}

/** Do two cell texts open with the same two words? */
function sameStart(a: string, b: string): boolean {
  const words = (s: string) => s.toLowerCase().split(/\s+/).slice(0, 2).join(' ');
  return a.split(/\s+/).length >= 1 && words(a) === words(b) && words(a).length > 3;
}

/** Split a table line at the column boundary (x for PDFs, cell index for markdown). */
function splitCells(line: Line, boundary: number, tolerance: number): [string, string] {
  if (line.tableCells) {
    const left = line.tableCells.slice(0, boundary).join(' ').trim();
    const right = line.tableCells.slice(boundary).join(' ').trim();
    return [left, right];
  }
  let left = '';
  let right = '';
  for (const r of line.runs) {
    if (r.x < boundary - tolerance) left = joinText(left, r.text);
    else right = joinText(right, r.text);
  }
  // Sub-bullets inside a cell: the glyph goes, the text stays with the row.
  const strip = (s: string) => splitBullet(s, false)?.rest ?? s;
  return [strip(left), strip(right)];
}

/**
 * A paragraph that follows a bullet and cannot stand alone (it starts in lower case,
 * or the bullet stops mid-sentence) is the rest of that bullet, cut by a page break
 * that survived as blank lines; unless it starts left of the bullet's marker.
 */
function mergeContinuations(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (prev && prev.type === 'bullet' && b.type === 'para' && b.rule !== RECOMMENDATION_AFTER_POINT && b.x + 3 >= prev.x && (/^[a-z]/.test(b.text) || (!endsSentence(prev.text) && /^[a-z0-9(]/i.test(b.text)))) {
      prev.text = joinText(prev.text, b.text);
      prev.joins.push('gap-continuation');
      continue;
    }
    out.push(b);
  }
  return out;
}
