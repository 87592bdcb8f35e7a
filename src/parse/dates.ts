/**
 * Dates as inspection documents write them: "4 December 2023", "18 to 22 March 2024",
 * "27 November 2023 to 1 December 2023", "Between 3 February and 7 February 2020".
 */
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';

const RANGE = new RegExp(`${DAY}(?:\\s+${MONTH})?(?:,?\\s+${YEAR})?\\s*(?:to|and|until|-|–|—)\\s*${DAY}\\s+${MONTH},?\\s+${YEAR}`, 'i');
const SINGLE = new RegExp(`${DAY}\\s+${MONTH},?\\s+${YEAR}`, 'i');
const SINGLE_G = new RegExp(SINGLE.source, 'gi');

function iso(day: string, month: string, year: string): string | null {
  const m = MONTHS[month.toLowerCase().replace(/\.$/, '').slice(0, month.toLowerCase().startsWith('sept') ? 4 : 3)] ?? MONTHS[month.toLowerCase().slice(0, 3)];
  const d = Number(day);
  const y = Number(year);
  if (!m || d < 1 || d > 31 || y < 1990 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface DateRange {
  start: string | null;
  end: string | null;
  /** Where in the text the range was found. */
  index: number;
}

/** The first date range in a text, or a single date as a one-day range. */
export function parseDateRange(text: string): DateRange | null {
  const r = RANGE.exec(text);
  const s = SINGLE.exec(text);
  if (r && (!s || r.index <= s.index)) {
    const [, d1, m1, y1, d2, m2, y2] = r;
    const start = iso(d1, m1 ?? m2, y1 ?? y2);
    const end = iso(d2, m2, y2);
    if (start && end && start > end && !y1) {
      // "30 December to 3 January 2020": the start is in the year before.
      return { start: iso(d1, m1 ?? m2, String(Number(y2) - 1)), end, index: r.index };
    }
    return { start, end, index: r.index };
  }
  if (s) {
    const d = iso(s[1], s[2], s[3]);
    return { start: d, end: d, index: s.index };
  }
  return null;
}

const WEEKDAY = '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?';
const STANDALONE = new RegExp(`^${WEEKDAY}${SINGLE.source}$`, 'i');
const LEADING = new RegExp(`^${WEEKDAY}${SINGLE.source}\\s+`, 'i');

/** A text that is nothing but a date (a letter's date line). */
export function parseStandaloneDate(text: string): string | null {
  const t = text.trim().replace(/^(?:date:?\s*)/i, '').replace(/[.,]$/, '');
  const m = STANDALONE.exec(t);
  return m ? iso(m[1], m[2], m[3]) : null;
}

/**
 * A date that opens a text and runs into a capitalised next line ("24 April 2019 Mr J
 * Smith ..."): a letter's date line in text converted without layout.
 */
export function parseLeadingDate(text: string): string | null {
  const m = LEADING.exec(text);
  return m && /[A-Z]/.test(text[m[0].length] ?? '') ? iso(m[1], m[2], m[3]) : null;
}

export function allDates(text: string): string[] {
  return [...text.matchAll(SINGLE_G)].map((m) => iso(m[1], m[2], m[3])).filter((d): d is string => d !== null);
}

const WORDS: Record<string, number> = {
  no: 0, none: 0, zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, eighteen: 18, twenty: 20, 'twenty-four': 24, 'thirty-six': 36,
};

/** "18", "eighteen", "five" -> number. */
export function parseNumber(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  return WORDS[w] ?? null;
}
