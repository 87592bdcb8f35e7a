/**
 * The report's charts, drawn as inline SVG: horizontal bars, stacked or diverging, each
 * category's words on a line above its bar, every bar and segment labelled with its number
 * (so no axis or tick is needed, and the charts read at phone width). Each chart has a
 * <title> and a <desc> that says its numbers in words, and its data as a table beside it.
 *
 * Geometry is in user units of a fixed-width viewBox; the SVG scales to its container.
 */
import { esc } from './escape.js';

/** Width of every chart's viewBox, in user units. */
export const CHART_WIDTH = 380;
const FONT = 14;
/** An average character is narrower than this share of the font size in the sans-serif faces used. */
const CHAR_EM = 0.56;
const LINE = 17;
const BAR = 18;
const ROW_GAP = 10;
/** Room after the longest bar for its total. */
const END_ROOM = 44;

export interface Segment {
  /** Legend key (an outcome, …): the segment's colour and hatching come from it. */
  key: string;
  label: string;
  value: number;
}

export interface BarRow {
  label: string;
  segments: Segment[];
}

export interface SeriesStyle {
  colour: string;
  /** Diagonal hatching over the colour: the adverse categories, so colour is never the only cue. */
  hatch: boolean;
}

export interface ChartText {
  id: string;
  title: string;
  desc: string;
}

/** Words into lines of at most `max` characters (a longer word gets its own line). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

const maxChars = (width: number, font = FONT) => Math.floor(width / (font * CHAR_EM));
const fmt = (n: number) => (Math.round(n * 100) / 100).toString();

function hatchDef(id: string): string {
  return (
    `<defs><pattern id="${id}-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">` +
    `<rect width="2.5" height="6" fill="#ffffff" fill-opacity="0.7"/></pattern></defs>`
  );
}

function frame(t: ChartText, height: number, body: string, hatch: boolean): string {
  return (
    `<svg class="chart" id="${esc(t.id)}" viewBox="0 0 ${CHART_WIDTH} ${fmt(height)}" width="${CHART_WIDTH}" height="${fmt(height)}" ` +
    `role="img" aria-labelledby="${esc(t.id)}-title ${esc(t.id)}-desc" font-size="${FONT}">` +
    `<title id="${esc(t.id)}-title">${esc(t.title)}</title><desc id="${esc(t.id)}-desc">${esc(t.desc)}</desc>` +
    (hatch ? hatchDef(t.id) : '') +
    body +
    `</svg>`
  );
}

/** A number written on a bar: dark with a white halo, readable on every colour of the palette. */
function valueText(x: number, y: number, text: string, anchor: 'start' | 'middle' | 'end'): string {
  return `<text x="${fmt(x)}" y="${fmt(y)}" text-anchor="${anchor}" class="v" paint-order="stroke" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" fill="#1b1b1b">${esc(text)}</text>`;
}

function labelLines(lines: string[], x: number, y: number, anchor: 'start' | 'end' = 'start', cls = 'l'): string {
  return lines.map((l, i) => `<text x="${fmt(x)}" y="${fmt(y + i * LINE)}" text-anchor="${anchor}" class="${cls}">${esc(l)}</text>`).join('');
}

/**
 * Horizontal bars, one per row, stacked by segment. The row's words above its bar, each
 * segment's number inside it when it fits, the row's total after the bar.
 */
