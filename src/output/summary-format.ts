/**
 * Presenting a Summary (src/analyse/summary.ts): a terminal report with tables and bars,
 * Markdown for a write-up, the JSON data, and a long CSV for pivot tables.
 */
import chalk, { Chalk, type ChalkInstance } from 'chalk';
import {
  FULL_OUTCOMES,
  OUTCOMES_2016,
  OUTCOMES_2023,
  PROGRESS_OUTCOMES,
  RANKINGS,
  UNKNOWN,
  type Framework,
  type RankingName,
  type Share,
  type Summary,
  type SummarySlice,
  type ThemeSummary,
} from '../analyse/summary.js';
import { THEME_LABELS } from '../nlp/taxonomy.js';
import { ITEM_LISTS, type ItemListName } from '../types.js';
import { toCsv } from './csv.js';

export interface SummaryFormatOptions {
  color: boolean;
}

const OUTCOME_LABELS: Record<string, string> = {
  'wsoa-required': 'WSoA required',
  'no-wsoa': 'no WSoA',
  'sufficient-progress': 'sufficient progress',
  'insufficient-progress': 'insufficient progress',
  positive: 'typically positive experiences and outcomes',
  inconsistent: 'inconsistent experiences and outcomes',
  'systemic-failings': 'widespread or systemic failings',
};

const LIST_LABELS: Record<ItemListName, string> = {
  mainFindings: 'main findings',
  strengths: 'strengths',
  weaknesses: 'weaknesses',
  priorityActions: 'priority actions',
  improvements: 'improvements',
  significantWeaknesses: 'significant weaknesses',
};

const RANKING_TITLES: Record<RankingName, string> = {
  triggers: 'Themes among areas of significant weakness and areas for priority action (what made a WSoA or priority action plan necessary)',
  weaknesses: 'Themes among weaknesses (areas for development / what the area needs to do better)',
  strengths: 'Themes among strengths',
  improvements: 'Themes among areas for improvement (2023 framework)',
};

const RANKING_ROLE: Record<RankingName, string> = {
  triggers: 'an area of significant weakness or priority action',
  weaknesses: 'a weakness',
  strengths: 'a strength',
  improvements: 'an area for improvement',
};

// ---------------------------------------------------------------------------------------------
// Shared wording

