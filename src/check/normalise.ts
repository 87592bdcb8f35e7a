/**
 * Text normalisation for scoring, as the corpus README (`send-gold/1`) defines it.
 * Gold items are identified by the first 60 / last 40 characters of the normalised text,
 * so extractor output must be normalised the same way before it is compared.
 */

/**
 * Glyphs that only ever act as bullets in these documents, so they are removed wherever they
 * stand (a sub-bullet inside an item must not change its identity). `·` is in the README's
 * list. U+E000–U+F8FF is the private-use area, where PDF symbol fonts (Wingdings, Symbol) put
 * their bullets.
 */
const BULLET_GLYPHS = /[\u2022\u25AA\u25FC\u25A0\u25CF\u25E6\u2023\u2043\u2219\u00B7\uE000-\uF8FF]/g;

/** Invisible characters: they carry no text, and PDFs scatter them (soft hyphens, zero-width joins). */
const INVISIBLE = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g;

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;
/** Hyphen, non-breaking hyphen, figure dash, en, em, horizontal bar, minus, two/three-em dashes. */
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2E3A\u2E3B]/g;

/**
 * `-` and `*` are ordinary characters inside a sentence ("well-being", "a - b"), so they count
 * as bullets only at the very start of the text.
 */
const LEADING_ASCII_BULLET = /^[-*]+\s*/;

/** A leading list marker: "1.", "2)", "(a)", "b)", "(iv)". It must be followed by space. */
const LEADING_LIST_MARKER = /^(?:\(\s*(?:\d{1,3}|[a-z]|[ivx]{1,5})\s*\)|(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)])(?:\s+|$)/i;

/** Curly quotes straight, dash variants to "-": shared by every comparison in the checker. */
function straighten(text: string): string {
  return text.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-');
}

/**
 * Normalise text for item matching: NFKC, bullet glyphs removed, a leading bullet and list
 * marker removed, white space folded, quotes straight, dashes `-`, trimmed.
 */
export function normaliseForMatch(text: string): string {
  // Straighten before NFKC as well: NFKC would split a double prime into two single ones.
  let out = straighten(straighten(text).normalize('NFKC')).replace(INVISIBLE, '').replace(BULLET_GLYPHS, '');
  out = out.replace(/\s+/g, ' ').trim();
  out = out.replace(LEADING_ASCII_BULLET, '');
  out = out.replace(LEADING_LIST_MARKER, '');
  return out.trim();
}

/**
 * Loose equality key for short values (area names, responsible bodies): white space folded,
 * quotes straight, case-insensitive. Bullets and list markers are left alone: these are not items.
 */
export function foldForCompare(text: string): string {
  return straighten(straighten(text).normalize('NFKC').replace(INVISIBLE, ''))
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** "first 60 … last 40" of a long text, the same window the gold uses, for readable reports. */
export function abbreviate(text: string, head = 60, tail = 40): string {
  if (text.length <= head + tail + 1) return text;
  return `${text.slice(0, head)}…${text.slice(-tail)}`;
}
