/**
 * RunningHeaderFilter: removes page furniture (running headers and footers, page
 * numbers) so that it never ends up inside a finding.
 *
 * A line is furniture when it sits in the top or bottom band of a page and its text,
 * with digits masked, recurs on enough of the document's pages; or when it is a page
 * number line in that band; or when it matches a furniture pattern marked `anywhere`.
 */
import rules from '../rules/layout.json' with { type: 'json' };
import type { Line, Page, SourceFormat } from '../types.js';

interface PatternRule {
  id: string;
  pattern: string;
  anywhere?: boolean;
}

const pageNumberRes = (rules.pageNumberLines as PatternRule[]).map((r) => new RegExp(r.pattern, 'i'));
const furnitureRules = (rules.furniturePatterns as PatternRule[]).map((r) => ({ ...r, re: new RegExp(r.pattern, 'i') }));

export function isPageNumberLine(text: string): boolean {
  const t = text.trim();
  return pageNumberRes.some((re) => re.test(t));
}

/** Masks digits and month names so "Page 3 of 9" and "Page 4 of 9" share a key. */
function furnitureKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\d+/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface FurnitureResult {
  pages: Page[];
  /** The distinct texts removed, for evidence and for the check's leak count. */
  removed: string[];
}

/** Lines near the top or bottom of a page: candidates for furniture. */
function bandLines(page: Page, format: SourceFormat): Set<Line> {
  const band = new Set<Line>();
  if (format === 'pdf') {
    const h = page.height * rules.furnitureBand;
    for (const l of page.lines) if (l.y < h || l.y > page.height - h) band.add(l);
  } else {
    // Text pages: the first and last three lines.
    page.lines.slice(0, 3).forEach((l) => band.add(l));
    page.lines.slice(-3).forEach((l) => band.add(l));
  }
  return band;
}

export function removeFurniture(pages: Page[], format: SourceFormat, protect: (l: Line) => boolean = () => false): FurnitureResult {
  const bands = pages.map((p) => bandLines(p, format));
  const pagesWithKey = new Map<string, Set<number>>();
  bands.forEach((band, i) => {
    for (const l of band) {
      const key = furnitureKey(l.text);
      if (!pagesWithKey.has(key)) pagesWithKey.set(key, new Set());
      pagesWithKey.get(key)!.add(i);
    }
  });
  const minPages = Math.max(2, Math.ceil((pages.length - 1) * rules.minRepeatShare));
  const removed = new Set<string>();
  const out = pages.map((page, i) => {
    const band = bands[i];
    const lines = page.lines.filter((l) => {
      const inBand = band.has(l);
      const repeated = inBand && pages.length > 1 && !protect(l) && (pagesWithKey.get(furnitureKey(l.text))?.size ?? 0) >= minPages;
      const pageNumber = isPageNumberLine(l.text) && (inBand || format !== 'pdf');
      const patterned = furnitureRules.some((r) => (r.anywhere || inBand) && r.re.test(l.text.trim()));
      if (repeated || pageNumber || patterned) {
        if (!pageNumber) removed.add(l.text);
        return false;
      }
      return true;
    });
    return { ...page, lines };
  });
  return { pages: out, removed: [...removed] };
}
