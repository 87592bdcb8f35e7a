/**
 * National figures from a set of Report records, in the manner of Ofsted's published
 * analyses of area SEND inspections: outcomes per framework, WSoA / priority action plan
 * rates, revisit progress, and which themes the findings carry; nationally, per year of
 * inspection and per Ofsted region.
 *
 * JSON shape (`summaryToJson`), schema "sendmine-summary/1":
 *
 * {
 *   schema: "sendmine-summary/1",
 *   documents: { input, sendInspections, notSendInspection, errors, duplicates },
 *   themeIds: [ ...theme ids, taxonomy order, then any others seen ],
 *   national: Slice,
 *   byYear:   { "2017": Slice, ..., "unknown"?: Slice },      // year of inspectionStart, else letterDate
 *   byRegion: { "London": Slice, ..., "unknown"?: Slice },    // Ofsted region via lookupArea
 *   unknownAreas: [ { area, inspections, files } ]            // names the table does not know (still counted)
 * }
 * Slice = {
 *   inspections, areas,                                      // documents, distinct areas
 *   frameworks: {
 *     "2016": {
 *       inspections, areas,
 *       outcomes: { "wsoa-required", "no-wsoa", "sufficient-progress", "insufficient-progress" },  // documents
 *       unknownOutcome,
 *       initial:  { inspections, areas, wsoaRequired: Share (areas), significantWeaknesses },
 *       revisits: { inspections, areas, addressedAll: Share, addressedSome: Share, addressedNone: Share,
 *                   unknown, significantWeaknesses, addressed },
 *       latest:   { areas, outcomes: {...same keys}, unknownOutcome },   // each area's latest document
 *       themes: Themes
 *     },
 *     "2023": {
 *       inspections, areas,
 *       outcomes: { "positive", "inconsistent", "systemic-failings", "sufficient-progress", "insufficient-progress" },
 *       unknownOutcome,
 *       full:       { inspections, areas, outcomes: { "positive": Share, "inconsistent": Share, "systemic-failings": Share },
 *                     priorityActionPlans: Share, priorityActions },
 *       monitoring: { inspections, areas, outcomes: { "sufficient-progress": Share, "insufficient-progress": Share } },
 *       latest, themes
 *     }
 *   },
 *   themes: Themes                                           // both frameworks together
 * }
 * Themes = {
 *   lists: { mainFindings: { inspections, themes: { "<theme id>": n } }, strengths, ..., significantWeaknesses },
 *          // inspections = documents with >= 1 item in the list; themes[id] = documents with >= 1 such item carrying id
 *   rankings: { triggers | weaknesses | strengths | improvements:
 *               { lists, areas, themes: [ { theme, areas, share } ] } }   // by distinct areas, most first
 * }
 * Share = { count, total, share }   // share = count / total, null when total is 0
 */
import { crossFramework, timeline, type CrossFramework } from './timeline.js';
import { THEME_IDS } from '../nlp/taxonomy.js';
import type { DocumentKind, ItemListName, Report } from '../types.js';
import { ITEM_LISTS } from '../types.js';
import { REGIONS, resolveAuthority } from './authorities.js';

export const SUMMARY_SCHEMA = 'sendmine-summary/1' as const;

export type Framework = '2016' | '2023';
export const FRAMEWORKS: readonly Framework[] = ['2016', '2023'];

export const OUTCOMES_2016 = ['wsoa-required', 'no-wsoa', 'sufficient-progress', 'insufficient-progress'] as const;
export const OUTCOMES_2023 = ['positive', 'inconsistent', 'systemic-failings', 'sufficient-progress', 'insufficient-progress'] as const;
export type Outcome2016 = (typeof OUTCOMES_2016)[number];
export type Outcome2023 = (typeof OUTCOMES_2023)[number];
export const FULL_OUTCOMES = ['positive', 'inconsistent', 'systemic-failings'] as const;
export const PROGRESS_OUTCOMES = ['sufficient-progress', 'insufficient-progress'] as const;

/** Year or region key for documents whose year or region is not known. */
export const UNKNOWN = 'unknown';

export interface Share {
  count: number;
  total: number;
  /** count / total; null when total is 0. */
  share: number | null;
}

export interface ListThemes {
  /** Inspections with at least one item in this list (the denominator of a share). */
  inspections: number;
  /** Theme id -> inspections with at least one item of this list carrying it. */
  themes: Record<string, number>;
}

export const RANKINGS = {
  /** What made a WSoA (2016) or a priority action plan (2023) necessary. */
  triggers: ['significantWeaknesses', 'priorityActions'],
  weaknesses: ['weaknesses'],
  strengths: ['strengths'],
  improvements: ['improvements'],
} as const satisfies Record<string, readonly ItemListName[]>;
export type RankingName = keyof typeof RANKINGS;

