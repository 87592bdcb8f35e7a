/**
 * renderReport(): the structure of the page on a hand-built sample (self-contained, every
 * chart with a text alternative, escaping, the empty case), and its headline figures against
 * summarise() for the same records.
 */
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/html.js';
import { wrap } from '../../src/report/charts.js';
import { bodyCounts, buildModel, formatGap, formatRange } from '../../src/report/model.js';
import { esc, slugify } from '../../src/report/escape.js';
import { expectedFigure, figuresIn, summaryJson, unescape } from './figures.js';
import { HOSTILE, HOSTILE_ATTR, HOSTILE_TEXT, SAMPLE, report } from './sample.js';

const html = renderReport(SAMPLE, { title: 'Test report', generatedAt: '2025-06-30' });

/** The page's text, tags removed (script and style bodies dropped), entities decoded. */
const textOf = (h: string) =>
  unescape(
    h
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
      .replace(/<\/?(span|a|time|code)\b[^>]*>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' '),
  );

const attrs = (h: string, name: string) => [...h.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
const svgs = (h: string) => [...h.matchAll(/<svg\b[^>]*>[\s\S]*?<\/svg>/g)].map((m) => m[0]);

describe('renderReport: a self-contained page', () => {
  it('is one HTML document in English with a title, a viewport and a content security policy', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>Test report</title>');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[^"]+script-src &#39;sha256-/);
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html.match(/<style\b/g)).toHaveLength(1);
    expect(textOf(html)).toContain('generated 2025-06-30');
  });

  it('loads nothing: every src and href is a fragment of the page, and it has no URL at all', () => {
    expect(attrs(html, 'src')).toEqual([]);
    const hrefs = attrs(html, 'href');
    expect(hrefs.length).toBeGreaterThan(10);
    for (const h of hrefs) expect(h).toMatch(/^#[a-z0-9-]+$/);
    expect(html).not.toMatch(/https?:|\/\/[a-z]|@import|<link\b|<img\b|<iframe\b|<object\b|<embed\b/i);
    for (const u of html.matchAll(/url\(([^)]*)\)/g)) expect(u[1]).toMatch(/^#/);
  });

  it('has every internal link pointing at an id on the page, and ids are unique', () => {
    const ids = attrs(html, 'id');
    expect(new Set(ids).size).toBe(ids.length);
    for (const h of attrs(html, 'href')) expect(ids).toContain(h.slice(1));
  });

  it('gives every chart a <title> and <desc> as its text alternative, labelled by them, and its numbers in a table', () => {
    const charts = svgs(html);
    // By year and by region for each framework, themes, responsible bodies.
    expect(charts).toHaveLength(6);
    for (const svg of charts) {
      const id = /<svg[^>]*\bid="([^"]+)"/.exec(svg)![1];
      expect(svg).toMatch(new RegExp(`^<svg[^>]*role="img"[^>]*aria-labelledby="${id}-title ${id}-desc"`));
      expect(svg).toMatch(new RegExp(`^<svg[^>]*><title id="${id}-title">[^<]+</title><desc id="${id}-desc">[^<]+</desc>`));
    }
    const figures = [...html.matchAll(/<figure class="chart-fig"[\s\S]*?<\/figure>/g)].map((m) => m[0]);
    expect(figures).toHaveLength(6);
    for (const f of figures) expect(f).toMatch(/<details class="data"><summary>[^<]+<\/summary>[\s\S]*<table>/);
  });

  it('uses Okabe–Ito colours (white, ink and grey besides), and hatches the adverse bars', () => {
    const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'];
    const fills = new Set(svgs(html).flatMap((s) => attrs(s, 'fill')).filter((f) => f.startsWith('#')));
    for (const f of fills) expect([...OKABE_ITO, '#ffffff', '#1b1b1b', '#BBBBBB']).toContain(f);
    expect(html).toMatch(/<pattern id="chart-year-2016-hatch"/);
    expect(html).toMatch(/fill="url\(#chart-year-2016-hatch\)"/);
  });

  it('has a print style sheet for A4 and a narrow-screen layout', () => {
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('@media print{');
    expect(html).toMatch(/@media \(max-width:40rem\)/);
  });
});

