/**
 * summarise() and its four formatters, on a small hand-built national sample whose figures
 * were worked out by hand (below), and on Reports built from the corpus gold files.
 * Finding texts are invented for these tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarise, type Summary } from '../../src/analyse/summary.js';
import { bar, formatSummaryCsv, formatSummaryMarkdown, formatSummaryTerminal, summaryToJson } from '../../src/output/summary-format.js';
import { THEME_IDS } from '../../src/nlp/taxonomy.js';
import { ITEM_LISTS, type Item, type ItemListName, type Report } from '../../src/types.js';
import { CORPUS, corpusAvailable } from '../support/corpus.js';
import { emptyReport } from '../../src/parse/common.js';

function report(overrides: Partial<Report>): Report {
  // The extractor's own empty record, so a new Report field needs no edit here.
  return { ...emptyReport(`${(overrides.area ?? 'doc').toLowerCase().replace(/\W+/g, '-')}.txt`), kind: 'area-send-initial-2016', pages: 3, parserVersion: 'test', ...overrides };
}

/** Items with the given themes (one array per item). */
const items = (...themes: (string[] | undefined)[]): Item[] => themes.map((t, i) => ({ text: `Finding ${i + 1} of an invented letter.`, page: 1, themes: t }));

/*
 * The sample. 2016 framework: Barnet (no WSoA, 2017), Bedford (WSoA 2018, revisit 2020: 3 of 3),
 * Essex (WSoA, letter date only 2018, revisit 2021: 1 of 2), Dorset county (WSoA 2017, revisit 2019: 0 of 1),
 * Northmoor (not a real area, no dates, no WSoA). 2023 framework: Dorset council (inconsistent 2023),
 * Bexley (systemic failings 2023, priority action plan; monitoring 2025 sufficient), Cumberland (positive 2024),
 * North Yorkshire (inconsistent 2024). Plus an error, a news article and a second copy of Bexley's report.
 *
 * By hand: 13 inspections of 9 areas (Dorset county and Dorset council are two areas).
 * 2016: 8 documents, 5 areas; 5 initial, 3 of 5 areas (60%) WSoA; 6 significant weaknesses in the letters;
 * 3 revisits: 1 all, 1 some, 1 none; 6 revisited, 4 addressed. Latest: Barnet no-wsoa, Bedford sufficient,
 * Essex insufficient, Dorset insufficient, Northmoor no-wsoa.
 * 2023: 5 documents, 4 areas; 4 full: 1 positive, 2 inconsistent, 1 systemic failings; 1 priority action plan,
 * 2 priority actions; 1 monitoring, sufficient. Latest: positive 1, inconsistent 2, sufficient 1.
 * Themes (inspections): weaknesses in 4 (ehc-plans 4, health-access 2); significant weaknesses in 4 (Bedford's two
 * letters, Essex, Dorset county): ehc-plans 3, health-access 1, joint-commissioning 1, leadership-governance 2.
 * Trigger ranking (areas; Bedford once): 4 areas: ehc-plans 3 (Bedford, Essex, Bexley), leadership-governance 3
 * (Bedford, Dorset county, Bexley), health-access 1, joint-commissioning 1.
 */