export interface Ranking {
  lists: ItemListName[];
  /** Areas with at least one item in these lists. */
  areas: number;
  /** Themes carried by at least one area's items, most areas first. */
  themes: { theme: string; areas: number; share: number | null }[];
}

export interface ThemeSummary {
  lists: Record<ItemListName, ListThemes>;
  rankings: Record<RankingName, Ranking>;
}

export interface LatestView<O extends string> {
  /** Areas with a document of this framework; each counted once, by its latest document. */
  areas: number;
  outcomes: Record<O, number>;
  unknownOutcome: number;
}

export interface Framework2016Summary {
  inspections: number;
  areas: number;
  outcomes: Record<Outcome2016, number>;
  unknownOutcome: number;
  initial: {
    inspections: number;
    areas: number;
    /** Areas whose latest initial inspection required a WSoA, of areas with an initial inspection. */
    wsoaRequired: Share;
    /** Areas of significant weakness listed in the initial letters. */
    significantWeaknesses: number;
  };
  revisits: {
    inspections: number;
    areas: number;
    /** Of revisits: sufficient progress in all / some / none of the significant weaknesses. */
    addressedAll: Share;
    addressedSome: Share;
    addressedNone: Share;
    /** Revisits whose letter gave no count. */
    unknown: number;
    /** Significant weaknesses revisited, and how many of them were addressed. */
    significantWeaknesses: number;
    addressed: number;
  };
  latest: LatestView<Outcome2016>;
  themes: ThemeSummary;
}

export interface Framework2023Summary {
  inspections: number;
  areas: number;
  outcomes: Record<Outcome2023, number>;
  unknownOutcome: number;
  full: {
    inspections: number;
    areas: number;
    outcomes: Record<(typeof FULL_OUTCOMES)[number], Share>;
    priorityActionPlans: Share;
    /** Areas for priority action listed in the reports. */
    priorityActions: number;
  };
  monitoring: {
    inspections: number;
    areas: number;
    outcomes: Record<(typeof PROGRESS_OUTCOMES)[number], Share>;
  };
  latest: LatestView<Outcome2023>;
  themes: ThemeSummary;
}

export interface SummarySlice {
  inspections: number;
  areas: number;
  frameworks: { '2016': Framework2016Summary; '2023': Framework2023Summary };
  themes: ThemeSummary;
}

export interface UnknownArea {
  /** The name as the document gives it; null when it names none. */
  area: string | null;
  inspections: number;
  files: string[];
}

export interface Summary {
  schema: typeof SUMMARY_SCHEMA;
  documents: {
    input: number;
    sendInspections: number;
    notSendInspection: number;
    errors: number;
    /** Same sha256 as an earlier document: one inspection read twice, counted once. */
    duplicates: number;
  };
  themeIds: string[];
  national: SummarySlice;
  byYear: Record<string, SummarySlice>;
  byRegion: Record<string, SummarySlice>;
  unknownAreas: UnknownArea[];
  /** Of the areas whose initial 2016-framework inspection required a WSoA (or not), their later 2023 outcome. */
  crossFramework: CrossFramework;
}

const FRAMEWORK_OF: Partial<Record<DocumentKind, Framework>> = {
  'area-send-initial-2016': '2016',
  'area-send-revisit-2016': '2016',
  'area-send-full-2023': '2023',
  'area-send-monitoring-2023': '2023',
};

// Same-day documents of one area: the later stage of the cycle is the newer news.
const KIND_ORDER: Partial<Record<DocumentKind, number>> = {
  'area-send-initial-2016': 0,
  'area-send-revisit-2016': 1,
  'area-send-full-2023': 0,
  'area-send-monitoring-2023': 1,
};

/** One SEND document with what the summary needs to know about it, worked out once. */
interface Doc {
  report: Report;
  framework: Framework;
  kind: DocumentKind;
  date: string;
  year: string;
  /** Identity of the area: the authority's newest code, else the name as written, else the file. */
  areaKey: string;
  region: string;
  index: number;
}