export function pct(value: number | null): string {
  return value === null ? 'n/a' : `${Math.round(value * 100)}%`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const themeLabel = (id: string) => THEME_LABELS[id] ?? id;
const regionLabel = (r: string) => (r === UNKNOWN ? 'unknown region' : r);
const yearLabel = (y: string) => (y === UNKNOWN ? 'unknown year' : y);

/** "9 of 30 areas (30%)". */
export function ofPhrase(s: Share, noun = 'area', nouns = `${noun}s`): string {
  return `${s.count} of ${plural(s.total, noun, nouns)} (${pct(s.share)})`;
}

/** Headline sentences in the manner of Ofsted's published analyses, for one slice. */
export function headlines(s: SummarySlice): { framework2016: string[]; framework2023: string[]; themes: string[] } {
  const f16 = s.frameworks['2016'];
  const f23 = s.frameworks['2023'];
  const out16: string[] = [];
  if (f16.initial.inspections > 0) {
    out16.push(`${ofPhrase(f16.initial.wsoaRequired)} had to produce a Written Statement of Action.`);
    if (f16.initial.significantWeaknesses > 0) out16.push(`${plural(f16.initial.significantWeaknesses, 'significant weakness', 'significant weaknesses')} ${f16.initial.significantWeaknesses === 1 ? 'was' : 'were'} identified.`);
  }
  if (f16.revisits.inspections > 0) {
    const r = f16.revisits;
    out16.push(
      `Of ${plural(r.inspections, 'revisit')}, ${r.addressedAll.count} found sufficient progress in addressing all significant weaknesses, ` +
        `${r.addressedSome.count} in some and ${r.addressedNone.count} in none` +
        (r.unknown > 0 ? ` (${r.unknown} without a count)` : '') + '.',
    );
  }
  const out23: string[] = [];
  if (f23.full.inspections > 0) {
    const o = f23.full.outcomes;
    out23.push(
      `Of ${plural(f23.full.inspections, 'full inspection')}, ${o.positive.count} (${pct(o.positive.share)}) found typically positive experiences and outcomes, ` +
        `${o.inconsistent.count} (${pct(o.inconsistent.share)}) inconsistent experiences and outcomes and ` +
        `${o['systemic-failings'].count} (${pct(o['systemic-failings'].share)}) widespread or systemic failings.`,
    );
    out23.push(`${ofPhrase(f23.full.priorityActionPlans)} had to produce a priority action plan.`);
  }
  if (f23.monitoring.inspections > 0) {
    const m = f23.monitoring.outcomes;
    out23.push(
      `Of ${plural(f23.monitoring.inspections, 'monitoring inspection')}, ${m['sufficient-progress'].count} found sufficient progress and ` +
        `${m['insufficient-progress'].count} insufficient progress.`,
    );
  }
  const themes: string[] = [];
  for (const name of ['triggers', 'weaknesses'] as RankingName[]) {
    const r = s.themes.rankings[name];
    const top = r.themes[0];
    if (!top) continue;
    themes.push(`${themeLabel(top.theme)} was ${RANKING_ROLE[name]} in ${ofPhrase({ count: top.areas, total: r.areas, share: top.share })}.`);
  }
  return { framework2016: out16, framework2023: out23, themes };
}

// ---------------------------------------------------------------------------------------------
// Terminal

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `width` cells for a share from 0 to 1, in eighths of a cell. */
export function bar(value: number | null, width = 20): string {
  const v = Math.max(0, Math.min(1, value ?? 0));
  const eighths = Math.round(v * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

const ANSI = /\x1b\[[0-9;]*m/g;
const visible = (s: string) => s.replace(ANSI, '').length;

/** Columns padded by visible width (colour codes do not count); first column left-aligned. */
function table(rows: string[][], align?: ('l' | 'r')[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visible(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const gap = ' '.repeat(widths[i] - visible(cell));
        return (align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'l' ? cell + gap : gap + cell;
      })
      .join('  ')
      .trimEnd(),
  );
}

const cnt = (s: Share) => (s.total > 0 ? `${s.count} (${pct(s.share)})` : '');

function terminalThemes(c: ChalkInstance, out: string[], themes: ThemeSummary, themeIds: string[]) {
  const lists = ITEM_LISTS.filter((l) => themes.lists[l].inspections > 0);
  if (lists.length === 0) return;
  out.push(c.bold('Themes: inspections with at least one finding carrying the theme, by list'));
  const rows = [
    ['theme', ...lists.map((l) => LIST_LABELS[l])].map((h) => c.dim(h)),
    [c.dim('inspections with the list'), ...lists.map((l) => c.dim(String(themes.lists[l].inspections)))],
    ...themeIds.map((t) => [t, ...lists.map((l) => {
      const n = themes.lists[l].themes[t] ?? 0;
      return n === 0 ? c.dim('0') : String(n);
    })]),
  ];
  out.push(...table(rows).map((l) => `  ${l}`), '');
  for (const name of Object.keys(RANKINGS) as RankingName[]) {
    const r = themes.rankings[name];
    if (r.themes.length === 0) continue;
    out.push(c.bold(RANKING_TITLES[name]), c.dim(`  share of the ${plural(r.areas, 'area')} with such findings`));
    out.push(...table(r.themes.map((t) => [t.theme, c.cyan(bar(t.share)), `${t.areas} of ${r.areas}`, pct(t.share)]), ['l', 'l', 'r', 'r']).map((l) => `  ${l}`), '');
  }
}

/** A readable report for the terminal. */
export function formatSummaryTerminal(s: Summary, options: SummaryFormatOptions): string {
  // A private instance: color=false must win even on a colour terminal, color=true even when piped.
  const c = new Chalk({ level: options.color ? (Math.max(chalk.level, 1) as 1 | 2 | 3) : 0 });
  const out: string[] = [];
  const n = s.national;
  const d = s.documents;
  out.push(c.bold(`sendmine summary: ${plural(n.inspections, 'SEND inspection document')}, ${plural(n.areas, 'area')}`));
  const skipped = [
    d.notSendInspection ? `${d.notSendInspection} not a SEND inspection` : '',
    d.errors ? `${d.errors} unreadable` : '',
    d.duplicates ? `${plural(d.duplicates, 'duplicate')}` : '',
  ].filter(Boolean);
  if (skipped.length) out.push(c.dim(`  not counted: ${skipped.join(', ')}`));
  out.push('');

  const h = headlines(n);
  const f16 = n.frameworks['2016'];
  const f23 = n.frameworks['2023'];
  const years = Object.keys(s.byYear);

  if (f16.inspections > 0) {
    out.push(c.bold(`2016 framework: ${plural(f16.initial.inspections, 'initial inspection')}, ${plural(f16.revisits.inspections, 'revisit')}, ${plural(f16.areas, 'area')}`));
    out.push(...h.framework2016.map((l) => `  ${l}`), '');
    const rows = [['year', 'initial', 'WSoA required', '', 'revisits', 'all', 'some', 'none'].map((x) => c.dim(x))];
    for (const y of [...years, 'all']) {
      const f = (y === 'all' ? n : s.byYear[y]).frameworks['2016'];
      if (f.inspections === 0) continue;
      const w = f.initial.wsoaRequired;
      rows.push([y === 'all' ? c.bold('all') : yearLabel(y), String(f.initial.inspections), c.red(bar(w.share, 12)), cnt(w),
        String(f.revisits.inspections), String(f.revisits.addressedAll.count), String(f.revisits.addressedSome.count), String(f.revisits.addressedNone.count)]);
    }
    out.push(...table(rows, ['l', 'r', 'l', 'r', 'r', 'r', 'r', 'r']).map((l) => `  ${l}`), '');
  }

  if (f23.inspections > 0) {
    out.push(c.bold(`2023 framework: ${plural(f23.full.inspections, 'full inspection')}, ${plural(f23.monitoring.inspections, 'monitoring inspection')}, ${plural(f23.areas, 'area')}`));
    out.push(...h.framework2023.map((l) => `  ${l}`), '');
    const rows = [['year', 'full', 'positive', 'inconsistent', 'systemic failings', '', 'monitoring', 'sufficient', 'insufficient'].map((x) => c.dim(x))];
    for (const y of [...years, 'all']) {
      const f = (y === 'all' ? n : s.byYear[y]).frameworks['2023'];
      if (f.inspections === 0) continue;
      const o = f.full.outcomes;
      rows.push([y === 'all' ? c.bold('all') : yearLabel(y), String(f.full.inspections), cnt(o.positive), cnt(o.inconsistent), cnt(o['systemic-failings']),
        c.red(bar(o['systemic-failings'].share, 10)), String(f.monitoring.inspections),
        String(f.monitoring.outcomes['sufficient-progress'].count), String(f.monitoring.outcomes['insufficient-progress'].count)]);
    }
    out.push(...table(rows, ['l', 'r', 'r', 'r', 'r', 'l', 'r', 'r', 'r']).map((l) => `  ${l}`), '');
  }

  out.push(c.bold('By Ofsted region'));
  const regionRows = [['region', 'areas', 'initial', 'WSoA required', '', 'full', 'positive', 'inconsistent', 'systemic'].map((x) => c.dim(x))];
  for (const [r, sl] of Object.entries(s.byRegion)) {
    const a = sl.frameworks['2016'];
    const b = sl.frameworks['2023'];
    regionRows.push([r === UNKNOWN ? c.yellow(regionLabel(r)) : r, String(sl.areas), String(a.initial.inspections), c.red(bar(a.initial.wsoaRequired.share, 10)),
      cnt(a.initial.wsoaRequired), String(b.full.inspections), String(b.full.outcomes.positive.count), String(b.full.outcomes.inconsistent.count),
      String(b.full.outcomes['systemic-failings'].count)]);
  }
  out.push(...table(regionRows, ['l', 'r', 'r', 'l', 'r', 'r', 'r', 'r', 'r']).map((l) => `  ${l}`), '');

  out.push(c.bold('Latest inspection per area'));
  for (const fw of ['2016', '2023'] as Framework[]) {
    const latest = n.frameworks[fw].latest;
    if (latest.areas === 0) continue;
    const keys: readonly string[] = fw === '2016' ? OUTCOMES_2016 : OUTCOMES_2023;
    const parts = keys.filter((k) => (latest.outcomes as Record<string, number>)[k] > 0).map((k) => `${(latest.outcomes as Record<string, number>)[k]} ${OUTCOME_LABELS[k]}`);
    if (latest.unknownOutcome) parts.push(`${latest.unknownOutcome} outcome unknown`);
    out.push(`  ${fw} framework, ${plural(latest.areas, 'area')}: ${parts.join(', ')}`);
  }
  out.push('');
  out.push(...crossFrameworkLines(s), '');

  if (h.themes.length) out.push(...h.themes, '');
  terminalThemes(c, out, n.themes, s.themeIds);

  const weakYears = years.filter((y) => s.byYear[y].themes.lists.weaknesses.inspections > 0);
  if (weakYears.length > 1) {
    out.push(c.bold('Themes among weaknesses by year: inspections with the theme'));
    const rows = [['theme', ...weakYears.map(yearLabel)].map((x) => c.dim(x)),
      [c.dim('inspections with weaknesses'), ...weakYears.map((y) => c.dim(String(s.byYear[y].themes.lists.weaknesses.inspections)))],
      ...s.themeIds.map((t) => [t, ...weakYears.map((y) => String(s.byYear[y].themes.lists.weaknesses.themes[t] ?? 0))])];
    out.push(...table(rows).map((l) => `  ${l}`), '');
  }

  if (s.unknownAreas.length) {
    out.push(c.yellow(`Areas not in the local authority table (${s.unknownAreas.length}), counted under region "unknown":`));
    for (const u of s.unknownAreas) out.push(`  ${u.area ?? '(no area named)'}: ${plural(u.inspections, 'document')} (${u.files.join(', ')})`);
    out.push('');
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

// ---------------------------------------------------------------------------------------------
// Markdown

const mdCell = (v: string | number) => String(v).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function mdTable(header: string[], rows: (string | number)[][], align?: ('l' | 'r')[]): string[] {
  const sep = header.map((_, i) => ((align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'r' ? '---:' : '---'));
  return [header, sep, ...rows.map((r) => r.map(mdCell))].map((r) => `| ${r.join(' | ')} |`);
}

/** A Markdown report: headline sentences, then the tables. */
export function formatSummaryMarkdown(s: Summary): string {
  const out: string[] = [];
  const n = s.national;
  const h = headlines(n);
  const years = Object.keys(s.byYear);
  out.push('# Area SEND inspections: summary', '');
  out.push(`${plural(n.inspections, 'SEND inspection document')} about ${plural(n.areas, 'area')}` +
    (s.documents.notSendInspection || s.documents.errors || s.documents.duplicates
      ? ` (not counted: ${s.documents.notSendInspection} not SEND inspections, ${s.documents.errors} unreadable, ${s.documents.duplicates} duplicates).`
      : '.'), '');

  const f16 = n.frameworks['2016'];
  if (f16.inspections > 0) {
    out.push('## 2016 framework (joint local area SEND inspections)', '', ...h.framework2016.map((l) => `- ${l}`), '');
    out.push(...mdTable(['year', 'initial inspections', 'WSoA required', 'share', 'significant weaknesses', 'revisits', 'addressed all', 'some', 'none'],
      [...years, 'all'].flatMap((y) => {
        const f = (y === 'all' ? n : s.byYear[y]).frameworks['2016'];
        if (f.inspections === 0) return [];
        return [[y === 'all' ? '**all**' : yearLabel(y), f.initial.inspections, f.initial.wsoaRequired.count, pct(f.initial.wsoaRequired.share),
          f.initial.significantWeaknesses, f.revisits.inspections, f.revisits.addressedAll.count, f.revisits.addressedSome.count, f.revisits.addressedNone.count]];
      })), '');
  }
  const f23 = n.frameworks['2023'];
  if (f23.inspections > 0) {
    out.push('## 2023 framework (area SEND inspections)', '', ...h.framework2023.map((l) => `- ${l}`), '');
    out.push(...mdTable(['year', 'full inspections', ...FULL_OUTCOMES, 'priority action plans', 'monitoring', ...PROGRESS_OUTCOMES],
      [...years, 'all'].flatMap((y) => {
        const f = (y === 'all' ? n : s.byYear[y]).frameworks['2023'];
        if (f.inspections === 0) return [];
        return [[y === 'all' ? '**all**' : yearLabel(y), f.full.inspections, ...FULL_OUTCOMES.map((k) => cnt(f.full.outcomes[k]) || '-'),
          f.full.priorityActionPlans.count, f.monitoring.inspections, ...PROGRESS_OUTCOMES.map((k) => f.monitoring.outcomes[k].count)]];
      })), '');
  }

  out.push('## By Ofsted region', '');
  out.push(...mdTable(['region', 'areas', 'initial (2016)', 'WSoA required', 'full (2023)', ...FULL_OUTCOMES],
    Object.entries(s.byRegion).map(([r, sl]) => {
      const a = sl.frameworks['2016'];
      const b = sl.frameworks['2023'];
      return [regionLabel(r), sl.areas, a.initial.inspections, cnt(a.initial.wsoaRequired) || '-', b.full.inspections, ...FULL_OUTCOMES.map((k) => b.full.outcomes[k].count)];
    })), '');

  out.push('## Latest inspection per area', '');
  const latestRows: (string | number)[][] = [];
  for (const fw of ['2016', '2023'] as Framework[]) {
    const latest = n.frameworks[fw].latest;
    const outcomes = latest.outcomes as Record<string, number>;
    for (const k of Object.keys(outcomes)) if (outcomes[k] > 0) latestRows.push([fw, OUTCOME_LABELS[k], outcomes[k], pct(outcomes[k] / latest.areas)]);
    if (latest.unknownOutcome > 0) latestRows.push([fw, 'outcome unknown', latest.unknownOutcome, pct(latest.unknownOutcome / latest.areas)]);
  }
  out.push(...mdTable(['framework', 'latest outcome', 'areas', 'share'], latestRows, ['l', 'l', 'r', 'r']), '');
  out.push('## Across the frameworks', '', ...crossFrameworkLines(s).slice(1).map((l) => `- ${l.trim()}`), '');

  const lists = ITEM_LISTS.filter((l) => n.themes.lists[l].inspections > 0);
  if (lists.length > 0) {
    out.push('## Themes', '', ...h.themes.map((l) => `- ${l}`), '');
    out.push('Inspections with at least one finding of the list carrying the theme.', '');
    out.push(...mdTable(['theme', ...lists.map((l) => `${LIST_LABELS[l]} (of ${n.themes.lists[l].inspections})`)],
      s.themeIds.map((t) => [t, ...lists.map((l) => n.themes.lists[l].themes[t] ?? 0)])), '');
    for (const name of Object.keys(RANKINGS) as RankingName[]) {
      const r = n.themes.rankings[name];
      if (r.themes.length === 0) continue;
      out.push(`### ${RANKING_TITLES[name]}`, '');
      out.push(...mdTable(['theme', 'areas', 'share'], r.themes.map((t) => [`${themeLabel(t.theme)} (\`${t.theme}\`)`, `${t.areas} of ${r.areas}`, pct(t.share)])), '');
    }
    const weakYears = years.filter((y) => s.byYear[y].themes.lists.weaknesses.inspections > 0);
    if (weakYears.length > 1) {
      out.push('### Themes among weaknesses by year of inspection', '');
      out.push(...mdTable(['theme', ...weakYears.map((y) => `${yearLabel(y)} (of ${s.byYear[y].themes.lists.weaknesses.inspections})`)],
        s.themeIds.map((t) => [t, ...weakYears.map((y) => s.byYear[y].themes.lists.weaknesses.themes[t] ?? 0)])), '');
    }
  }

  if (s.unknownAreas.length) {
    out.push('## Areas not in the local authority table', '', 'Counted nationally and under region "unknown".', '');
    out.push(...mdTable(['area', 'documents', 'files'], s.unknownAreas.map((u) => [u.area ?? '(no area named)', u.inspections, u.files.join(', ')]), ['l', 'r', 'l']), '');
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

// ---------------------------------------------------------------------------------------------
// JSON and CSV

/** The summary as JSON text (shape documented in src/analyse/summary.ts). */
export function summaryToJson(s: Summary): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

export const SUMMARY_CSV_COLUMNS = ['section', 'framework', 'year', 'region', 'key', 'count', 'total', 'share'] as const;
type CsvRow = Record<(typeof SUMMARY_CSV_COLUMNS)[number], string | number>;

function sliceRows(sl: SummarySlice, year: string, region: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const row = (section: string, framework: string, key: string, count: number, total?: number) =>
    rows.push({
      section, framework, year, region, key, count,
      total: total ?? '',
      share: total !== undefined && total > 0 ? Number((count / total).toFixed(4)) : '',
    });
  const f16 = sl.frameworks['2016'];
  const f23 = sl.frameworks['2023'];

  row('inspections', 'all', 'all', sl.inspections);
  row('inspections', '2016', 'all', f16.inspections);
  row('inspections', '2016', 'initial', f16.initial.inspections);
  row('inspections', '2016', 'revisit', f16.revisits.inspections);
  row('inspections', '2023', 'all', f23.inspections);
  row('inspections', '2023', 'full', f23.full.inspections);
  row('inspections', '2023', 'monitoring', f23.monitoring.inspections);
  row('areas', 'all', 'all', sl.areas);
  row('areas', '2016', 'all', f16.areas);
  row('areas', '2016', 'initial', f16.initial.areas);
  row('areas', '2016', 'revisit', f16.revisits.areas);
  row('areas', '2023', 'all', f23.areas);
  row('areas', '2023', 'full', f23.full.areas);
  row('areas', '2023', 'monitoring', f23.monitoring.areas);

  // Outcome shares are of the documents that can have that outcome (initial letters for WSoA, …).
  for (const k of OUTCOMES_2016) row('outcome', '2016', k, f16.outcomes[k], k.endsWith('progress') ? f16.revisits.inspections : f16.initial.inspections);
  row('outcome', '2016', UNKNOWN, f16.unknownOutcome, f16.inspections);
  for (const k of OUTCOMES_2023) row('outcome', '2023', k, f23.outcomes[k], k.endsWith('progress') ? f23.monitoring.inspections : f23.full.inspections);
  row('outcome', '2023', UNKNOWN, f23.unknownOutcome, f23.inspections);

  const w = f16.initial.wsoaRequired;
  row('wsoa-required-areas', '2016', 'wsoa-required', w.count, w.total);
  const r = f16.revisits;
  row('revisit-progress', '2016', 'addressed-all', r.addressedAll.count, r.inspections);
  row('revisit-progress', '2016', 'addressed-some', r.addressedSome.count, r.inspections);
  row('revisit-progress', '2016', 'addressed-none', r.addressedNone.count, r.inspections);
  row('revisit-progress', '2016', UNKNOWN, r.unknown, r.inspections);
  row('significant-weaknesses', '2016', 'identified', f16.initial.significantWeaknesses);
  row('significant-weaknesses', '2016', 'revisited', r.significantWeaknesses);
  row('significant-weaknesses', '2016', 'addressed', r.addressed, r.significantWeaknesses);
  row('priority-action-plan', '2023', 'required', f23.full.priorityActionPlans.count, f23.full.priorityActionPlans.total);
  row('priority-actions', '2023', 'identified', f23.full.priorityActions);

  for (const fw of ['2016', '2023'] as Framework[]) {
    const latest = sl.frameworks[fw].latest;
    const outcomes = latest.outcomes as Record<string, number>;
    for (const k of Object.keys(outcomes)) row('latest-outcome', fw, k, outcomes[k], latest.areas);
    row('latest-outcome', fw, UNKNOWN, latest.unknownOutcome, latest.areas);
  }

  const themeRows = (fw: string, t: ThemeSummary) => {
    for (const list of ITEM_LISTS) {
      const l = t.lists[list];
      if (l.inspections === 0) continue;
      for (const [theme, count] of Object.entries(l.themes)) row(`themes:${list}`, fw, theme, count, l.inspections);
    }
    for (const name of Object.keys(RANKINGS) as RankingName[]) {
      const rk = t.rankings[name];
      for (const th of rk.themes) row(`ranking:${name}`, fw, th.theme, th.areas, rk.areas);
    }
  };
  themeRows('all', sl.themes);
  themeRows('2016', f16.themes);
  themeRows('2023', f23.themes);
  return rows;
}

/**
 * Long CSV, one figure a row: section, framework (all/2016/2023), year (all or the year of
 * inspection), region (all or the Ofsted region), key, count, total, share. Nationally, then
 * per year, then per region.
 */
export function formatSummaryCsv(s: Summary): string {
  const rows: CsvRow[] = [];
  const base = { framework: 'all', year: 'all', region: 'all', total: '', share: '' };
  rows.push(
    { ...base, section: 'documents', key: 'input', count: s.documents.input },
    { ...base, section: 'documents', key: 'send-inspections', count: s.documents.sendInspections },
    { ...base, section: 'documents', key: 'not-send-inspection', count: s.documents.notSendInspection },
    { ...base, section: 'documents', key: 'errors', count: s.documents.errors },
    { ...base, section: 'documents', key: 'duplicates', count: s.documents.duplicates },
  );
  rows.push(...sliceRows(s.national, 'all', 'all'));
  for (const [y, sl] of Object.entries(s.byYear)) rows.push(...sliceRows(sl, y, 'all'));
  for (const [r, sl] of Object.entries(s.byRegion)) rows.push(...sliceRows(sl, 'all', r));
  for (const u of s.unknownAreas) rows.push({ ...base, region: UNKNOWN, section: 'unknown-area', key: u.area ?? '', count: u.inspections });
  return toCsv(SUMMARY_CSV_COLUMNS, rows);
}

/** Of the areas that needed a WSoA (or not) under the 2016 framework, their 2023 outcome. */
function crossFrameworkLines(s: Summary): string[] {
  const cf = s.crossFramework;
  const line = (label: string, b: Summary['crossFramework']['wsoa']) => {
    const total = b.positive + b.inconsistent + b['systemic-failings'] + b['not-yet'];
    const later = total - b['not-yet'];
    return `  Of ${plural(total, 'area')} ${label}, ${later} had a 2023-framework full inspection: ${b.positive} positive, ${b.inconsistent} inconsistent, ${b['systemic-failings']} widespread or systemic failings.`;
  };
  return ['Across the frameworks', line('that had to produce a WSoA', cf.wsoa), line('that did not', cf.noWsoa)];
}