const bexleyFull = report({
  file: 'bexley-full.pdf', kind: 'area-send-full-2023', area: 'London Borough of Bexley', inspectionStart: '2023-12-04', inspectionEnd: '2023-12-08',
  outcome: 'systemic-failings', actionPlan: 'priority-action-plan', sha256: 'b'.repeat(64),
  weaknesses: items(['ehc-plans']), priorityActions: items(['ehc-plans'], ['leadership-governance']),
});
const SAMPLE: Report[] = [
  report({ area: 'Barnet', inspectionStart: '2017-03-06', letterDate: '2017-04-20', outcome: 'no-wsoa', weaknesses: items(['ehc-plans']), strengths: items(['parent-engagement']) }),
  report({
    file: 'bedford-initial.txt', area: 'Bedford Borough', inspectionStart: '2018-02-05', letterDate: '2018-03-28', outcome: 'wsoa-required', actionPlan: 'written-statement-of-action',
    mainFindings: items([], undefined),
    weaknesses: items(['ehc-plans'], ['ehc-plans', 'health-access']),
    significantWeaknesses: items(['ehc-plans'], ['joint-commissioning'], ['ehc-plans', 'leadership-governance']),
  }),
  report({
    file: 'bedford-revisit.txt', kind: 'area-send-revisit-2016', area: 'Bedford', inspectionStart: '2020-02-03', letterDate: '2020-05-11',
    outcome: 'sufficient-progress', revisit: { addressed: 3, total: 3 }, significantWeaknesses: items(['ehc-plans']),
  }),
  report({ file: 'essex-initial.txt', area: 'Essex County Council', letterDate: '2018-06-01', outcome: 'wsoa-required', significantWeaknesses: items(['health-access'], ['ehc-plans']) }),
  report({ file: 'essex-revisit.txt', kind: 'area-send-revisit-2016', area: 'Essex', inspectionStart: '2021-01-11', outcome: 'insufficient-progress', revisit: { addressed: 1, total: 2 } }),
  report({ file: 'dorset-initial.txt', area: 'Dorset', inspectionStart: '2017-01-09', outcome: 'wsoa-required', significantWeaknesses: items(['leadership-governance']) }),
  report({ file: 'dorset-revisit.txt', kind: 'area-send-revisit-2016', area: 'Dorset', inspectionStart: '2019-02-04', outcome: 'insufficient-progress', revisit: { addressed: 0, total: 1 } }),
  report({ file: 'northmoor.txt', area: 'Northmoor', outcome: 'no-wsoa' }),
  report({
    file: 'dorset-full.pdf', kind: 'area-send-full-2023', area: 'Dorset', inspectionStart: '2023-11-13', outcome: 'inconsistent',
    weaknesses: items(['ehc-plans', 'health-access']), improvements: items(['health-access']),
  }),
  bexleyFull,
  report({ file: 'bexley-monitoring.pdf', kind: 'area-send-monitoring-2023', area: 'Bexley', inspectionStart: '2025-03-03', outcome: 'sufficient-progress' }),
  report({
    file: 'cumberland.pdf', kind: 'area-send-full-2023', area: 'Cumberland', inspectionStart: '2024-07-01', outcome: 'positive',
    strengths: items(['parent-engagement', 'zz-local-theme']), improvements: items(['ehc-plans']),
  }),
  report({ file: 'north-yorkshire.pdf', kind: 'area-send-full-2023', area: 'North Yorkshire', inspectionStart: '2024-04-29', outcome: 'inconsistent' }),
  report({ file: 'broken.pdf', kind: 'error', reason: 'not a PDF' }),
  report({ file: 'news.txt', kind: 'not-send-inspection', reason: 'a news article' }),
  { ...bexleyFull, file: 'copy-of-bexley-full.pdf' },
];

