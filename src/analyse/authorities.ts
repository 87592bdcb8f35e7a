/**
 * Resolving the area a letter names ("London Borough of Hackney", "Telford & Wrekin",
 * "Kingston upon Hull City Council") to one English local authority: its name, ONS code
 * and Ofsted region. The table is data: src/rules/local-authorities.json.
 */
import table from '../rules/local-authorities.json' with { type: 'json' };

export interface Authority {
  name: string;
  /** Newest ONS code. */
  code: string;
  region: string;
  aliases: string[];
  /** First day of an authority created by reorganisation. */
  from?: string;
  /** Last day of an abolished authority. */
  until?: string;
  /** Codes this authority had before becoming a unitary council over the same area. */
  formerCodes?: { code: string; until: string }[];
  predecessors?: string[];
  successors?: string[];
}

export interface AreaMatch {
  name: string;
  /** The code in force on the date asked about (the newest without a date). */
  code: string;
  region: string;
}

export const AUTHORITIES: readonly Authority[] = table.authorities as Authority[];
export const REGIONS: readonly string[] = table.regions;

/** Folds what varies between spellings of one name without dropping any word. */
export function normaliseAreaName(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/[-\u2010-\u2015_/]/g, ' ')
    .replace(/\bsaint\b/g, 'st')
    .replace(/[.,'()"]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// Words around a name that letters add or drop: tried one at a time, so the fewest removals win
// ("City of London" is found before "City of" could be stripped from it).
const PREFIXES = [
  'the ', 'london borough of ', 'royal borough of ', 'metropolitan borough of ', 'borough of ', 'city and county of ',
  'city of ', 'county of ', 'council of the ', 'council of ',
];
const SUFFIXES = [
  ' local area partnership', ' area partnership', ' local area', ' partnership', ' county council', ' city council',
  ' metropolitan borough council', ' borough council', ' district council', ' council', ' city of', ' county of', ' city',
  ' metropolitan borough', ' borough', ' county',
];

/** The input, then every form with one more prefix or suffix removed, breadth first. */
function variants(raw: string): string[][] {
  const levels: string[][] = [[normaliseAreaName(raw)]];
  const seen = new Set(levels[0]);
  for (;;) {
    const next: string[] = [];
    for (const v of levels[levels.length - 1]) {
      const cuts = [
        ...PREFIXES.filter((p) => v.startsWith(p)).map((p) => v.slice(p.length)),
        ...SUFFIXES.filter((s) => v.endsWith(s)).map((s) => v.slice(0, -s.length)),
      ];
      for (const cut of cuts.map((c) => c.trim())) {
        if (cut && !seen.has(cut)) {
          seen.add(cut);
          next.push(cut);
        }
      }
    }
    if (next.length === 0) return levels;
    levels.push(next);
  }
}

const INDEX = new Map<string, Authority[]>();
for (const a of AUTHORITIES) {
  for (const spelling of [a.name, ...a.aliases]) {
    const key = normaliseAreaName(spelling);
    const list = INDEX.get(key) ?? [];
    if (!list.includes(a)) list.push(a);
    INDEX.set(key, list);
  }
}

// The same keys with the spaces taken out: a text tool that joins a name broken at a
// line-end hyphen writes "Stoke-onTrent", which this still finds.
const withoutSpaces = (key: string) => key.replace(/ /g, '');
const SQUASHED = new Map<string, Authority[]>();
for (const [key, list] of INDEX) {
  const squashed = withoutSpaces(key);
  SQUASHED.set(squashed, [...new Set([...(SQUASHED.get(squashed) ?? []), ...list])]);
}
/** The exact keys first, then the keys without spaces. */
const LOOKUPS: readonly [Map<string, Authority[]>, (key: string) => string][] = [
  [INDEX, (key) => key],
  [SQUASHED, withoutSpaces],
];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

function existsOn(a: Authority, date: string): boolean {
  return (!a.from || a.from <= date) && (!a.until || date <= a.until);
}

/** Days between a date and an authority's lifetime (0 inside it). */
function distance(a: Authority, date: string): number {
  const day = (s: string) => Date.parse(s.slice(0, 10)) / 86_400_000;
  if (a.from && date < a.from) return day(a.from) - day(date);
  if (a.until && date > a.until) return day(date) - day(a.until);
  return 0;
}

/** Among authorities sharing a spelling: the one in existence on the date, else the nearest; without a date, the current one. */
function choose(candidates: Authority[], date: string | undefined): Authority {
  if (candidates.length === 1) return candidates[0];
  if (date) {
    const living = candidates.find((a) => existsOn(a, date));
    if (living) return living;
    return [...candidates].sort((a, b) => distance(a, date) - distance(b, date))[0];
  }
  return candidates.find((a) => !a.until) ?? [...candidates].sort((a, b) => (b.until ?? '').localeCompare(a.until ?? ''))[0];
}

/** The authority record itself (for callers that need predecessors, aliases, …). */
export function resolveAuthority(name: string, date?: string): Authority | null {
  if (!name || !name.trim()) return null;
  const when = date && ISO_DATE.test(date) ? date.slice(0, 10) : undefined;
  const levels = variants(name);
  for (const [index, keyOf] of LOOKUPS) {
    for (const level of levels) {
      const found = level.flatMap((v) => index.get(keyOf(v)) ?? []);
      const unique = [...new Set(found)];
      if (unique.length > 0) return choose(unique, when);
    }
  }
  return null;
}

/** The ONS code an authority had on a date (a county code before it became unitary). */
export function codeOn(a: Authority, date?: string): string {
  if (date && ISO_DATE.test(date)) {
    const d = date.slice(0, 10);
    const former = [...(a.formerCodes ?? [])].sort((x, y) => x.until.localeCompare(y.until)).find((f) => d <= f.until);
    if (former) return former.code;
  }
  return a.code;
}

/**
 * Case-insensitive lookup of an area name as letters write it, tolerant of "&"/"and",
 * hyphens, "St."/"St", a leading "The", "London Borough of", "City of", trailing
 * "Council"/"County Council"/"City"/"Local Area Partnership". When a name was reused
 * (Dorset before and after 2019), `date` (ISO) picks the authority in existence then.
 */
export function lookupArea(name: string, date?: string): AreaMatch | null {
  const a = resolveAuthority(name, date);
  return a ? { name: a.name, code: codeOn(a, date), region: a.region } : null;
}