describe('renderReport: the content', () => {
  const json = summaryJson(SAMPLE);
  const text = textOf(html);

  it('writes every data-figure as the summary JSON has it', () => {
    const figs = figuresIn(html);
    expect(figs.length).toBeGreaterThan(40);
    for (const f of figs) expect({ path: f.path, text: f.text }).toEqual({ path: f.path, text: expectedFigure(json, f.path) });
    const paths = new Set(figs.map((f) => f.path));
    for (const p of [
      'documents.sendInspections',
      'national.areas',
      'national.frameworks.2016.initial.wsoaRequired.count',
      'national.frameworks.2016.initial.wsoaRequired.total',
      'national.frameworks.2016.initial.wsoaRequired.share',
      'national.frameworks.2016.revisits.addressedAll.count',
      'national.frameworks.2023.full.outcomes.systemic-failings.share',
      'national.frameworks.2023.full.priorityActionPlans.share',
      'national.frameworks.2023.monitoring.outcomes.sufficient-progress.count',
      'byYear.2017.frameworks.2016.outcomes.wsoa-required',
      'byRegion.unknown.frameworks.2016.outcomes.no-wsoa',
      'national.themes.rankings.triggers.themes.0.areas',
    ]) expect(paths).toContain(p);
  });

  it('says the headline figures in words, as worked out by hand', () => {
    expect(text).toContain('2 of 4 areas (50%) had to produce a Written Statement of Action (WSoA).');
    expect(text).toContain('4 areas of significant weakness were identified.');
    expect(text).toContain('Of 2 revisits, 1 found sufficient progress in addressing all significant weaknesses, 0 in some and 1 in none.');
    expect(text).toContain(
      'Of 2 full inspections, 1 (50%) found typically positive experiences and outcomes, 0 (0%) inconsistent experiences and outcomes and 1 (50%) widespread or systemic failings.',
    );
    expect(text).toContain('1 of 2 areas (50%) had to produce a priority action plan.');
    expect(text).toContain('3 areas for priority action were identified.');
    expect(text).toContain('Of 1 monitoring inspection, 1 found sufficient progress and 0 insufficient progress.');
  });

  it('shows only the frameworks present', () => {
    const only2023 = renderReport(SAMPLE.filter((r) => r.kind.endsWith('2023')));
    expect(only2023).toContain('2023 framework: area SEND inspections');
    expect(only2023).not.toContain('2016 framework: joint local area SEND inspections');
    expect(only2023).not.toContain('data-figure="national.frameworks.2016');
    expect(svgs(only2023)).toHaveLength(4);
  });

  it('has one table row per inspection (the duplicate once), each linking to its area', () => {
    const table = /<table class="inspections" id="inspections-table">[\s\S]*?<\/table>/.exec(html)![0];
    const rows = [...table.matchAll(/<tbody>([\s\S]*)<\/tbody>/g)][0][1].match(/<tr>/g)!;
    expect(rows).toHaveLength(9);
    expect(table).not.toContain('<input');
    expect(html).toMatch(/<div class="filter-box" id="filter-box" hidden>[^]*?<input type="search" id="filter"/);
    const areaLinks = [...table.matchAll(/<td data-label="Area"><a href="#(area-[a-z0-9-]+)">/g)].map((m) => m[1]);
    expect(areaLinks).toHaveLength(9);
    expect(new Set(areaLinks)).toEqual(new Set(['area-barnet', 'area-bedford', 'area-dorset', 'area-northmoor', 'area-bexley', 'area-cumberland']));
    for (const a of areaLinks) expect(html).toContain(`<section class="area" id="${a}"`);
    expect(table).toMatch(/data-type="date"/);
    expect(table).toContain('data-sort="2018-02-05"');
  });

  it('gives each area a timeline across the frameworks with outcome badges in words', () => {
    const bedford = /<section class="area" id="area-bedford"[\s\S]*?<\/section>/.exec(html)![0];
    const t = textOf(bedford);
    expect(t).toMatch(/Initial inspection \(2016 framework\) \u2717 WSoA required/);
    expect(t).toMatch(/Revisit \(2016 framework\) \u2713 Sufficient progress/);
    expect(t).toContain('2 years after the initial inspection');
    expect(t).toContain('Significant weaknesses revisited (3): 3 of 3 addressed');
    expect(t).toContain('Themes: Joint commissioning across education, health and care');
    expect(t).toContain('Evidence: page 2 of bedford-revisit.txt');
    expect(bedford.indexOf('Initial inspection')).toBeLessThan(bedford.indexOf('Revisit (2016'));
    const bexley = textOf(/<section class="area" id="area-bexley"[\s\S]*?<\/section>/.exec(html)![0]);
    expect(bexley).toContain('Responsible body: London Borough of Bexley and NHS South East London ICB');
    expect(bexley).toContain('Leaders should make EHC plans on time.');
    expect(bexley).toContain('Areas for priority action monitored (2)');
  });

  it('counts priority-action items per responsible body with white space normalised', () => {
    const { bodies, unnamed, items } = bodyCounts(buildModel(SAMPLE).docs);
    expect(bodies).toEqual([
      { body: 'London Borough of Bexley and NHS South East London ICB', items: 2 },
      { body: 'London Borough of Bexley', items: 1 },
    ]);
    expect([unnamed, items]).toEqual([2, 5]);
  });

  it('counts the same bodies named in another order as one partnership, in its most used spelling', () => {
    const kent = (body: string, text: string) => ({ text, page: 3, themes: [], body });
    const docs = buildModel([
      report({
        file: 'kent.pdf', kind: 'area-send-full-2023', area: 'Kent', inspectionStart: '2024-01-08', inspectionEnd: '2024-01-12', outcome: 'systemic-failings', actionPlan: 'priority-action-plan',
        priorityActions: [
          kent('Kent County Council and NHS Kent and Medway ICB', 'Leaders should make plans on time.'),
          kent('NHS Kent and Medway ICB and Kent County Council', 'Leaders should cut waits.'),
          kent('Kent County Council and NHS Kent and Medway ICB', 'Leaders should check plans.'),
        ],
      }),
    ]).docs;
    expect(bodyCounts(docs).bodies).toEqual([{ body: 'Kent County Council and NHS Kent and Medway ICB', items: 3 }]);
  });

  it('lists the documents it did not count', () => {
    expect(text).toContain('broken.pdf: could not be read (not a PDF)');
    expect(text).toContain('news.txt: not an area SEND inspection (a news article)');
    expect(text).toContain('copy-of-bexley-full.pdf');
    expect(text).toMatch(/Areas not in the local authority table .*Northmoor: 1 document/);
  });

  it('is the same for the same input, and without generatedAt carries no date', () => {
    expect(renderReport(SAMPLE, { title: 'Test report', generatedAt: '2025-06-30' })).toBe(html);
    expect(renderReport(SAMPLE)).not.toContain('generated');
  });
});