describe('summarise: a hand-built national sample', () => {
  const s = summarise(SAMPLE);
  const f16 = s.national.frameworks['2016'];
  const f23 = s.national.frameworks['2023'];

  it('counts documents, inspections and areas', () => {
    expect(s.schema).toBe('sendmine-summary/1');
    expect(s.documents).toEqual({ input: 16, sendInspections: 13, notSendInspection: 1, errors: 1, duplicates: 1 });
    expect(s.national.inspections).toBe(13);
    expect(s.national.areas).toBe(9);
    expect([f16.inspections, f16.areas, f16.initial.inspections, f16.initial.areas, f16.revisits.inspections, f16.revisits.areas]).toEqual([8, 5, 5, 5, 3, 3]);
    expect([f23.inspections, f23.areas, f23.full.inspections, f23.full.areas, f23.monitoring.inspections, f23.monitoring.areas]).toEqual([5, 4, 4, 4, 1, 1]);
  });

  it('gives the 2016 framework figures', () => {
    expect(f16.outcomes).toEqual({ 'wsoa-required': 3, 'no-wsoa': 2, 'sufficient-progress': 1, 'insufficient-progress': 2 });
    expect(f16.unknownOutcome).toBe(0);
    expect(f16.initial.wsoaRequired).toEqual({ count: 3, total: 5, share: 0.6 });
    expect(f16.initial.significantWeaknesses).toBe(6);
    expect(f16.revisits.addressedAll.count).toBe(1);
    expect(f16.revisits.addressedSome.count).toBe(1);
    expect(f16.revisits.addressedNone).toEqual({ count: 1, total: 3, share: 1 / 3 });
    expect(f16.revisits.unknown).toBe(0);
    expect([f16.revisits.significantWeaknesses, f16.revisits.addressed]).toEqual([6, 4]);
    expect(f16.latest).toEqual({ areas: 5, outcomes: { 'wsoa-required': 0, 'no-wsoa': 2, 'sufficient-progress': 1, 'insufficient-progress': 2 }, unknownOutcome: 0 });
  });

  it('gives the 2023 framework figures', () => {
    expect(f23.outcomes).toEqual({ positive: 1, inconsistent: 2, 'systemic-failings': 1, 'sufficient-progress': 1, 'insufficient-progress': 0 });
    expect(f23.full.outcomes).toEqual({
      positive: { count: 1, total: 4, share: 0.25 },
      inconsistent: { count: 2, total: 4, share: 0.5 },
      'systemic-failings': { count: 1, total: 4, share: 0.25 },
    });
    expect(f23.full.priorityActionPlans).toEqual({ count: 1, total: 4, share: 0.25 });
    expect(f23.full.priorityActions).toBe(2);
    expect(f23.monitoring.outcomes['sufficient-progress']).toEqual({ count: 1, total: 1, share: 1 });
    expect(f23.latest.outcomes).toEqual({ positive: 1, inconsistent: 2, 'systemic-failings': 0, 'sufficient-progress': 1, 'insufficient-progress': 0 });
  });

  it('counts inspections per list and theme, once per inspection', () => {
    const t = s.national.themes.lists;
    expect(t.weaknesses.inspections).toBe(4);
    expect(t.weaknesses.themes['ehc-plans']).toBe(4);
    expect(t.weaknesses.themes['health-access']).toBe(2);
    expect(t.significantWeaknesses.inspections).toBe(4);
    expect(t.significantWeaknesses.themes).toMatchObject({ 'ehc-plans': 3, 'health-access': 1, 'joint-commissioning': 1, 'leadership-governance': 2, workforce: 0 });
    expect(t.priorityActions).toMatchObject({ inspections: 1, themes: { 'ehc-plans': 1, 'leadership-governance': 1 } });
    expect(t.strengths).toMatchObject({ inspections: 2, themes: { 'parent-engagement': 2, 'zz-local-theme': 1 } });
    expect(t.improvements).toMatchObject({ inspections: 2, themes: { 'ehc-plans': 1, 'health-access': 1 } });
    // Main findings without themes still count as inspections with the list.
    expect(t.mainFindings.inspections).toBe(1);
    expect(Object.values(t.mainFindings.themes).every((n) => n === 0)).toBe(true);
    // Every taxonomy theme has a key; an unknown one is kept, after them.
    expect(s.themeIds).toEqual([...THEME_IDS, 'zz-local-theme']);
    expect(Object.keys(t.weaknesses.themes)).toEqual(s.themeIds);
  });

  it('ranks themes by areas, ties in taxonomy order, with shares', () => {
    const r = s.national.themes.rankings;
    expect(r.triggers.lists).toEqual(['significantWeaknesses', 'priorityActions']);
    expect(r.triggers.areas).toBe(4);
    expect(r.triggers.themes).toEqual([
      { theme: 'ehc-plans', areas: 3, share: 0.75 },
      { theme: 'leadership-governance', areas: 3, share: 0.75 },
      { theme: 'health-access', areas: 1, share: 0.25 },
      { theme: 'joint-commissioning', areas: 1, share: 0.25 },
    ]);
    expect(r.weaknesses.areas).toBe(4);
    expect(r.weaknesses.themes).toEqual([{ theme: 'ehc-plans', areas: 4, share: 1 }, { theme: 'health-access', areas: 2, share: 0.5 }]);
    expect(r.strengths.themes[0]).toEqual({ theme: 'parent-engagement', areas: 2, share: 1 });
    // Per framework: the 2016 triggers are the significant weaknesses alone.
    expect(f16.themes.rankings.triggers.areas).toBe(3);
    expect(f16.themes.rankings.triggers.themes.slice(0, 2)).toEqual([
      { theme: 'ehc-plans', areas: 2, share: 2 / 3 },
      { theme: 'leadership-governance', areas: 2, share: 2 / 3 },
    ]);
    expect(f23.themes.rankings.triggers.areas).toBe(1);
  });

  it('splits by year of inspection (letter date when there is no start; unknown last)', () => {
    expect(Object.keys(s.byYear)).toEqual(['2017', '2018', '2019', '2020', '2021', '2023', '2024', '2025', 'unknown']);
    expect(s.byYear['2017'].frameworks['2016'].initial.wsoaRequired).toEqual({ count: 1, total: 2, share: 0.5 });
    expect(s.byYear['2018'].frameworks['2016'].initial.wsoaRequired).toEqual({ count: 2, total: 2, share: 1 });
    expect(s.byYear['2018'].themes.lists.significantWeaknesses.themes).toMatchObject({ 'ehc-plans': 2, 'health-access': 1, 'joint-commissioning': 1, 'leadership-governance': 1 });
    expect(s.byYear['2019'].frameworks['2016'].revisits.addressedNone.count).toBe(1);
    expect(s.byYear['2023'].frameworks['2023'].outcomes).toMatchObject({ inconsistent: 1, 'systemic-failings': 1 });
    expect(s.byYear['2023'].themes.lists.weaknesses).toMatchObject({ inspections: 2, themes: { 'ehc-plans': 2, 'health-access': 1 } });
    expect(s.byYear['2024'].frameworks['2023'].full.outcomes.positive.count).toBe(1);
    expect(s.byYear.unknown.inspections).toBe(1);
    const total = Object.values(s.byYear).reduce((n, y) => n + y.inspections, 0);
    expect(total).toBe(13);
  });

  it('splits by Ofsted region, keeping areas the table does not know', () => {
    expect(Object.keys(s.byRegion)).toEqual(['East of England', 'London', 'North East, Yorkshire and the Humber', 'North West', 'South West', 'unknown']);
    const counts = Object.fromEntries(Object.entries(s.byRegion).map(([r, sl]) => [r, [sl.inspections, sl.areas]]));
    expect(counts).toEqual({
      'East of England': [4, 2],
      London: [3, 2],
      'North East, Yorkshire and the Humber': [1, 1],
      'North West': [1, 1],
      'South West': [3, 2],
      unknown: [1, 1],
    });
    expect(s.byRegion['East of England'].frameworks['2016'].initial.wsoaRequired).toEqual({ count: 2, total: 2, share: 1 });
    expect(s.byRegion.London.frameworks['2016'].initial.wsoaRequired).toEqual({ count: 0, total: 1, share: 0 });
    expect(s.unknownAreas).toEqual([{ area: 'Northmoor', inspections: 1, files: ['northmoor.txt'] }]);
  });

  it('keeps a document without an area name, as an unknown area of its own', () => {
    const t = summarise([report({ file: 'a.txt', outcome: 'no-wsoa' }), report({ file: 'b.txt', outcome: 'no-wsoa' })]);
    expect(t.national.areas).toBe(2);
    expect(t.unknownAreas).toEqual([{ area: null, inspections: 1, files: ['a.txt'] }, { area: null, inspections: 1, files: ['b.txt'] }]);
  });

  it('gives empty figures, not NaN, for nothing', () => {
    const e = summarise([]);
    expect(e.national.inspections).toBe(0);
    expect(e.national.frameworks['2016'].initial.wsoaRequired).toEqual({ count: 0, total: 0, share: null });
    expect(e.byYear).toEqual({});
    expect(formatSummaryTerminal(e, { color: false })).toContain('0 SEND inspection documents');
    expect(formatSummaryMarkdown(e)).not.toContain('NaN');
  });
});

