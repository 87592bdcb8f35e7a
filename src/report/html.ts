/**
 * One self-contained HTML report of a set of area SEND inspection records: headline figures
 * in words and numbers, charts (inline SVG), a sortable and filterable table of every
 * inspection, and per area a timeline of its inspections with the significant weaknesses or
 * areas for priority action and their evidence.
 *
 * Self-contained: one inline style sheet and one inline script, allowed by hash in the
 * page's Content-Security-Policy, which allows nothing else (no network at all). Every
 * string from a document is escaped. Every headline number is the summary's own figure
 * (summarise(), as `sendmine summary --format json` prints it) in an element whose
 * `data-figure` attribute is its path in that JSON ("national.frameworks.2016.initial.wsoaRequired.count").
 */
import { summarise, UNKNOWN, type Framework, type Summary } from '../analyse/summary.js';
import { pct } from '../output/summary-format.js';
import { THEME_LABELS } from '../nlp/taxonomy.js';
import type { Item, Outcome, Report } from '../types.js';
import { CSP, CSS, SCRIPT } from './assets.js';
import { divergingBars, stackedBars, type BarRow, type SeriesStyle } from './charts.js';
import { esc } from './escape.js';
import {
  bodyCounts,
  buildModel,
  formatDate,
  formatGap,
  formatRange,
  KIND_LABELS,
  KIND_SHORT,
  OUTCOME_COLOUR,
  OUTCOME_TEXT,
  OUTCOME_TONE,
  PALETTE,
  TONE_SYMBOL,
  type AreaGroup,
  type InspectionDoc,
  type ReportModel,
} from './model.js';

export interface RenderOptions {
  /** The page's title and main heading. */
  title?: string;
  /** Shown as given ("2025-06-30T12:00:00Z", "30 June 2025"); omitted when absent, so the output is reproducible. */
  generatedAt?: string;
}

export const DEFAULT_TITLE = 'Area SEND inspections: report';

// ---------------------------------------------------------------------------------------------
// Figures: the summary's numbers, found by their path in its JSON.

