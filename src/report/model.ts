/**
 * What the HTML report shows beside the summary's figures: the SEND documents grouped by
 * area (the area identity summarise() uses: the local authority's newest ONS code, else the
 * name as written, else the file), each area's inspections in order, the responsible
 * bodies named in priority actions, and the wording and colours of kinds and outcomes.
 */
import { resolveAuthority } from '../analyse/authorities.js';
import { daysBetween } from '../analyse/timeline.js';
import type { DocumentKind, Outcome, Report } from '../types.js';
import { slugify, squash } from './escape.js';
import { partnershipKey } from '../parse/bodies.js';

export type SendKind = Exclude<DocumentKind, 'not-send-inspection'>;

export const SEND_KINDS: readonly SendKind[] = [
  'area-send-initial-2016',
  'area-send-revisit-2016',
  'area-send-full-2023',
  'area-send-monitoring-2023',
];

export const KIND_LABELS: Record<SendKind, string> = {
  'area-send-initial-2016': 'Initial inspection (2016 framework)',
  'area-send-revisit-2016': 'Revisit (2016 framework)',
  'area-send-full-2023': 'Full inspection (2023 framework)',
  'area-send-monitoring-2023': 'Monitoring inspection (2023 framework)',
};

export const KIND_SHORT: Record<SendKind, string> = {
  'area-send-initial-2016': '2016 initial',
  'area-send-revisit-2016': '2016 revisit',
  'area-send-full-2023': '2023 full',
  'area-send-monitoring-2023': '2023 monitoring',
};

export const OUTCOME_TEXT: Record<Outcome, string> = {
  'wsoa-required': 'WSoA required',
  'no-wsoa': 'No WSoA required',
  'sufficient-progress': 'Sufficient progress',
  'insufficient-progress': 'Insufficient progress',
  positive: 'Typically positive experiences and outcomes',
  inconsistent: 'Inconsistent experiences and outcomes',
  'systemic-failings': 'Widespread or systemic failings',
};


export type Tone = 'good' | 'mixed' | 'bad' | 'unknown';

export const OUTCOME_TONE: Record<Outcome | 'unknown', Tone> = {
  'wsoa-required': 'bad',
  'no-wsoa': 'good',
  'sufficient-progress': 'good',
  'insufficient-progress': 'bad',
  positive: 'good',
  inconsistent: 'mixed',
  'systemic-failings': 'bad',
  unknown: 'unknown',
};

/** A symbol beside the outcome's words, so a badge never relies on its colour. */
export const TONE_SYMBOL: Record<Tone, string> = { good: '\u2713', mixed: '\u25D0', bad: '\u2717', unknown: '?' };

/**
 * Okabe & Ito's colour-blind-safe palette; grey for unknown. Adverse outcomes are also
 * hatched in charts and legends, and every segment carries its number.
 */
export const OUTCOME_COLOUR: Record<Outcome | 'unknown', string> = {
  'wsoa-required': '#D55E00',
  'no-wsoa': '#009E73',
  'sufficient-progress': '#56B4E9',
  'insufficient-progress': '#CC79A7',
  positive: '#009E73',
  inconsistent: '#E69F00',
  'systemic-failings': '#D55E00',
  unknown: '#BBBBBB',
};

export const PALETTE = {
  weakness: '#D55E00',
  strength: '#0072B2',
  body: '#0072B2',
  ink: '#1b1b1b',
} as const;

export interface InspectionDoc {
  report: Report;
  kind: SendKind;
  /** inspectionStart, else letterDate, else inspectionEnd: the date the summary files it under. */
  date: string | null;
  /** Position in the input. */
  index: number;
  /** Fragment id of this inspection in its area's timeline. */
  anchor: string;
  area: AreaGroup;
}

export interface AreaGroup {
  key: string;
  name: string;
  region: string | null;
  /** `area-<slug>` is the section's id. */
  slug: string;
  docs: InspectionDoc[];
}

export interface ReportModel {
  /** SEND inspection documents, duplicates (same sha256) dropped, by area then date. */
  docs: InspectionDoc[];
  areas: AreaGroup[];
  /** Documents that are not SEND inspections, or could not be read. */
  notCounted: Report[];
  /** SEND documents already read under another name (same sha256). */
  duplicates: Report[];
}

const KIND_ORDER: Record<SendKind, number> = {
  'area-send-initial-2016': 0,
  'area-send-revisit-2016': 1,
  'area-send-full-2023': 2,
  'area-send-monitoring-2023': 3,
};

export const isSendKind = (k: Report['kind']): k is SendKind => (SEND_KINDS as readonly string[]).includes(k);

export function docDate(r: Report): string | null {
  return r.inspectionStart ?? r.letterDate ?? r.inspectionEnd ?? null;
}