describe('renderReport: untrusted documents', () => {
  const page = renderReport(HOSTILE, { title: '<i>title</i>' });

  it('shows markup in finding texts, names, bodies, themes and files as text', () => {
    expect(page.match(/<script\b/g)).toHaveLength(1);
    expect(page).not.toMatch(/<img\b|<iframe\b|<svg onload|<b>Town|<i>title/);
    // Text is escaped, so every "<" left opens a real tag: none may carry an event handler.
    for (const tag of page.match(/<[a-z][^>]*>/gi)!) expect(tag).not.toMatch(/\son[a-z]+=/i);
    expect(page).toContain(esc(HOSTILE_TEXT));
    expect(page).toContain(esc(HOSTILE_ATTR));
    const text = textOf(page);
    for (const s of [HOSTILE_TEXT, HOSTILE_ATTR, 'Evil <b>Town</b> & "Co"', '<script>steal()</script>', "' onmouseover='alert(3)", '<i>title</i>']) {
      expect(text).toContain(s);
    }
    expect(text).toContain('</title></svg></table><iframe src="javascript:alert(4)">');
    for (const h of attrs(page, 'href')) expect(h).toMatch(/^#[a-z0-9-]+$/);
    expect(attrs(page, 'src')).toEqual([]);
  });

  it('keeps every chart well formed', () => {
    for (const svg of svgs(page)) expect(svg.match(/<title\b/g)!.length).toBe(svg.match(/<\/title>/g)!.length);
  });
});

describe('renderReport: nothing to report', () => {
  it('says so for no documents and is still a whole page', () => {
    const page = renderReport([]);
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    expect(textOf(page)).toContain('This report covers no area SEND inspections: no documents were given.');
    expect(page).not.toContain('<svg');
    expect(page).toContain('<title>Area SEND inspections: report</title>');
  });

  it('says so when no document is a SEND inspection, and lists what was read', () => {
    const page = renderReport([report({ file: 'news.txt', kind: 'not-send-inspection', reason: 'a news article' }), report({ file: 'x.pdf', kind: 'error', reason: 'damaged' })]);
    const text = textOf(page);
    expect(text).toContain('none of the 2 documents read was an area SEND inspection letter or report');
    expect(text).toContain('news.txt: not an area SEND inspection (a news article)');
    expect(page).not.toContain('id="inspections-table"');
  });
});

describe('report helpers', () => {
  it('escapes every character that could open markup or close an attribute, and drops control characters', () => {
    expect(esc(`<a href='x' title="y">&\u0000\u0007</a>`)).toBe('&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;&lt;/a&gt;');
  });

  it('makes fragment ids of [a-z0-9-]', () => {
    expect(slugify('Bournemouth, Christchurch & Poole')).toBe('bournemouth-christchurch-and-poole');
    expect(slugify('St. Helens')).toBe('st-helens');
    expect(slugify('"><script>')).toBe('script');
    expect(slugify('!!!')).toBe('unnamed');
  });

  it('wraps chart labels at word boundaries', () => {
    expect(wrap('Exclusions, suspensions, attendance, part-time timetables, alternative provision', 40)).toEqual([
      'Exclusions, suspensions, attendance,',
      'part-time timetables, alternative',
      'provision',
    ]);
    expect(wrap('', 10)).toEqual(['']);
  });

  it('writes dates, ranges and gaps as people read them', () => {
    expect(formatRange('2024-01-29', '2024-02-02')).toBe('29 Jan \u2013 2 Feb 2024');
    expect(formatRange('2024-07-08', '2024-07-12')).toBe('8\u201312 Jul 2024');
    expect(formatRange('2019-12-30', '2020-01-03')).toBe('30 Dec 2019 \u2013 3 Jan 2020');
    expect(formatRange(null, null)).toBe('');
    expect(formatGap('2018-02-05', '2020-02-03')).toBe('2 years');
    expect(formatGap('2024-01-01', '2024-01-20')).toBe('19 days');
    expect(formatGap('2021-09-13', '2024-01-15')).toBe('2 years 4 months');
    expect(formatGap(null, '2024-01-15')).toBeNull();
  });
});