/** The value at a dotted path of the summary's JSON ("national.frameworks.2016.initial.wsoaRequired.share"). */
export function figureValue(summary: unknown, path: string): unknown {
  let v: unknown = summary;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** How a figure is written on the page: shares as "67%" (as the summary's text formats write them), counts as digits. */
export function figureText(summary: unknown, path: string): string {
  const v = figureValue(summary, path);
  if (path.endsWith('.share')) return pct(typeof v === 'number' ? v : null);
  return typeof v === 'number' ? String(v) : '';
}

class Figures {
  constructor(readonly s: Summary) {}
  n(path: string): number {
    const v = figureValue(this.s, path);
    return typeof v === 'number' ? v : 0;
  }
  /** The number in an element that says where it came from. */
  f(path: string): string {
    return `<span data-figure="${esc(path)}">${esc(figureText(this.s, path))}</span>`;
  }
}

const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);

// ---------------------------------------------------------------------------------------------
// Small pieces

function badge(outcome: Outcome | string | null, words?: string): string {
  const key = (outcome ?? 'unknown') as Outcome | 'unknown';
  const tone = OUTCOME_TONE[key] ?? 'unknown';
  const text = words ?? (outcome ? ((OUTCOME_TEXT as Record<string, string>)[outcome] ?? outcome) : 'Outcome not found');
  return `<span class="badge badge-${tone}"><span class="sym" aria-hidden="true">${TONE_SYMBOL[tone]}</span> ${esc(text)}</span>`;
}

function dataTable(caption: string, head: string[], rows: string[][], numeric: (i: number) => boolean): string {
  const th = head.map((h, i) => `<th scope="col"${numeric(i) ? ' class="n"' : ''}>${esc(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td${numeric(i) ? ' class="n"' : ''}>${c}</td>`)).join('')}</tr>`)
    .join('');
  return `<details class="data"><summary>The numbers in this chart (table)</summary><div class="table-wrap"><table><caption>${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div></details>`;
}

function legend(entries: { cls: string; label: string }[]): string {
  return `<ul class="legend" aria-label="Key">${entries.map((e) => `<li><span class="sw ${e.cls}" aria-hidden="true"></span>${esc(e.label)}</li>`).join('')}</ul>`;
}

function figure(id: string, caption: string, note: string, svg: string, key: string, table: string): string {
  return `<figure class="chart-fig" id="${esc(id)}"><figcaption>${esc(caption)}</figcaption>${note ? `<p class="note">${esc(note)}</p>` : ''}${svg}${key}${table}</figure>`;
}

// ---------------------------------------------------------------------------------------------
// Headline figures

function headlineSection(F: Figures, s: Summary): string {
  const out: string[] = [];
  const d = s.documents;
  const cards: string[] = [
    card(F.f('documents.sendInspections'), `SEND inspection ${plural(F.n('documents.sendInspections'), 'document', 'documents')}`),
    card(F.f('national.areas'), `local ${plural(F.n('national.areas'), 'area', 'areas')}`),
  ];
  if (d.notSendInspection) {
    cards.push(card(F.f('documents.notSendInspection'), `${plural(d.notSendInspection, 'not a SEND inspection', 'not SEND inspections')} (not counted)`));
  }
  if (d.errors) cards.push(card(F.f('documents.errors'), `unreadable ${plural(d.errors, 'file', 'files')}`));
  if (d.duplicates) cards.push(card(F.f('documents.duplicates'), `${plural(d.duplicates, 'duplicate', 'duplicates')} (counted once)`));
  out.push(`<ul class="cards">${cards.join('')}</ul>`);

  const blocks: string[] = [];
  const p16 = 'national.frameworks.2016';
  if (F.n(`${p16}.inspections`) > 0) {
    const lines: string[] = [];
    if (F.n(`${p16}.initial.inspections`) > 0) {
      const total = F.n(`${p16}.initial.wsoaRequired.total`);
      lines.push(
        `${F.f(`${p16}.initial.wsoaRequired.count`)} of ${F.f(`${p16}.initial.wsoaRequired.total`)} ${plural(total, 'area')} ` +
          `(${F.f(`${p16}.initial.wsoaRequired.share`)}) had to produce a Written Statement of Action (WSoA).`,
      );
      const sw = F.n(`${p16}.initial.significantWeaknesses`);
      if (sw > 0) lines.push(`${F.f(`${p16}.initial.significantWeaknesses`)} ${plural(sw, 'area of significant weakness was', 'areas of significant weakness were')} identified.`);
    }
    const rv = `${p16}.revisits`;
    if (F.n(`${rv}.inspections`) > 0) {
      lines.push(
        `Of ${F.f(`${rv}.inspections`)} ${plural(F.n(`${rv}.inspections`), 'revisit')}, ${F.f(`${rv}.addressedAll.count`)} found sufficient progress in addressing all ` +
          `significant weaknesses, ${F.f(`${rv}.addressedSome.count`)} in some and ${F.f(`${rv}.addressedNone.count`)} in none` +
          (F.n(`${rv}.unknown`) > 0 ? ` (${F.f(`${rv}.unknown`)} without a count)` : '') + '.',
      );
      if (F.n(`${rv}.significantWeaknesses`) > 0) {
        lines.push(`${F.f(`${rv}.addressed`)} of the ${F.f(`${rv}.significantWeaknesses`)} significant weaknesses revisited had been addressed.`);
      }
    }
    const c16 = [
      card(F.f(`${p16}.initial.inspections`), `initial ${plural(F.n(`${p16}.initial.inspections`), 'inspection')}`),
      card(F.f(`${rv}.inspections`), plural(F.n(`${rv}.inspections`), 'revisit')),
    ];
    if (F.n(`${p16}.initial.inspections`) > 0) c16.push(card(F.f(`${p16}.initial.wsoaRequired.share`), 'of areas had to produce a WSoA', true));
    blocks.push(
      `<section aria-labelledby="h-2016"><h3 id="h-2016">2016 framework: joint local area SEND inspections</h3>` +
        `<ul class="cards">${c16.join('')}</ul><ul class="headline">${lines.map((l) => `<li>${l}</li>`).join('')}</ul></section>`,
    );
  }
  const p23 = 'national.frameworks.2023';
  if (F.n(`${p23}.inspections`) > 0) {
    const lines: string[] = [];
    const full = `${p23}.full`;
    if (F.n(`${full}.inspections`) > 0) {
      const o = (k: string) => `${F.f(`${full}.outcomes.${k}.count`)} (${F.f(`${full}.outcomes.${k}.share`)})`;
      lines.push(
        `Of ${F.f(`${full}.inspections`)} full ${plural(F.n(`${full}.inspections`), 'inspection')}, ${o('positive')} found typically positive experiences and outcomes, ` +
          `${o('inconsistent')} inconsistent experiences and outcomes and ${o('systemic-failings')} widespread or systemic failings.`,
      );
      lines.push(
        `${F.f(`${full}.priorityActionPlans.count`)} of ${F.f(`${full}.priorityActionPlans.total`)} ${plural(F.n(`${full}.priorityActionPlans.total`), 'area')} ` +
          `(${F.f(`${full}.priorityActionPlans.share`)}) had to produce a priority action plan.`,
      );
      const pa = F.n(`${full}.priorityActions`);
      if (pa > 0) lines.push(`${F.f(`${full}.priorityActions`)} ${plural(pa, 'area for priority action was', 'areas for priority action were')} identified.`);
    }
    const mon = `${p23}.monitoring`;
    if (F.n(`${mon}.inspections`) > 0) {
      lines.push(
        `Of ${F.f(`${mon}.inspections`)} monitoring ${plural(F.n(`${mon}.inspections`), 'inspection')}, ${F.f(`${mon}.outcomes.sufficient-progress.count`)} found sufficient progress and ` +
          `${F.f(`${mon}.outcomes.insufficient-progress.count`)} insufficient progress.`,
      );
    }
    const c23 = [
      card(F.f(`${full}.inspections`), `full ${plural(F.n(`${full}.inspections`), 'inspection')}`),
      card(F.f(`${mon}.inspections`), `monitoring ${plural(F.n(`${mon}.inspections`), 'inspection')}`),
    ];
    if (F.n(`${full}.inspections`) > 0) c23.push(card(F.f(`${full}.outcomes.systemic-failings.share`), 'of full inspections found widespread or systemic failings', true));
    blocks.push(
      `<section aria-labelledby="h-2023"><h3 id="h-2023">2023 framework: area SEND inspections</h3>` +
        `<ul class="cards">${c23.join('')}</ul><ul class="headline">${lines.map((l) => `<li>${l}</li>`).join('')}</ul></section>`,
    );
  }
  if (blocks.length) out.push(`<div class="fw-grid">${blocks.join('')}</div>`);

  const across: string[] = [];
  const cf = s.crossFramework;
  for (const [bucket, words] of [['wsoa', 'that had to produce a WSoA'], ['noWsoa', 'that did not']] as const) {
    const b = cf[bucket];
    const total = b.positive + b.inconsistent + b['systemic-failings'] + b['not-yet'];
    if (total === 0 || total === b['not-yet']) continue;
    const p = `crossFramework.${bucket}`;
    across.push(
      `Of ${total} ${plural(total, 'area')} ${words} under the 2016 framework, ${total - b['not-yet']} had a 2023-framework full inspection: ` +
        `${F.f(`${p}.positive`)} positive, ${F.f(`${p}.inconsistent`)} inconsistent, ${F.f(`${p}.systemic-failings`)} widespread or systemic failings.`,
    );
  }
  const themes: string[] = [];
  const r = 'national.themes.rankings.triggers';
  const top = s.national.themes.rankings.triggers.themes[0];
  if (top) {
    themes.push(
      `${esc(THEME_LABELS[top.theme] ?? top.theme)} was an area of significant weakness or priority action in ` +
        `${F.f(`${r}.themes.0.areas`)} of ${F.f(`${r}.areas`)} ${plural(F.n(`${r}.areas`), 'area')} (${F.f(`${r}.themes.0.share`)}).`,
    );
  }
  const w = 'national.themes.rankings.weaknesses';
  const topWeak = s.national.themes.rankings.weaknesses.themes[0];
  if (topWeak) {
    themes.push(
      `${esc(THEME_LABELS[topWeak.theme] ?? topWeak.theme)} was a weakness in ${F.f(`${w}.themes.0.areas`)} of ${F.f(`${w}.areas`)} ` +
        `${plural(F.n(`${w}.areas`), 'area')} (${F.f(`${w}.themes.0.share`)}).`,
    );
  }
  if (across.length || themes.length) out.push(`<ul class="headline">${[...across, ...themes].map((l) => `<li>${l}</li>`).join('')}</ul>`);
  return section('headlines', 'Headline figures', out.join(''));
}

function card(num: string, label: string, adverse = false): string {
  return `<li class="card${adverse ? ' adverse' : ''}"><span class="num">${num}</span><span class="lbl">${esc(label)}</span></li>`;
}

function section(id: string, heading: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(heading)}</h2>${body}</section>`;
}