export function buildModel(reports: Report[]): ReportModel {
  const seen = new Set<string>();
  const groups = new Map<string, AreaGroup>();
  const notCounted: Report[] = [];
  const duplicates: Report[] = [];
  const docs: InspectionDoc[] = [];
  reports.forEach((report, index) => {
    if (!isSendKind(report.kind)) {
      notCounted.push(report);
      return;
    }
    // The same rule as summarise(): one inspection read twice is counted once.
    if (report.sha256) {
      if (seen.has(report.sha256)) {
        duplicates.push(report);
        return;
      }
      seen.add(report.sha256);
    }
    const date = docDate(report);
    const authority = report.area ? resolveAuthority(report.area, date ?? undefined) : null;
    const written = report.area ? squash(report.area) : '';
    const key = authority ? authority.code : written ? `name:${written.toLowerCase()}` : `file:${report.file}`;
    let group = groups.get(key);
    if (!group) {
      const name = authority?.name ?? (written || `(no area named: ${report.file})`);
      group = { key, name, region: authority?.region ?? null, slug: '', docs: [] };
      groups.set(key, group);
    }
    const doc: InspectionDoc = { report, kind: report.kind, date, index, anchor: '', area: group };
    group.docs.push(doc);
    docs.push(doc);
  });
  const areas = [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'en') || a.key.localeCompare(b.key));
  const slugs = new Set<string>();
  for (const a of areas) {
    const base = slugify(a.name);
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    a.slug = slug;
    a.docs.sort((x, y) => (x.date ?? '').localeCompare(y.date ?? '') || KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || x.index - y.index);
    a.docs.forEach((d, i) => (d.anchor = `insp-${slug}-${i + 1}`));
  }
  return { docs: areas.flatMap((a) => a.docs), areas, notCounted, duplicates };
}

export interface BodyCount {
  body: string;
  items: number;
}

/**
 * Priority-action items per partnership of responsible bodies, most first; and the items
 * naming none. The same bodies in another order or spacing are one partnership, shown in
 * its most used spelling (the first seen on a tie).
 */
export function bodyCounts(docs: InspectionDoc[]): { bodies: BodyCount[]; unnamed: number; items: number } {
  // Per partnership: how often each spelling was used (their sum is the partnership's items).
  const groups = new Map<string, Map<string, number>>();
  let unnamed = 0;
  let items = 0;
  for (const d of docs) {
    for (const item of d.report.priorityActions) {
      items++;
      const body = item.body ? squash(item.body) : '';
      if (!body) {
        unnamed++;
        continue;
      }
      const key = partnershipKey(body);
      const spellings = groups.get(key) ?? new Map<string, number>();
      spellings.set(body, (spellings.get(body) ?? 0) + 1);
      groups.set(key, spellings);
    }
  }
  const bodies = [...groups.values()]
    .map((spellings) => {
      const used = [...spellings];
      return { body: used.reduce((best, s) => (s[1] > best[1] ? s : best))[0], items: used.reduce((n, s) => n + s[1], 0) };
    }).sort((a, b) => b.items - a.items || a.body.localeCompare(b.body, 'en'));
  return { bodies, unnamed, items };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "5 Feb 2024"; anything that is not an ISO date is returned as it is. */
export function formatDate(iso: string): string {
  const m = ISO.exec(iso);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** "5–9 Feb 2024", "29 Jan – 2 Feb 2024", or one date. */
export function formatRange(start: string | null, end: string | null): string {
  if (!start && !end) return '';
  if (!start || !end || start === end) return formatDate((start ?? end)!);
  const a = ISO.exec(start);
  const b = ISO.exec(end);
  if (!a || !b) return `${formatDate(start)} to ${formatDate(end)}`;
  if (a[1] === b[1] && a[2] === b[2]) return `${Number(a[3])}\u2013${formatDate(end)}`;
  if (a[1] === b[1]) return `${Number(a[3])} ${MONTHS[Number(a[2]) - 1]} \u2013 ${formatDate(end)}`;
  return `${formatDate(start)} \u2013 ${formatDate(end)}`;
}

/** "2 years 3 months", "5 months", "12 days". */
export function formatGap(from: string | null, to: string | null): string | null {
  const days = daysBetween(from && ISO.test(from) ? from : null, to && ISO.test(to) ? to : null);
  if (days === null || days <= 0) return null;
  const months = Math.round(days / 30.44);
  if (days < 31) return `${days} ${days === 1 ? "day" : "days"}`;
  const y = Math.floor(months / 12);
  const m = months % 12;
  const part = (n: number, w: string) => (n === 0 ? '' : `${n} ${w}${n === 1 ? '' : 's'}`);
  return [part(y, 'year'), part(m, 'month')].filter(Boolean).join(' ');
}
