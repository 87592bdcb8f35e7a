/**
 * Reconciling what the letters say with Ofsted's official outcome data: each SEND report is
 * matched to the official record of the same area (through the local authority table, so
 * spellings and reorganisations do not matter), the same kind of inspection and the same
 * start date (or the nearest within MATCH_WINDOW_DAYS), and the fields both know are compared.
 */
import type { Report } from '../types.js';
import type { OfficialKind, OfficialRecord, RevisitOutcome } from '../ingest/official.js';
import { OFFICIAL_KINDS } from '../ingest/official.js';
import { AUTHORITIES, codeOn, resolveAuthority, type Authority } from './authorities.js';

export const RECONCILE_SCHEMA = 'sendmine-reconcile/1' as const;

/** A report and an official record of one area and kind match when their start dates are at most this far apart. */
export const MATCH_WINDOW_DAYS = 60;

export const RECONCILE_FIELDS = [
  'wsoaRequired',
  'significantWeaknesses',
  'revisitOutcome',
  'revisitAddressed',
  'revisitTotal',
  'outcome',
  'priorityActionPlan',
  'priorityActions',
] as const;
export type ReconcileField = (typeof RECONCILE_FIELDS)[number];

export const FIELD_LABELS: Record<ReconcileField, string> = {
  wsoaRequired: 'written statement of action required',
  significantWeaknesses: 'number of significant weaknesses',
  revisitOutcome: 'revisit: weaknesses with sufficient progress (all/some/none)',
  revisitAddressed: 'revisit: number of weaknesses addressed',
  revisitTotal: 'revisit: number of weaknesses revisited',
  outcome: '2023 outcome',
  priorityActionPlan: 'priority action plan required',
  priorityActions: 'number of areas for priority action',
};

/** The fields compared for each kind. */
export const FIELDS_BY_KIND: Record<OfficialKind, readonly ReconcileField[]> = {
  'area-send-initial-2016': ['wsoaRequired', 'significantWeaknesses'],
  'area-send-revisit-2016': ['revisitOutcome', 'revisitAddressed', 'revisitTotal'],
  'area-send-full-2023': ['outcome', 'priorityActionPlan', 'priorityActions'],
};

/**
 * A value as one side states it. A revisit letter that says only that progress was
 * insufficient, without counts, gives `revisitOutcome: 'some-or-none'`.
 */
export type FieldValue = string | number | boolean | null;

export interface FieldComparison {
  field: ReconcileField;
  /** null: the letter does not say (extraction found nothing). */
  letter: FieldValue;
  official: FieldValue;
  agree: boolean;
}

export interface FieldAgreement {
  field: ReconcileField;
  label: string;
  /** Matched pairs where the official data states this field. */
  compared: number;
  agree: number;
  disagree: number;
}

export interface Disagreement {
  area: string;
  kind: OfficialKind;
  field: ReconcileField;
  letter: FieldValue;
  official: FieldValue;
  /** The report's file. */
  file: string;
  /** The official data file and row. */
  source: string;
  row: number;
}

export interface ReconcileMatch {
  file: string;
  kind: OfficialKind;
  /** The area as the report names it, and as the official data names it. */
  area: string;
  officialArea: string;
  /** ONS code of the area on the inspection date. */
  code: string;
  reportStart: string | null;
  officialStart: string;
  /** Days between the two start dates; null when the report gives none (matched as the area's only record of its kind). */
  daysApart: number | null;
  source: string;
  row: number;
  fields: FieldComparison[];
}

export interface UnmatchedReport {
  file: string;
  kind: string;
  area: string | null;
  inspectionStart: string | null;
  reason: string;
}

export interface UnmatchedOfficial {
  source: string;
  row: number;
  kind: OfficialKind;
  area: string;
  laCode: string | null;
  inspectionStart: string;
}

export interface IgnoredReport {
  file: string;
  kind: string;
  reason: string;
}