// ---------------------------------------------------------------------------------------------
// Charts

const FRAMEWORK_KEYS: Record<Framework, { key: string; label: string }[]> = {
  '2016': [
    { key: 'wsoa-required', label: 'initial: WSoA required' },
    { key: 'no-wsoa', label: 'initial: no WSoA' },
    { key: 'sufficient-progress', label: 'revisit: sufficient progress' },
    { key: 'insufficient-progress', label: 'revisit: insufficient progress' },
  ],
  '2023': [
    { key: 'positive', label: 'full: positive' },
    { key: 'inconsistent', label: 'full: inconsistent' },
    { key: 'systemic-failings', label: 'full: widespread or systemic failings' },
    { key: 'sufficient-progress', label: 'monitoring: sufficient progress' },
    { key: 'insufficient-progress', label: 'monitoring: insufficient progress' },
  ],
};

const OUTCOME_STYLES: Record<string, SeriesStyle> = Object.fromEntries(
  Object.entries(OUTCOME_COLOUR).map(([k, colour]) => [k, { colour, hatch: OUTCOME_TONE[k as Outcome | 'unknown'] === 'bad' }]),
);

function outcomeChart(F: Figures, fw: Framework, by: 'byYear' | 'byRegion', groups: string[], id: string): string {
  const keys = [...FRAMEWORK_KEYS[fw], { key: UNKNOWN, label: 'outcome not found' }];
  const path = (g: string, k: string) => (k === UNKNOWN ? `${by}.${g}.frameworks.${fw}.unknownOutcome` : `${by}.${g}.frameworks.${fw}.outcomes.${k}`);
  const used = groups.filter((g) => F.n(`${by}.${g}.frameworks.${fw}.inspections`) > 0);
  const groupLabel = (g: string) => (g === UNKNOWN ? (by === 'byYear' ? 'year unknown' : 'region unknown') : g);
  const rows: BarRow[] = used.map((g) => ({
    label: `${groupLabel(g)}: ${F.n(`${by}.${g}.frameworks.${fw}.inspections`)} ${plural(F.n(`${by}.${g}.frameworks.${fw}.inspections`), 'inspection')}`,
    segments: keys.map((k) => ({ key: k.key, label: k.label, value: F.n(path(g, k.key)) })),
  }));
  const present = keys.filter((k) => used.some((g) => F.n(path(g, k.key)) > 0));
  const what = by === 'byYear' ? 'year of inspection' : 'Ofsted region';
  const title = `${fw} framework: inspections by ${what} and outcome`;
  const desc =
    `Stacked bars, one per ${by === 'byYear' ? 'year' : 'region'}. ` +
    rows.map((r) => `${r.label}: ${r.segments.filter((sg) => sg.value > 0).map((sg) => `${sg.value} ${sg.label}`).join(', ') || 'none'}.`).join(' ');
  const svg = stackedBars({ id, title, desc }, rows, OUTCOME_STYLES);
  const head = [by === 'byYear' ? 'Year' : 'Region', ...keys.map((k) => k.label), 'all inspections'];
  const tableRows = used.map((g) => [esc(groupLabel(g)), ...keys.map((k) => F.f(path(g, k.key))), F.f(`${by}.${g}.frameworks.${fw}.inspections`)]);
  tableRows.push([
    'All',
    ...keys.map((k) => F.f(k.key === UNKNOWN ? `national.frameworks.${fw}.unknownOutcome` : `national.frameworks.${fw}.outcomes.${k.key}`)),
    F.f(`national.frameworks.${fw}.inspections`),
  ]);
  const note =
    fw === '2016'
      ? 'Initial inspections by whether a Written Statement of Action was required; revisits by whether they found sufficient progress. Adverse outcomes are hatched.'
      : 'Full inspections by outcome; monitoring inspections by whether they found sufficient progress. Adverse outcomes are hatched.';
  return figure(
    `fig-${id}`,
    title,
    note,
    svg,
    legend(present.map((k) => ({ cls: `sw-${k.key}`, label: k.label }))),
    dataTable(title, head, tableRows, (i) => i > 0),
  );
}