export function stackedBars(t: ChartText, rows: BarRow[], styles: Record<string, SeriesStyle>): string {
  const max = Math.max(1, ...rows.map((r) => r.segments.reduce((n, s) => n + s.value, 0)));
  const scale = (CHART_WIDTH - END_ROOM) / max;
  const chars = maxChars(CHART_WIDTH);
  let y = 0;
  let hatch = false;
  const parts: string[] = [];
  for (const row of rows) {
    const lines = wrap(row.label, chars);
    const total = row.segments.reduce((n, s) => n + s.value, 0);
    parts.push(`<g class="row">`);
    parts.push(labelLines(lines, 0, y + FONT));
    const top = y + lines.length * LINE + 4;
    let x = 0;
    // A lone segment's number is the total written after the bar.
    const several = row.segments.filter((s) => s.value > 0).length > 1;
    for (const s of row.segments) {
      if (s.value <= 0) continue;
      const w = s.value * scale;
      const style = styles[s.key] ?? { colour: '#BBBBBB', hatch: false };
      parts.push(`<g class="seg"><title>${esc(`${row.label}: ${s.label}, ${s.value}`)}</title>`);
      parts.push(`<rect x="${fmt(x)}" y="${fmt(top)}" width="${fmt(w)}" height="${BAR}" fill="${style.colour}" stroke="#ffffff" stroke-width="1"/>`);
      if (style.hatch) {
        hatch = true;
        parts.push(`<rect x="${fmt(x)}" y="${fmt(top)}" width="${fmt(w)}" height="${BAR}" fill="url(#${esc(t.id)}-hatch)"/>`);
      }
      if (several && w >= String(s.value).length * FONT * 0.62 + 6) parts.push(valueText(x + w / 2, top + BAR / 2 + FONT * 0.36, String(s.value), 'middle'));
      parts.push(`</g>`);
      x += w;
    }
    if (total === 0) parts.push(`<line x1="0" x2="0" y1="${fmt(top)}" y2="${fmt(top + BAR)}" stroke="#1b1b1b"/>`);
    parts.push(`<text x="${fmt(x + 6)}" y="${fmt(top + BAR / 2 + FONT * 0.36)}" class="total" font-weight="700">${total}</text>`);
    parts.push(`</g>`);
    y = top + BAR + ROW_GAP;
  }
  return frame(t, Math.max(y, 1), parts.join(''), hatch);
}

export interface DivergingRow {
  label: string;
  left: number;
  right: number;
}

/**
 * Two bars per row from a shared centre line: `left` grows leftwards, `right` rightwards, on
 * one scale; the row's words above, each bar's number at its outer end.
 */
export function divergingBars(
  t: ChartText,
  rows: DivergingRow[],
  heads: { left: string; right: string },
  styles: { left: SeriesStyle; right: SeriesStyle },
): string {
  const mid = CHART_WIDTH / 2;
  const room = mid - 30;
  const max = Math.max(1, ...rows.flatMap((r) => [r.left, r.right]));
  const scale = room / max;
  const headChars = maxChars(mid - 8, 12);
  const leftHead = wrap(heads.left, headChars);
  const rightHead = wrap(heads.right, headChars);
  const headLines = Math.max(leftHead.length, rightHead.length);
  const parts: string[] = [
    `<g class="heads" font-size="12" font-weight="700">`,
    labelLines(leftHead, mid - 8, 12, 'end', 'h'),
    labelLines(rightHead, mid + 8, 12, 'start', 'h'),
    `</g>`,
  ];
  let y = headLines * LINE + 8;
  let hatch = false;
  const chars = maxChars(CHART_WIDTH);
  for (const row of rows) {
    const lines = wrap(row.label, chars);
    parts.push(`<g class="row">`, labelLines(lines, 0, y + FONT));
    const top = y + lines.length * LINE + 4;
    const ty = top + BAR / 2 + FONT * 0.36;
    parts.push(`<line x1="${mid}" x2="${mid}" y1="${fmt(top - 3)}" y2="${fmt(top + BAR + 3)}" stroke="#1b1b1b" stroke-width="1.5"/>`);
    for (const side of ['left', 'right'] as const) {
      const v = row[side];
      const w = v * scale;
      const x = side === 'left' ? mid - w : mid;
      const style = styles[side];
      parts.push(`<g class="seg"><title>${esc(`${row.label}: ${side === 'left' ? heads.left : heads.right}, ${v}`)}</title>`);
      if (v > 0) {
        parts.push(`<rect x="${fmt(x)}" y="${fmt(top)}" width="${fmt(w)}" height="${BAR}" fill="${style.colour}"/>`);
        if (style.hatch) {
          hatch = true;
          parts.push(`<rect x="${fmt(x)}" y="${fmt(top)}" width="${fmt(w)}" height="${BAR}" fill="url(#${esc(t.id)}-hatch)"/>`);
        }
      }
      parts.push(side === 'left' ? valueText(mid - w - 4, ty, String(v), 'end') : valueText(mid + w + 4, ty, String(v), 'start'));
      parts.push(`</g>`);
    }
    parts.push(`</g>`);
    y = top + BAR + ROW_GAP;
  }
  return frame(t, y, parts.join(''), hatch);
}