export interface ReconcileResult {
  schema: typeof RECONCILE_SCHEMA;
  /** The official files read, with how many records each gave, by kind. */
  sources: { source: string; records: number; kinds: Partial<Record<OfficialKind, number>> }[];
  counts: {
    reports: number;
    /** Reports of an inspection kind the official data could hold. */
    sendReports: number;
    officialRecords: number;
    matched: number;
    unmatchedReports: number;
    unmatchedOfficial: number;
    ignored: number;
    disagreements: number;
  };
  /** Per field, in RECONCILE_FIELDS order; fields never compared are left out. */
  agreement: FieldAgreement[];
  disagreements: Disagreement[];
  matches: ReconcileMatch[];
  unmatchedReports: UnmatchedReport[];
  unmatchedOfficial: UnmatchedOfficial[];
  /** Not SEND inspections, failed extractions, duplicates (same sha256 as an earlier report). */
  ignored: IgnoredReport[];
  /** Official rows whose area the local authority table does not know, or whose code is not that area's. */
  warnings: string[];
}

export interface ReconcileOptions {
  windowDays?: number;
}

// ---------------------------------------------------------------------------------------------
// Areas.

const BY_CODE = new Map<string, Authority>();
for (const a of AUTHORITIES) {
  BY_CODE.set(a.code, a);
  for (const f of a.formerCodes ?? []) if (!BY_CODE.has(f.code)) BY_CODE.set(f.code, a);
}

function codesOf(a: Authority): string[] {
  return [a.code, ...(a.formerCodes ?? []).map((f) => f.code)];
}

interface ResolvedArea {
  authority: Authority;
  /** Code in force on the date. */
  code: string;
}

function resolve(name: string | null, date: string | null, laCode?: string): ResolvedArea | null {
  const byName = name ? resolveAuthority(name, date ?? undefined) : null;
  const authority = byName ?? (laCode ? (BY_CODE.get(laCode) ?? null) : null);
  return authority ? { authority, code: codeOn(authority, date ?? undefined) } : null;
}

// ---------------------------------------------------------------------------------------------
// Values as each side states them.

const DAY = 86_400_000;
function daysBetween(a: string, b: string): number {
  return Math.round(Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) / DAY);
}

function letterRevisitOutcome(r: Report): RevisitOutcome | 'some-or-none' | null {
  if (r.revisit) {
    if (r.revisit.addressed >= r.revisit.total) return 'all';
    return r.revisit.addressed === 0 ? 'none' : 'some';
  }
  if (r.outcome === 'sufficient-progress') return 'all';
  if (r.outcome === 'insufficient-progress') return 'some-or-none';
  return null;
}

function letterValue(r: Report, field: ReconcileField): FieldValue {
  switch (field) {
    case 'wsoaRequired':
      if (r.outcome === 'wsoa-required') return true;
      if (r.outcome === 'no-wsoa') return false;
      return r.actionPlan === 'written-statement-of-action' ? true : null;
    case 'significantWeaknesses':
      return r.significantWeaknesses.length;
    case 'revisitOutcome':
      return letterRevisitOutcome(r);
    case 'revisitAddressed':
      return r.revisit?.addressed ?? null;
    case 'revisitTotal':
      return r.revisit?.total ?? null;
    case 'outcome':
      return r.outcome;
    case 'priorityActionPlan':
      if (r.actionPlan === 'priority-action-plan') return true;
      return r.outcome === null ? null : false;
    case 'priorityActions':
      return r.priorityActions.length;
  }
}

/** undefined: the official data does not state it, so it is not compared. */
function officialValue(o: OfficialRecord, field: ReconcileField): FieldValue | undefined {
  switch (field) {
    case 'wsoaRequired':
      return o.wsoaRequired;
    case 'significantWeaknesses':
      // Blank where no WSoA was required: none named.
      return o.significantWeaknesses ?? (o.wsoaRequired === false ? 0 : undefined);
    case 'revisitOutcome':
      return o.revisitOutcome;
    case 'revisitAddressed':
      return o.revisit?.addressed;
    case 'revisitTotal':
      return o.revisit?.total;
    case 'outcome':
      return o.outcome;
    case 'priorityActionPlan':
      return o.priorityActionPlan;
    case 'priorityActions':
      // "NA" where no plan was required: no areas for priority action.
      return o.priorityActions ?? (o.priorityActionPlan === false ? 0 : undefined);
  }
}