function themesChart(F: Figures, s: Summary): string {
  const t = s.national.themes.rankings.triggers;
  const st = s.national.themes.rankings.strengths;
  if (t.areas === 0 && st.areas === 0) return '';
  const order = s.themeIds;
  const idx = (list: { theme: string }[], id: string) => list.findIndex((x) => x.theme === id);
  const rows = order
    .map((id) => ({ id, ti: idx(t.themes, id), si: idx(st.themes, id) }))
    .filter((r) => r.ti >= 0 || r.si >= 0)
    .map((r) => ({ ...r, left: r.ti >= 0 ? t.themes[r.ti].areas : 0, right: r.si >= 0 ? st.themes[r.si].areas : 0 }))
    .sort((a, b) => b.left - a.left || b.right - a.right || order.indexOf(a.id) - order.indexOf(b.id));
  const label = (id: string) => THEME_LABELS[id] ?? id;
  const heads = { left: `Areas with it among significant weaknesses or priority actions (of ${t.areas})`, right: `Areas with it among strengths (of ${st.areas})` };
  const title = 'Themes: significant weaknesses and priority actions against strengths';
  const desc =
    `Diverging bars, one row per theme: to the left the number of areas (of ${t.areas} with significant weaknesses or priority actions) ` +
    `where the theme is among them; to the right the number of areas (of ${st.areas} with strengths) where it is among the strengths. ` +
    rows.map((r) => `${label(r.id)}: ${r.left} and ${r.right}.`).join(' ');
  const svg = divergingBars(
    { id: 'chart-themes', title, desc },
    rows.map((r) => ({ label: label(r.id), left: r.left, right: r.right })),
    heads,
    { left: { colour: PALETTE.weakness, hatch: true }, right: { colour: PALETTE.strength, hatch: false } },
  );
  const rp = 'national.themes.rankings';
  const tableRows = rows.map((r) => [
    esc(label(r.id)),
    r.ti >= 0 ? F.f(`${rp}.triggers.themes.${r.ti}.areas`) : '0',
    r.ti >= 0 ? F.f(`${rp}.triggers.themes.${r.ti}.share`) : '\u2013',
    r.si >= 0 ? F.f(`${rp}.strengths.themes.${r.si}.areas`) : '0',
    r.si >= 0 ? F.f(`${rp}.strengths.themes.${r.si}.share`) : '\u2013',
  ]);
  tableRows.push(['Areas with such findings', F.f(`${rp}.triggers.areas`), '', F.f(`${rp}.strengths.areas`), '']);
  return figure(
    'fig-themes',
    title,
    'Themes ranked by the number of areas whose significant weaknesses (2016 framework) or areas for priority action (2023 framework) carry them, set against the areas whose strengths carry them. An area counts once per theme.',
    svg,
    legend([
      { cls: 'sw-weak', label: 'significant weaknesses / priority actions (hatched, left)' },
      { cls: 'sw-strong', label: 'strengths (right)' },
    ]),
    dataTable(title, ['Theme', 'Areas: significant weaknesses / priority actions', 'share', 'Areas: strengths', 'share'], tableRows, (i) => i > 0),
  );
}