export function share(count: number, total: number): Share {
  return { count, total, share: total > 0 ? count / total : null };
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

const distinct = (docs: Doc[]) => new Set(docs.map((d) => d.areaKey)).size;

function reportDate(r: Report): string {
  return r.inspectionStart ?? r.letterDate ?? r.inspectionEnd ?? '';
}

function toDocs(reports: Report[]): { docs: Doc[]; unknownAreas: UnknownArea[] } {
  const docs: Doc[] = [];
  const unknown = new Map<string, UnknownArea>();
  reports.forEach((report, index) => {
    const kind = report.kind as DocumentKind;
    const framework = FRAMEWORK_OF[kind];
    if (!framework) return;
    const date = reportDate(report);
    const year = /^\d{4}/.test(date) ? date.slice(0, 4) : UNKNOWN;
    const authority = report.area ? resolveAuthority(report.area, date || undefined) : null;
    let areaKey: string;
    if (authority) areaKey = authority.code;
    else {
      const name = report.area?.trim() || null;
      areaKey = name ? `name:${name.toLowerCase()}` : `file:${report.file}`;
      const entry = unknown.get(areaKey) ?? { area: name, inspections: 0, files: [] };
      entry.inspections++;
      entry.files.push(report.file);
      unknown.set(areaKey, entry);
    }
    docs.push({ report, framework, kind, date, year, areaKey, region: authority?.region ?? UNKNOWN, index });
  });
  return { docs, unknownAreas: [...unknown.values()] };
}

/** Each area's latest document (by date, then stage of the cycle, then input order). */
function latestPerArea(docs: Doc[]): Doc[] {
  const best = new Map<string, Doc>();
  const newer = (a: Doc, b: Doc) =>
    a.date !== b.date ? a.date > b.date : KIND_ORDER[a.kind]! !== KIND_ORDER[b.kind]! ? KIND_ORDER[a.kind]! > KIND_ORDER[b.kind]! : a.index > b.index;
  for (const d of docs) {
    const current = best.get(d.areaKey);
    if (!current || newer(d, current)) best.set(d.areaKey, d);
  }
  return [...best.values()];
}

function countOutcomes<O extends string>(docs: Doc[], keys: readonly O[]): { outcomes: Record<O, number>; unknownOutcome: number } {
  const outcomes = zeros(keys);
  let unknownOutcome = 0;
  for (const d of docs) {
    const o = d.report.outcome as O | null;
    if (o && (keys as readonly string[]).includes(o)) outcomes[o]++;
    else unknownOutcome++;
  }
  return { outcomes, unknownOutcome };
}

function themesOf(docs: Doc[], themeIds: string[]): ThemeSummary {
  const lists = {} as Record<ItemListName, ListThemes>;
  for (const list of ITEM_LISTS) {
    const themes = zeros(themeIds);
    let inspections = 0;
    for (const d of docs) {
      const items = d.report[list];
      if (items.length === 0) continue;
      inspections++;
      const carried = new Set(items.flatMap((i) => i.themes ?? []));
      for (const t of carried) themes[t] = (themes[t] ?? 0) + 1;
    }
    lists[list] = { inspections, themes };
  }
  const rankings = {} as Record<RankingName, Ranking>;
  for (const [name, rankLists] of Object.entries(RANKINGS) as [RankingName, readonly ItemListName[]][]) {
    const areasWithItems = new Set<string>();
    const areasByTheme = new Map<string, Set<string>>();
    for (const d of docs) {
      const items = rankLists.flatMap((l) => d.report[l]);
      if (items.length === 0) continue;
      areasWithItems.add(d.areaKey);
      for (const t of new Set(items.flatMap((i) => i.themes ?? []))) {
        const set = areasByTheme.get(t) ?? new Set<string>();
        set.add(d.areaKey);
        areasByTheme.set(t, set);
      }
    }
    const total = areasWithItems.size;
    const themes = themeIds
      .filter((t) => areasByTheme.has(t))
      .map((t) => ({ theme: t, areas: areasByTheme.get(t)!.size, share: share(areasByTheme.get(t)!.size, total).share }))
      // Stable sort: ties keep taxonomy order.
      .sort((a, b) => b.areas - a.areas);
    rankings[name] = { lists: [...rankLists], areas: total, themes };
  }
  return { lists, rankings };
}

function framework2016(docs: Doc[], themeIds: string[]): Framework2016Summary {
  const initial = docs.filter((d) => d.kind === 'area-send-initial-2016');
  const revisits = docs.filter((d) => d.kind === 'area-send-revisit-2016');
  const latestInitial = latestPerArea(initial);
  const counted = revisits.filter((d) => d.report.revisit && d.report.revisit.total > 0);
  const all = counted.filter((d) => d.report.revisit!.addressed >= d.report.revisit!.total).length;
  const none = counted.filter((d) => d.report.revisit!.addressed === 0).length;
  const latest = latestPerArea(docs);
  return {
    inspections: docs.length,
    areas: distinct(docs),
    ...countOutcomes(docs, OUTCOMES_2016),
    initial: {
      inspections: initial.length,
      areas: latestInitial.length,
      wsoaRequired: share(latestInitial.filter((d) => d.report.outcome === 'wsoa-required').length, latestInitial.length),
      significantWeaknesses: initial.reduce((n, d) => n + d.report.significantWeaknesses.length, 0),
    },
    revisits: {
      inspections: revisits.length,
      areas: distinct(revisits),
      addressedAll: share(all, revisits.length),
      addressedSome: share(counted.length - all - none, revisits.length),
      addressedNone: share(none, revisits.length),
      unknown: revisits.length - counted.length,
      significantWeaknesses: counted.reduce((n, d) => n + d.report.revisit!.total, 0),
      addressed: counted.reduce((n, d) => n + Math.min(d.report.revisit!.addressed, d.report.revisit!.total), 0),
    },
    latest: { areas: latest.length, ...countOutcomes(latest, OUTCOMES_2016) },
    themes: themesOf(docs, themeIds),
  };
}

function framework2023(docs: Doc[], themeIds: string[]): Framework2023Summary {
  const full = docs.filter((d) => d.kind === 'area-send-full-2023');
  const monitoring = docs.filter((d) => d.kind === 'area-send-monitoring-2023');
  const latest = latestPerArea(docs);
  const shares = <O extends string>(group: Doc[], keys: readonly O[]) =>
    Object.fromEntries(keys.map((k) => [k, share(group.filter((d) => d.report.outcome === k).length, group.length)])) as Record<O, Share>;
  return {
    inspections: docs.length,
    areas: distinct(docs),
    ...countOutcomes(docs, OUTCOMES_2023),
    full: {
      inspections: full.length,
      areas: distinct(full),
      outcomes: shares(full, FULL_OUTCOMES),
      priorityActionPlans: share(full.filter((d) => d.report.actionPlan === 'priority-action-plan').length, full.length),
      priorityActions: full.reduce((n, d) => n + d.report.priorityActions.length, 0),
    },
    monitoring: {
      inspections: monitoring.length,
      areas: distinct(monitoring),
      outcomes: shares(monitoring, PROGRESS_OUTCOMES),
    },
    latest: { areas: latest.length, ...countOutcomes(latest, OUTCOMES_2023) },
    themes: themesOf(docs, themeIds),
  };
}

function slice(docs: Doc[], themeIds: string[]): SummarySlice {
  return {
    inspections: docs.length,
    areas: distinct(docs),
    frameworks: {
      '2016': framework2016(docs.filter((d) => d.framework === '2016'), themeIds),
      '2023': framework2023(docs.filter((d) => d.framework === '2023'), themeIds),
    },
    themes: themesOf(docs, themeIds),
  };
}

function groupBy(docs: Doc[], key: (d: Doc) => string, order: (a: string, b: string) => number, themeIds: string[]): Record<string, SummarySlice> {
  const groups = new Map<string, Doc[]>();
  for (const d of docs) groups.set(key(d), [...(groups.get(key(d)) ?? []), d]);
  return Object.fromEntries([...groups.keys()].sort(order).map((k) => [k, slice(groups.get(k)!, themeIds)]));
}

// "unknown" sorts last; years ascending; regions in the table's order.
const unknownLast = (rank: (k: string) => number | string) => (a: string, b: string) => {
  if (a === UNKNOWN || b === UNKNOWN) return (a === UNKNOWN ? 1 : 0) - (b === UNKNOWN ? 1 : 0);
  const ra = rank(a);
  const rb = rank(b);
  return ra < rb ? -1 : ra > rb ? 1 : 0;
};

/** Everything the summary reports, from extracted (or gold-built) Report records. */
export function summarise(reports: Report[]): Summary {
  const seen = new Set<string>();
  let duplicates = 0;
  const unique = reports.filter((r) => {
    if (r.kind === 'error' || r.kind === 'not-send-inspection' || !r.sha256) return true;
    if (seen.has(r.sha256)) {
      duplicates++;
      return false;
    }
    seen.add(r.sha256);
    return true;
  });
  const { docs, unknownAreas } = toDocs(unique);
  const extra = [...new Set(docs.flatMap((d) => ITEM_LISTS.flatMap((l) => d.report[l].flatMap((i) => i.themes ?? []))))]
    .filter((t) => !THEME_IDS.includes(t))
    .sort();
  const themeIds = [...THEME_IDS, ...extra];
  return {
    schema: SUMMARY_SCHEMA,
    documents: {
      input: reports.length,
      sendInspections: docs.length,
      notSendInspection: reports.filter((r) => r.kind === 'not-send-inspection').length,
      errors: reports.filter((r) => r.kind === 'error').length,
      duplicates,
    },
    themeIds,
    national: slice(docs, themeIds),
    byYear: groupBy(docs, (d) => d.year, unknownLast((k) => k), themeIds),
    byRegion: groupBy(docs, (d) => d.region, unknownLast((k) => REGIONS.indexOf(k)), themeIds),
    unknownAreas,
    crossFramework: crossFramework(timeline(unique)),
  };
}