describe('summary formatters', () => {
  const s = summarise(SAMPLE);

  it('draws bars in eighths of a block', () => {
    expect(bar(0)).toBe('');
    expect(bar(null)).toBe('');
    expect(bar(1, 3)).toBe('███');
    expect(bar(0.5, 4)).toBe('██');
    expect(bar(1 / 16, 2)).toBe('▏');
    expect(bar(0.3, 10)).toBe('███');
    expect(bar(0.35, 10)).toBe('███▌');
    expect(bar(2, 2)).toBe('██');
  });

  it('terminal: headline sentences, tables and bars, colour only when asked', () => {
    const text = formatSummaryTerminal(s, { color: false });
    expect(text).not.toMatch(/\x1b\[/);
    expect(text).toContain('sendmine summary: 13 SEND inspection documents, 9 areas');
    expect(text).toContain('not counted: 1 not a SEND inspection, 1 unreadable, 1 duplicate');
    expect(text).toContain('3 of 5 areas (60%) had to produce a Written Statement of Action.');
    expect(text).toContain('6 significant weaknesses were identified.');
    expect(text).toContain('Of 3 revisits, 1 found sufficient progress in addressing all significant weaknesses, 1 in some and 1 in none.');
    expect(text).toContain(
      'Of 4 full inspections, 1 (25%) found typically positive experiences and outcomes, 2 (50%) inconsistent experiences and outcomes and 1 (25%) widespread or systemic failings.',
    );
    expect(text).toContain('1 of 4 areas (25%) had to produce a priority action plan.');
    expect(text).toContain('EHC needs assessment and EHC plans was an area of significant weakness or priority action in 3 of 4 areas (75%).');
    expect(text).toMatch(/^ {2}2018 +2 +█+ +2 \(100%\)/m);
    expect(text).toMatch(/^ {2}ehc-plans +█+ +3 of 4 +75%$/m);
    expect(text).toMatch(/^ {2}unknown region +1 +1/m);
    expect(text).toContain('Northmoor: 1 document (northmoor.txt)');
    expect(formatSummaryTerminal(s, { color: true })).toMatch(/\x1b\[/);
  });

  it('markdown: headlines as bullets and pipe tables', () => {
    const md = formatSummaryMarkdown(s);
    expect(md.startsWith('# Area SEND inspections: summary\n')).toBe(true);
    expect(md).toContain('- 3 of 5 areas (60%) had to produce a Written Statement of Action.');
    expect(md).toContain('| 2018 | 2 | 2 | 100% | 5 | 0 | 0 | 0 | 0 |');
    expect(md).toContain('| **all** | 5 | 3 | 60% | 6 | 3 | 1 | 1 | 1 |');
    expect(md).toContain('| **all** | 4 | 1 (25%) | 2 (50%) | 1 (25%) | 1 | 1 | 1 | 0 |');
    expect(md).toContain('| unknown region | 1 | 1 | 0 (0%) | 0 | 0 | 0 | 0 |');
    expect(md).toContain('| EHC needs assessment and EHC plans (`ehc-plans`) | 3 of 4 | 75% |');
    expect(md).toContain('| Northmoor | 1 | northmoor.txt |');
    // Every table row has as many cells as its header.
    const tables = md.trim().split('\n\n').filter((b) => b.startsWith('|'));
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) {
      const widths = t.split('\n').map((row) => row.split(/(?<!\\)\|/).length);
      expect(new Set(widths).size, t).toBe(1);
    }
  });

  it('JSON: the summary itself, with its schema', () => {
    const json = JSON.parse(summaryToJson(s)) as Summary;
    expect(json).toEqual(s);
    expect(json.schema).toBe('sendmine-summary/1');
    expect(json.national.frameworks['2016'].outcomes['wsoa-required']).toBe(3);
    expect(json.byYear['2024'].themes.lists.improvements.themes['ehc-plans']).toBe(1);
  });

  it('CSV: long format, one figure a row', () => {
    const csv = formatSummaryCsv(s);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('section,framework,year,region,key,count,total,share');
    for (const row of [
      'documents,all,all,all,duplicates,1,,',
      'inspections,2016,all,all,initial,5,,',
      'areas,all,all,all,all,9,,',
      'outcome,2016,all,all,wsoa-required,3,5,0.6',
      'outcome,2016,all,all,insufficient-progress,2,3,0.6667',
      'outcome,2023,all,all,systemic-failings,1,4,0.25',
      'wsoa-required-areas,2016,all,all,wsoa-required,3,5,0.6',
      'wsoa-required-areas,2016,2017,all,wsoa-required,1,2,0.5',
      'revisit-progress,2016,all,all,addressed-none,1,3,0.3333',
      'significant-weaknesses,2016,all,all,addressed,4,6,0.6667',
      'priority-action-plan,2023,all,all,required,1,4,0.25',
      'latest-outcome,2016,all,all,no-wsoa,2,5,0.4',
      'themes:weaknesses,all,all,all,ehc-plans,4,4,1',
      'themes:significantWeaknesses,2016,all,all,leadership-governance,2,4,0.5',
      'themes:weaknesses,all,2023,all,health-access,1,2,0.5',
      'ranking:triggers,all,all,all,ehc-plans,3,4,0.75',
      'outcome,2016,all,"North East, Yorkshire and the Humber",wsoa-required,0,0,',
      'outcome,2016,all,East of England,wsoa-required,2,2,1',
      'unknown-area,all,all,unknown,Northmoor,1,,',
    ]) expect(lines, row).toContain(row);
    expect(lines.every((l) => !l.includes('NaN'))).toBe(true);
  });

  it('CSV: an area name that looks like a formula is neutralised', () => {
    const csv = formatSummaryCsv(summarise([report({ file: 'x.txt', area: '=HYPERLINK("x")', outcome: 'no-wsoa' })]));
    expect(csv).toContain(`unknown-area,all,all,unknown,"'=HYPERLINK(""x"")",1,,`);
  });
});

// ---------------------------------------------------------------------------------------------

interface GoldItem { start: string; end: string; themes?: string[] }
type Gold = Omit<Report, ItemListName | 'narrative' | 'sha256' | 'pages' | 'parserVersion' | 'reason' | 'warnings'> & Record<ItemListName, GoldItem[]>;

const run = corpusAvailable();

describe.runIf(run)('summary of the corpus gold', () => {
  const dir = join(CORPUS, 'area-send-2023', 'gold');
  const golds: Gold[] = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  const toReport = (g: Gold): Report => ({
    ...report({}),
    file: g.file, kind: g.kind, area: g.area, inspectionStart: g.inspectionStart, inspectionEnd: g.inspectionEnd,
    previousInspectionStart: g.previousInspectionStart, previousInspectionEnd: g.previousInspectionEnd, letterDate: g.letterDate,
    outcome: g.outcome, actionPlan: g.actionPlan, nextSteps: g.nextSteps, revisit: g.revisit,
    ...(Object.fromEntries(ITEM_LISTS.map((l) => [l, (g[l] ?? []).map((i) => ({ text: `${i.start} … ${i.end}`, page: null, themes: i.themes }))])) as Record<ItemListName, Item[]>),
  });
  const s = summarise(golds.map(toReport));

  it('reads the 35 full-inspection gold files, all of known areas', () => {
    expect(golds.length).toBe(35);
    expect(s.national.inspections).toBe(35);
    expect(s.national.areas).toBe(35);
    expect(s.unknownAreas).toEqual([]);
    expect(Object.keys(s.byRegion)).not.toContain('unknown');
  });

  it('has the outcome counts of the gold, nationally and per year', () => {
    const f23 = s.national.frameworks['2023'];
    for (const o of ['positive', 'inconsistent', 'systemic-failings'] as const) {
      expect(f23.outcomes[o], o).toBe(golds.filter((g) => g.outcome === o).length);
      expect(f23.full.outcomes[o].count, o).toBe(golds.filter((g) => g.outcome === o).length);
    }
    expect(f23.full.inspections).toBe(golds.filter((g) => g.kind === 'area-send-full-2023').length);
    expect(f23.full.priorityActionPlans.count).toBe(golds.filter((g) => g.actionPlan === 'priority-action-plan').length);
    for (const [year, slice] of Object.entries(s.byYear)) {
      const inYear = golds.filter((g) => (g.inspectionStart ?? g.letterDate ?? '').startsWith(year));
      expect(slice.inspections, year).toBe(inYear.length);
      expect(slice.frameworks['2023'].outcomes['systemic-failings'], year).toBe(inYear.filter((g) => g.outcome === 'systemic-failings').length);
    }
  });

  it('has the per-theme inspection counts of the gold, for every list', () => {
    for (const list of ITEM_LISTS) {
      const withList = golds.filter((g) => (g[list] ?? []).length > 0);
      expect(s.national.themes.lists[list].inspections, list).toBe(withList.length);
      for (const theme of THEME_IDS) {
        const expected = golds.filter((g) => (g[list] ?? []).some((i) => i.themes?.includes(theme))).length;
        expect(s.national.themes.lists[list].themes[theme], `${list} ${theme}`).toBe(expected);
      }
    }
    // And the trigger ranking: areas with a priority action carrying the theme.
    const withPa = golds.filter((g) => g.priorityActions.length > 0);
    expect(s.national.themes.rankings.triggers.areas).toBe(withPa.length);
    for (const t of s.national.themes.rankings.triggers.themes) {
      expect(t.areas, t.theme).toBe(withPa.filter((g) => g.priorityActions.some((i) => i.themes?.includes(t.theme))).length);
    }
  });

  it('formats the corpus summary in every format', () => {
    expect(formatSummaryTerminal(s, { color: false })).toContain('full inspections');
    expect(formatSummaryMarkdown(s)).toContain('## 2023 framework');
    expect(JSON.parse(summaryToJson(s)).national.inspections).toBe(35);
    expect(formatSummaryCsv(s).split('\n').length).toBeGreaterThan(100);
  });
});