function bodiesChart(model: ReportModel): string {
  const { bodies, unnamed, items } = bodyCounts(model.docs);
  if (items === 0) return '';
  const title = 'Responsible bodies named in areas for priority action';
  const rows: BarRow[] = bodies.map((b) => ({ label: b.body, segments: [{ key: 'body', label: 'priority actions', value: b.items }] }));
  const desc =
    `Bars, one per responsible body as the reports name it, the number of priority-action items naming it. ` +
    bodies.map((b) => `${b.body}: ${b.items}.`).join(' ') +
    (unnamed ? ` ${unnamed} ${plural(unnamed, 'item names', 'items name')} no body.` : '');
  const svg = bodies.length
    ? stackedBars({ id: 'chart-bodies', title, desc }, rows, { body: { colour: PALETTE.body, hatch: false } })
    : '';
  const note =
    `Items in the areas for priority action of 2023-framework full and monitoring reports (${items} in all), counted per body as the report names it (white space normalised).` +
    (unnamed ? ` ${unnamed} ${plural(unnamed, 'item names', 'items name')} no responsible body.` : '');
  return figure(
    'fig-bodies',
    title,
    note,
    svg,
    '',
    bodies.length ? dataTable(title, ['Responsible body', 'Priority-action items'], bodies.map((b) => [esc(b.body), String(b.items)]), (i) => i > 0) : '',
  );
}

