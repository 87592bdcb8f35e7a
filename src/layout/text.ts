/** Small text helpers shared by layout and the parsers. */
import rules from '../rules/layout.json' with { type: 'json' };

const GLYPHS = new Set(rules.bulletGlyphs);
const TEXT_MARKERS = new Set(rules.textBulletMarkers);
/** A line that opens a recommendation: a named subject, then should / must / need to (src/rules/layout.json). */
export const RECOMMENDATION_START = new RegExp(rules.recommendationStart.pattern);

/** White space runs (including no-break and line separators) as one space, trimmed. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Straight quotes, plain dashes, NFKC (ligatures), folded white space. */
export function cleanText(s: string): string {
  // Most lines are already clean: printable ASCII with single inner spaces.
  if (s.charCodeAt(0) !== 32 && s.charCodeAt(s.length - 1) !== 32 && !NEEDS_CLEANING.test(s)) return s;
  if (!/[^\x00-\x7f]/.test(s)) return s.replace(/\s+/g, ' ').trim();
  // NFKC (ligatures, full-width forms) is costly: only for characters beyond Latin-1 and
  // the quotes and dashes replaced below.
  const t = /[^\x00-\xff\u2010-\u2027\u2032\u2033]/.test(s) ? s.normalize('NFKC') : s;
  return t
    .replace(TYPOGRAPHIC, (c) => TYPOGRAPHIC_PLAIN[c] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Anything but printable ASCII, or a doubled space. */
const NEEDS_CLEANING = /[^\x21-\x7e ]| {2}/;
const TYPOGRAPHIC = /[\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u2033\u2010-\u2015\u2212\u00ad]/g;
const TYPOGRAPHIC_PLAIN: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u00ad': '',
};

/** The key a heading is matched on. */
export function headingKey(s: string): string {
  return cleanText(s)
    .toLowerCase()
    .replace(/^(?:\d{1,2}[.)]|\([a-z0-9]{1,3}\))\s+/, '')
    .replace(/[:.]$/, '')
    .trim();
}

export function isPrivateUse(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return c >= 0xe000 && c <= 0xf8ff;
}

export interface BulletSplit {
  marker: string;
  rest: string;
}

/**
 * A line's leading bullet, if any. `textMarkers` admits "-", "*", "+" and numbered
 * items, which in a PDF are more often hyphens or numbers inside prose.
 */
export function splitBullet(text: string, textMarkers: boolean): BulletSplit | null {
  const t = text.trimStart();
  // The first character, whole even when it is outside the BMP (not the whole string spread).
  const cp = t.codePointAt(0);
  const first = cp === undefined ? '' : String.fromCodePoint(cp);
  if ((GLYPHS.has(first) && first !== 'o') || (rules.privateUseBullets && isPrivateUse(first))) {
    const rest = t.slice(first.length).trimStart();
    // "·" or "–" opening a line followed by lower-case prose is still a bullet; a bare glyph opens an empty item.
    return { marker: first, rest };
  }
  if (first === 'o' && /^o\s{1,}\S/.test(t) && !/^o\s+[a-z]/.test(t)) return { marker: 'o', rest: t.slice(1).trimStart() };
  // A hyphen and a space opening a line is a bullet in PDFs too.
  const dash = /^-\s+(\S.*)$/.exec(t);
  if (dash && !textMarkers) return { marker: '-', rest: dash[1] };
  if (textMarkers) {
    const m = /^([-*+])\s+(\S.*)$/.exec(t);
    if (m && TEXT_MARKERS.has(m[1])) return { marker: m[1], rest: m[2] };
    const n = /^(\d{1,2}[.)]|\((?:[a-z]|[ivx]{1,4}|\d{1,2})\))\s+(\S.*)$/.exec(t);
    if (n) return { marker: n[1], rest: n[2] };
  }
  return null;
}

/** Does a text end a sentence (allowing closing quotes and brackets)? */
export function endsSentence(s: string): boolean {
  return /[.!?;:]["'\u2019\u201d)\]]*$/.test(s.trim());
}

/** Join two pieces of one item: a line-end hyphen after a letter joins without a space. */
export function joinText(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  if (/\p{L}-$/u.test(a) && /^\p{L}/u.test(b)) return a + b;
  return `${a} ${b}`;
}