function same(field: ReconcileField, letter: FieldValue, official: FieldValue): boolean {
  if (field === 'revisitOutcome' && letter === 'some-or-none') return official === 'some' || official === 'none';
  return letter === official;
}

export function compareFields(report: Report, official: OfficialRecord): FieldComparison[] {
  const out: FieldComparison[] = [];
  for (const field of FIELDS_BY_KIND[official.kind]) {
    const o = officialValue(official, field);
    if (o === undefined) continue;
    const l = letterValue(report, field);
    out.push({ field, letter: l, official: o, agree: same(field, l, o) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function isOfficialKind(kind: string): kind is OfficialKind {
  return (OFFICIAL_KINDS as readonly string[]).includes(kind);
}

interface OfficialEntry {
  record: OfficialRecord;
  area: ResolvedArea | null;
  matched: boolean;
}

export function reconcile(reports: Report[], official: OfficialRecord[], options: ReconcileOptions = {}): ReconcileResult {
  const window = options.windowDays ?? MATCH_WINDOW_DAYS;
  const warnings: string[] = [];

  const entries: OfficialEntry[] = official.map((record) => {
    const area = resolve(record.area, record.inspectionStart, record.laCode);
    if (!area) {
      warnings.push(`${record.source} row ${record.row}: area "${record.area}"${record.laCode ? ` (${record.laCode})` : ''} is not in the local authority table`);
    } else if (record.laCode && !codesOf(area.authority).includes(record.laCode)) {
      const byCode = BY_CODE.get(record.laCode);
      warnings.push(
        `${record.source} row ${record.row}: "${record.area}" is ${area.authority.name} (${area.code}) by name but the row's code ${record.laCode} is ${byCode ? byCode.name : 'not a known code'}`,
      );
    }
    return { record, area, matched: false };
  });
  const byAuthority = new Map<Authority, OfficialEntry[]>();
  for (const e of entries) {
    if (!e.area) continue;
    const list = byAuthority.get(e.area.authority) ?? [];
    list.push(e);
    byAuthority.set(e.area.authority, list);
  }
  const kindRange = new Map<OfficialKind, { first: string; last: string }>();
  for (const o of official) {
    const r = kindRange.get(o.kind);
    if (!r) kindRange.set(o.kind, { first: o.inspectionStart, last: o.inspectionStart });
    else {
      if (o.inspectionStart < r.first) r.first = o.inspectionStart;
      if (o.inspectionStart > r.last) r.last = o.inspectionStart;
    }
  }

  const ignored: IgnoredReport[] = [];
  const unmatchedReports: UnmatchedReport[] = [];
  const matches: ReconcileMatch[] = [];
  const seen = new Map<string, string>();
  let sendReports = 0;

  for (const report of reports) {
    if (report.kind === 'error' || report.kind === 'not-send-inspection') {
      ignored.push({ file: report.file, kind: report.kind, reason: report.reason ?? (report.kind === 'error' ? 'could not be read' : 'not an area SEND inspection') });
      continue;
    }
    if (report.sha256) {
      const first = seen.get(report.sha256);
      if (first) {
        ignored.push({ file: report.file, kind: report.kind, reason: `same document as ${first}` });
        continue;
      }
      seen.set(report.sha256, report.file);
    }
    const unmatched = (reason: string) =>
      unmatchedReports.push({ file: report.file, kind: report.kind, area: report.area, inspectionStart: report.inspectionStart, reason });
    if (!isOfficialKind(report.kind)) {
      unmatched(`official outcome data has no ${report.kind} records`);
      continue;
    }
    sendReports++;
    const kind = report.kind;
    if (!report.area) {
      unmatched('the report names no area');
      continue;
    }
    const date = report.inspectionStart ?? report.letterDate;
    const area = resolve(report.area, date);
    if (!area) {
      unmatched(`area "${report.area}" is not in the local authority table`);
      continue;
    }
    const candidates = (byAuthority.get(area.authority) ?? []).filter((e) => e.record.kind === kind);
    let chosen: OfficialEntry | null = null;
    let daysApart: number | null = null;
    if (report.inspectionStart) {
      const start = report.inspectionStart;
      const ranked = candidates
        .map((e) => ({ e, days: daysBetween(start, e.record.inspectionStart) }))
        .sort((a, b) => a.days - b.days);
      if (ranked.length > 0 && ranked[0].days <= window) {
        chosen = ranked[0].e;
        daysApart = ranked[0].days;
      } else if (ranked.length > 0) {
        unmatched(`nearest official ${kind} record for ${area.authority.name} starts ${ranked[0].e.record.inspectionStart} (${ranked[0].days} days apart; window ${window})`);
        continue;
      } else {
        const range = kindRange.get(kind);
        unmatched(
          !range
            ? `official outcome data has no ${kind} records`
            : start < range.first || start > range.last
              ? `inspected ${start}, outside the official data's ${kind} inspections (${range.first} to ${range.last})`
              : `no official ${kind} record for ${area.authority.name}`,
        );
        continue;
      }
    } else if (candidates.length === 1) {
      chosen = candidates[0];
    } else {
      unmatched(
        candidates.length === 0
          ? `no official ${kind} record for ${area.authority.name}`
          : `the report gives no inspection date and ${candidates.length} official ${kind} records for ${area.authority.name} could be it`,
      );
      continue;
    }
    chosen.matched = true;
    const o = chosen.record;
    matches.push({
      file: report.file,
      kind,
      area: report.area,
      officialArea: o.area,
      code: area.code,
      reportStart: report.inspectionStart,
      officialStart: o.inspectionStart,
      daysApart,
      source: o.source,
      row: o.row,
      fields: compareFields(report, o),
    });
  }

  const agreement: FieldAgreement[] = [];
  for (const field of RECONCILE_FIELDS) {
    const all = matches.flatMap((m) => m.fields.filter((f) => f.field === field));
    if (all.length === 0) continue;
    const agree = all.filter((f) => f.agree).length;
    agreement.push({ field, label: FIELD_LABELS[field], compared: all.length, agree, disagree: all.length - agree });
  }
  const disagreements: Disagreement[] = matches.flatMap((m) =>
    m.fields
      .filter((f) => !f.agree)
      .map((f) => ({ area: m.officialArea, kind: m.kind, field: f.field, letter: f.letter, official: f.official, file: m.file, source: m.source, row: m.row })),
  );
  const unmatchedOfficial: UnmatchedOfficial[] = entries
    .filter((e) => !e.matched)
    .map(({ record: o }) => ({ source: o.source, row: o.row, kind: o.kind, area: o.area, laCode: o.laCode ?? null, inspectionStart: o.inspectionStart }));

  const sources = new Map<string, { source: string; records: number; kinds: Partial<Record<OfficialKind, number>> }>();
  for (const o of official) {
    const s = sources.get(o.source) ?? { source: o.source, records: 0, kinds: {} };
    s.records++;
    s.kinds[o.kind] = (s.kinds[o.kind] ?? 0) + 1;
    sources.set(o.source, s);
  }

  return {
    schema: RECONCILE_SCHEMA,
    sources: [...sources.values()],
    counts: {
      reports: reports.length,
      sendReports,
      officialRecords: official.length,
      matched: matches.length,
      unmatchedReports: unmatchedReports.length,
      unmatchedOfficial: unmatchedOfficial.length,
      ignored: ignored.length,
      disagreements: disagreements.length,
    },
    agreement,
    disagreements,
    matches,
    unmatchedReports,
    unmatchedOfficial,
    ignored,
    warnings,
  };
}