function chartsSection(F: Figures, s: Summary, model: ReportModel): string {
  const figs: string[] = [];
  const years = Object.keys(s.byYear);
  const regions = Object.keys(s.byRegion);
  for (const fw of ['2016', '2023'] as Framework[]) {
    if (s.national.frameworks[fw].inspections === 0) continue;
    figs.push(outcomeChart(F, fw, 'byYear', years, `chart-year-${fw}`));
  }
  for (const fw of ['2016', '2023'] as Framework[]) {
    if (s.national.frameworks[fw].inspections === 0) continue;
    figs.push(outcomeChart(F, fw, 'byRegion', regions, `chart-region-${fw}`));
  }
  figs.push(themesChart(F, s), bodiesChart(model));
  return section('charts', 'Charts', `<div class="charts">${figs.filter(Boolean).join('')}</div>`);
}

// ---------------------------------------------------------------------------------------------
// The table of inspections

function outcomeCell(d: InspectionDoc): string {
  const r = d.report;
  let extra = '';
  if (d.kind === 'area-send-revisit-2016' && r.revisit) extra = ` (${r.revisit.addressed} of ${r.revisit.total} addressed)`;
  return `${badge(r.outcome)}${extra ? ` ${esc(extra.trim())}` : ''}`;
}

function inspectionsSection(model: ReportModel): string {
  const head: { label: string; type: 'text' | 'date' | 'number' }[] = [
    { label: 'Area', type: 'text' },
    { label: 'Region', type: 'text' },
    { label: 'Inspection', type: 'text' },
    { label: 'Dates', type: 'date' },
    { label: 'Outcome', type: 'text' },
    { label: 'Significant weaknesses / priority actions', type: 'number' },
    { label: 'Strengths', type: 'number' },
    { label: 'Weaknesses', type: 'number' },
    { label: 'Improvements', type: 'number' },
  ];
  const numeric = (i: number) => head[i].type === 'number';
  const th = head.map((h, i) => `<th scope="col" data-type="${h.type}"${numeric(i) ? ' class="n"' : ''}>${esc(h.label)}</th>`).join('');
  const rows = model.docs.map((d) => {
    const r = d.report;
    const dates = formatRange(r.inspectionStart, r.inspectionEnd) || (r.letterDate ? `letter ${formatDate(r.letterDate)}` : 'not found');
    const cells = [
      `<td data-label="Area"><a href="#area-${d.area.slug}">${esc(d.area.name)}</a></td>`,
      `<td data-label="Region">${esc(d.area.region ?? 'unknown')}</td>`,
      `<td data-label="Inspection"><a href="#${d.anchor}">${esc(KIND_SHORT[d.kind])}</a></td>`,
      `<td data-label="Dates" class="date" data-sort="${esc(d.date ?? '')}">${esc(dates)}</td>`,
      `<td data-label="Outcome">${outcomeCell(d)}</td>`,
      `<td data-label="Significant weaknesses / priority actions" class="n">${r.significantWeaknesses.length + r.priorityActions.length}</td>`,
      `<td data-label="Strengths" class="n">${r.strengths.length}</td>`,
      `<td data-label="Weaknesses" class="n">${r.weaknesses.length}</td>`,
      `<td data-label="Improvements" class="n">${r.improvements.length}</td>`,
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  const filter =
    `<div class="filter-box" id="filter-box" hidden><label for="filter">Filter inspections</label>` +
    `<input type="search" id="filter" autocomplete="off" spellcheck="false" aria-describedby="filter-help filter-count">` +
    `<span class="note" id="filter-help">rows holding every word typed (area, region, kind, outcome, date)</span>` +
    `<span class="note" id="filter-count" role="status" aria-live="polite"></span></div>`;
  return section(
    'inspections',
    'Every inspection',
    `<p>${model.docs.length} SEND inspection ${plural(model.docs.length, 'document')}, by area and date. Each area's name leads to its inspections and findings below. ` +
      `Weaknesses are areas for development (2016) or what needs to be better (2023); improvements are areas for improvement (2023).</p>` +
      filter +
      `<div class="table-wrap"><table class="inspections" id="inspections-table"><caption>Inspections: area, region, kind, dates, outcome and counts of findings</caption>` +
      `<thead><tr>${th}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`,
  );
}

// ---------------------------------------------------------------------------------------------
// Per area

const themeTags = (item: Item) =>
  (item.themes ?? []).map((t) => `<span class="tag">${esc(THEME_LABELS[t] ?? t)}</span>`).join(' ');

function findingItem(item: Item, file: string, opts: { body?: boolean }): string {
  const page = item.page ?? item.evidence?.page ?? null;
  const meta: string[] = [];
  if (item.progress) meta.push(badge(item.progress === 'sufficient' ? 'sufficient-progress' : 'insufficient-progress'));
  if (opts.body) meta.push(`Responsible body: ${item.body ? esc(item.body) : 'not named'}`);
  const tags = themeTags(item);
  meta.push(tags ? `Themes: ${tags}` : 'Themes: none found');
  meta.push(`Evidence: ${page !== null ? `page ${esc(page)}` : 'page not recorded'} of <span class="path">${esc(file)}</span>`);
  return `<li><blockquote class="evidence"><p>${esc(item.text)}</p></blockquote><p class="finding-meta">${meta.join(' \u00B7 ')}</p></li>`;
}

function inspectionEntry(d: InspectionDoc, previous: InspectionDoc | null): string {
  const r = d.report;
  const out: string[] = [];
  const dates = formatRange(r.inspectionStart, r.inspectionEnd);
  const when = d.date ?? '';
  out.push(
    `<div class="tl-head"><span class="tl-date">${when && dates ? `<time datetime="${esc(when)}">${esc(dates)}</time>` : esc(dates || 'dates not found')}</span> ` +
      `<span class="tl-kind">${esc(KIND_LABELS[d.kind])}</span> ${badge(r.outcome)}</div>`,
  );
  const gap = previous ? formatGap(previous.date, d.date) : null;
  if (gap) out.push(`<p class="tl-gap">${esc(gap)} after the ${esc(KIND_LABELS[previous!.kind].replace(/ \(.*\)$/, '').toLowerCase())}</p>`);
  const facts: string[] = [];
  if (r.letterDate) facts.push(`letter dated ${esc(formatDate(r.letterDate))}`);
  facts.push(`source: <span class="path">${esc(r.file)}</span>${r.pages ? ` (${r.pages} ${plural(r.pages, 'page')})` : ''}`);
  const counts = [
    [r.strengths.length, 'strength', 'strengths'],
    [r.weaknesses.length, 'weakness', 'weaknesses'],
    [r.improvements.length, 'area for improvement', 'areas for improvement'],
  ] as const;
  const said = counts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${plural(n, one, many)}`);
  if (said.length) facts.push(said.join(', '));
  out.push(`<p class="finding-meta">${facts.join(' \u00B7 ')}</p>`);

  const list = d.kind === 'area-send-initial-2016' || d.kind === 'area-send-revisit-2016' ? r.significantWeaknesses : r.priorityActions;
  const isPa = d.kind === 'area-send-full-2023' || d.kind === 'area-send-monitoring-2023';
  let heading: string;
  if (d.kind === 'area-send-initial-2016') heading = 'Areas of significant weakness';
  else if (d.kind === 'area-send-revisit-2016') heading = 'Significant weaknesses revisited';
  else if (d.kind === 'area-send-full-2023') heading = 'Areas for priority action';
  else heading = 'Areas for priority action monitored';
  if (list.length > 0) {
    let sub = '';
    if (d.kind === 'area-send-revisit-2016' && r.revisit) sub = `: ${r.revisit.addressed} of ${r.revisit.total} addressed`;
    out.push(`<h4>${heading} (${list.length})${esc(sub)}</h4>`);
    out.push(`<ol class="findings">${list.map((i) => findingItem(i, r.file, { body: isPa })).join('')}</ol>`);
  } else {
    const none =
      r.outcome === 'no-wsoa' || r.outcome === 'positive' || r.outcome === 'inconsistent'
        ? `No ${heading.toLowerCase()}: none was required.`
        : `No ${heading.toLowerCase()} found in this document.`;
    out.push(`<p class="note">${esc(none)}</p>`);
  }
  return `<li id="${d.anchor}">${out.join('')}</li>`;
}

function areaSection(a: AreaGroup): string {
  const entries = a.docs.map((d, i) => inspectionEntry(d, i > 0 ? a.docs[i - 1] : null));
  const written = [...new Set(a.docs.map((d) => d.report.area).filter((n): n is string => !!n && n !== a.name))];
  return (
    `<section class="area" id="area-${a.slug}" aria-labelledby="area-${a.slug}-h"><h3 id="area-${a.slug}-h">${esc(a.name)}</h3>` +
    `<p class="meta">Region: ${esc(a.region ?? 'unknown (not in the local authority table)')} \u00B7 ${a.docs.length} ${plural(a.docs.length, 'inspection')}` +
    (written.length ? ` \u00B7 as the documents name it: ${written.map(esc).join('; ')}` : '') +
    `</p><ol class="timeline" aria-label="Inspections of ${esc(a.name)}, oldest first">${entries.join('')}</ol></section>`
  );
}

function areasSection(model: ReportModel): string {
  return section(
    'areas',
    'Areas',
    `<p>Each area's inspections across both frameworks, oldest first, with the significant weaknesses (2016 framework) or areas for priority action (2023 framework), their themes and the text they were read from.</p>` +
      model.areas.map(areaSection).join(''),
  );
}

function notCountedSection(model: ReportModel, s: Summary): string {
  const parts: string[] = [];
  if (model.notCounted.length) {
    parts.push(
      `<h3 id="not-send">Documents not counted</h3><ul>` +
        model.notCounted
          .map((r) => `<li>${esc(r.file)}: ${r.kind === 'error' ? 'could not be read' : 'not an area SEND inspection'}${r.reason ? ` (${esc(r.reason)})` : ''}</li>`)
          .join('') +
        `</ul>`,
    );
  }
  if (model.duplicates.length) {
    parts.push(`<h3 id="duplicates">Duplicates</h3><p>The same document read again under another name, counted once:</p><ul>${model.duplicates.map((r) => `<li>${esc(r.file)}</li>`).join('')}</ul>`);
  }
  if (s.unknownAreas.length) {
    parts.push(
      `<h3 id="unknown-areas">Areas not in the local authority table</h3><p>Counted nationally and under region "unknown".</p><ul>` +
        s.unknownAreas.map((u) => `<li>${esc(u.area ?? '(no area named)')}: ${u.inspections} ${plural(u.inspections, 'document')} (${u.files.map(esc).join(', ')})</li>`).join('') +
        `</ul>`,
    );
  }
  return parts.length ? section('notes', 'Notes on the documents', parts.join('')) : '';
}

// ---------------------------------------------------------------------------------------------

/** The whole report as one HTML document. */
export function renderReport(reports: Report[], opts: RenderOptions = {}): string {
  const title = opts.title?.trim() || DEFAULT_TITLE;
  const summary = summarise(reports);
  const F = new Figures(summary);
  const model = buildModel(reports);
  const d = summary.documents;
  const empty = model.docs.length === 0;

  const nav = empty
    ? ''
    : `<nav class="toc" aria-label="Contents"><ul><li><a href="#headlines">Headline figures</a></li><li><a href="#charts">Charts</a></li>` +
      `<li><a href="#inspections">Every inspection</a></li><li><a href="#areas">Areas</a></li></ul></nav>`;
  const read = `${d.input} ${plural(d.input, 'document')} read`;
  const meta = [read, opts.generatedAt ? `generated ${esc(opts.generatedAt)}` : ''].filter(Boolean).join(' \u00B7 ');

  const main: string[] = [];
  if (empty) {
    main.push(
      `<p class="empty" id="empty">This report covers no area SEND inspections: ${d.input === 0 ? 'no documents were given' : `none of the ${read.replace(' read', '')} read was an area SEND inspection letter or report`}.</p>`,
    );
  } else {
    main.push(headlineSection(F, summary), chartsSection(F, summary, model), inspectionsSection(model), areasSection(model));
  }
  main.push(notCountedSection(model, summary));

  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="referrer" content="no-referrer">\n` +
    `<meta name="generator" content="sendmine">\n` +
    `<title>${esc(title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n` +
    `<a class="skip" href="#main">Skip to the report</a>\n` +
    `<header class="page"><div class="wrap"><h1>${esc(title)}</h1><p class="meta">${meta}</p>${nav}</div></header>\n` +
    `<main id="main" class="wrap">\n${main.filter(Boolean).join('\n')}\n</main>\n` +
    `<footer class="page"><div class="wrap"><p>Made by sendmine from the text of Ofsted and CQC area SEND inspection letters and reports. ` +
    `Headline figures and chart numbers are those of <code>sendmine summary --format json</code> for the same documents (schema ${esc(summary.schema)}); ` +
    `themes are sendmine's reading of each finding, not the inspectorates' own classification.</p></div></footer>\n` +
    `<script>${SCRIPT}</script>\n</body>\n</html>\n`
  );
}
