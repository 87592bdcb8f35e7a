/**
 * Area timelines across both frameworks: for each area, its 2016-framework initial
 * inspection and revisit, its 2023-framework full inspection and monitoring, the
 * outcomes and the days between them.
 */
import type { Report } from '../types.js';
import { lookupArea, normaliseAreaName } from './authorities.js';

export interface TimelineRow {
  area: string;
  code: string | null;
  region: string | null;
  initial_date: string | null;
  initial_outcome: string | null;
  initial_significant_weaknesses: number | null;
  revisit_date: string | null;
  revisit_outcome: string | null;
  revisit_addressed: number | null;
  revisit_total: number | null;
  full_date: string | null;
  full_outcome: string | null;
  full_priority_actions: number | null;
  monitoring_date: string | null;
  monitoring_outcome: string | null;
  days_initial_to_revisit: number | null;
  days_to_full: number | null;
  days_full_to_monitoring: number | null;
  files: string;
}

export const TIMELINE_COLUMNS: readonly (keyof TimelineRow)[] = [
  'area', 'code', 'region',
  'initial_date', 'initial_outcome', 'initial_significant_weaknesses',
  'revisit_date', 'revisit_outcome', 'revisit_addressed', 'revisit_total',
  'full_date', 'full_outcome', 'full_priority_actions',
  'monitoring_date', 'monitoring_outcome',
  'days_initial_to_revisit', 'days_to_full', 'days_full_to_monitoring', 'files',
];

const dateOf = (r: Report): string | null => r.inspectionStart ?? r.letterDate ?? null;

export function daysBetween(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The latest document of a kind (by date, then file name, so the choice is stable). */
function latest(reports: Report[], kind: Report['kind']): Report | null {
  const of = reports.filter((r) => r.kind === kind).sort((x, y) => (dateOf(x) ?? '').localeCompare(dateOf(y) ?? '') || x.file.localeCompare(y.file));
  return of.at(-1) ?? null;
}

/** Areas are the same when the local authority table says so, else when their names are. */
function areaKey(r: Report): { key: string; name: string; code: string | null; region: string | null } {
  const name = r.area ?? '(no area named)';
  const found = r.area ? lookupArea(r.area, dateOf(r) ?? undefined) : null;
  return found ? { key: found.code, name: found.name, code: found.code, region: found.region } : { key: `name:${normaliseAreaName(name)}`, name, code: null, region: null };
}

export function timeline(reports: Report[], opts: { area?: string } = {}): TimelineRow[] {
  const groups = new Map<string, { name: string; code: string | null; region: string | null; reports: Report[] }>();
  for (const r of reports) {
    if (r.kind === 'error' || r.kind === 'not-send-inspection') continue;
    const k = areaKey(r);
    if (!groups.has(k.key)) groups.set(k.key, { name: k.name, code: k.code, region: k.region, reports: [] });
    groups.get(k.key)!.reports.push(r);
  }
  const wanted = opts.area ? normaliseAreaName(opts.area) : null;
  const rows: TimelineRow[] = [];
  for (const g of groups.values()) {
    if (wanted && !normaliseAreaName(g.name).includes(wanted) && !g.reports.some((r) => r.area && normaliseAreaName(r.area).includes(wanted))) continue;
    const initial = latest(g.reports, 'area-send-initial-2016');
    const revisit = latest(g.reports, 'area-send-revisit-2016');
    const full = latest(g.reports, 'area-send-full-2023');
    const monitoring = latest(g.reports, 'area-send-monitoring-2023');
    const before2023 = revisit ?? initial;
    rows.push({
      area: g.name,
      code: g.code,
      region: g.region,
      initial_date: initial ? dateOf(initial) : null,
      initial_outcome: initial?.outcome ?? null,
      initial_significant_weaknesses: initial ? initial.significantWeaknesses.length : null,
      revisit_date: revisit ? dateOf(revisit) : null,
      revisit_outcome: revisit?.outcome ?? null,
      revisit_addressed: revisit?.revisit?.addressed ?? null,
      revisit_total: revisit?.revisit?.total ?? null,
      full_date: full ? dateOf(full) : null,
      full_outcome: full?.outcome ?? null,
      full_priority_actions: full ? full.priorityActions.length : null,
      monitoring_date: monitoring ? dateOf(monitoring) : null,
      monitoring_outcome: monitoring?.outcome ?? null,
      days_initial_to_revisit: daysBetween(initial ? dateOf(initial) : null, revisit ? dateOf(revisit) : null),
      days_to_full: daysBetween(before2023 ? dateOf(before2023) : null, full ? dateOf(full) : null),
      days_full_to_monitoring: daysBetween(full ? dateOf(full) : null, monitoring ? dateOf(monitoring) : null),
      files: g.reports.map((r) => r.file).sort().join(';'),
    });
  }
  return rows.sort((a, b) => a.area.localeCompare(b.area));
}

export interface CrossFramework {
  /** Areas whose 2016-framework initial inspection required a WSoA, and no WSoA; by their 2023 outcome. */
  wsoa: Record<'positive' | 'inconsistent' | 'systemic-failings' | 'not-yet', number>;
  noWsoa: Record<'positive' | 'inconsistent' | 'systemic-failings' | 'not-yet', number>;
}

/** Of the areas that needed a WSoA, how many later had each 2023 outcome. */
export function crossFramework(rows: TimelineRow[]): CrossFramework {
  const empty = () => ({ positive: 0, inconsistent: 0, 'systemic-failings': 0, 'not-yet': 0 });
  const out: CrossFramework = { wsoa: empty(), noWsoa: empty() };
  for (const r of rows) {
    if (!r.initial_outcome) continue;
    const bucket = r.initial_outcome === 'wsoa-required' ? out.wsoa : out.noWsoa;
    const later = r.full_outcome as keyof CrossFramework['wsoa'] | null;
    bucket[later && later in bucket ? later : 'not-yet']++;
  }
  return out;
}
