/**
 * Hand-built Report records for the HTML report's tests. Finding texts are invented for
 * these tests; area names are real local authorities so regions resolve.
 */
import type { Item, Report } from '../../src/types.js';
import { emptyReport } from '../../src/parse/common.js';

export function report(overrides: Partial<Report>): Report {
  // The extractor's own empty record, so a new Report field needs no edit here.
  return { ...emptyReport(`${(overrides.area ?? 'doc').toLowerCase().replace(/\W+/g, '-')}.txt`), kind: 'area-send-initial-2016', pages: 3, parserVersion: 'test', ...overrides };
}

/** Items with the given themes (one array per item), on page 2. */
export const items = (...themes: string[][]): Item[] =>
  themes.map((t, i) => ({ text: `Invented finding ${i + 1}: the area has not done enough.`, page: 2, themes: t }));

const bexleyFull = report({
  file: 'bexley-full.pdf', kind: 'area-send-full-2023', area: 'London Borough of Bexley', inspectionStart: '2023-12-04', inspectionEnd: '2023-12-08',
  outcome: 'systemic-failings', actionPlan: 'priority-action-plan', sha256: 'b'.repeat(64),
  strengths: items(['workforce']),
  weaknesses: items(['ehc-plans']),
  priorityActions: [
    { text: 'Leaders should make EHC plans on time.', page: 4, themes: ['ehc-plans'], body: 'London Borough of Bexley and NHS South East London ICB' },
    { text: 'Leaders should oversee the strategy.', page: 5, themes: ['leadership-governance'], body: ' London  Borough of Bexley\n and NHS South East London ICB ' },
    { text: 'The council should publish its local offer.', page: 5, themes: ['local-offer'], body: 'London Borough of Bexley' },
  ],
});

/*
 * By hand. SEND documents: 9 (the copy of Bexley's report is a duplicate), of 6 areas
 * (Barnet, Bedford, Dorset county, Northmoor (unknown), Bexley, Cumberland).
 * 2016: 6 documents; 4 initial inspections of 4 areas, 2 of 4 (50%) WSoA; 4 significant
 * weaknesses in the letters; 2 revisits: 1 addressed all, 0 some, 1 none.
 * 2023: 3 documents; 2 full: 1 positive (50%), 0 inconsistent, 1 systemic failings (50%);
 * 1 of 2 (50%) priority action plans; 3 priority actions; 1 monitoring, sufficient progress.
 * Bodies (full and monitoring): "London Borough of Bexley and NHS South East London ICB" 2
 * (white space normalised), "London Borough of Bexley" 1, and 2 monitoring items with none.
 */
export const SAMPLE: Report[] = [
  report({ area: 'Barnet', inspectionStart: '2017-03-06', inspectionEnd: '2017-03-10', letterDate: '2017-04-20', outcome: 'no-wsoa', weaknesses: items(['ehc-plans']), strengths: items(['parent-engagement']) }),
  report({
    file: 'bedford-initial.txt', area: 'Bedford Borough', inspectionStart: '2018-02-05', letterDate: '2018-03-28', outcome: 'wsoa-required', actionPlan: 'written-statement-of-action',
    weaknesses: items(['ehc-plans']),
    significantWeaknesses: items(['ehc-plans'], ['joint-commissioning', 'leadership-governance'], ['ehc-plans']),
  }),
  report({
    file: 'bedford-revisit.txt', kind: 'area-send-revisit-2016', area: 'Bedford', inspectionStart: '2020-02-03', letterDate: '2020-05-11',
    outcome: 'sufficient-progress', revisit: { addressed: 3, total: 3 },
    significantWeaknesses: items(['ehc-plans'], ['joint-commissioning'], ['ehc-plans']).map((i) => ({ ...i, progress: 'sufficient' as const })),
  }),
  report({ file: 'dorset-initial.txt', area: 'Dorset', inspectionStart: '2017-01-09', outcome: 'wsoa-required', significantWeaknesses: items(['leadership-governance']) }),
  report({
    file: 'dorset-revisit.txt', kind: 'area-send-revisit-2016', area: 'Dorset', inspectionStart: '2019-02-04', outcome: 'insufficient-progress', revisit: { addressed: 0, total: 1 },
    significantWeaknesses: [{ ...items(['leadership-governance'])[0], progress: 'insufficient' }],
  }),
  report({ file: 'northmoor.txt', area: 'Northmoor', outcome: 'no-wsoa' }),
  bexleyFull,
  report({
    file: 'bexley-monitoring.pdf', kind: 'area-send-monitoring-2023', area: 'Bexley', inspectionStart: '2025-03-03', outcome: 'sufficient-progress',
    priorityActions: items(['ehc-plans'], ['leadership-governance']).map((i) => ({ ...i, progress: 'sufficient' as const })),
  }),
  report({
    file: 'cumberland.pdf', kind: 'area-send-full-2023', area: 'Cumberland', inspectionStart: '2024-07-01', inspectionEnd: '2024-07-05', outcome: 'positive',
    strengths: items(['parent-engagement'], ['workforce']), improvements: items(['ehc-plans']),
  }),
  report({ file: 'broken.pdf', kind: 'error', reason: 'not a PDF' }),
  report({ file: 'news.txt', kind: 'not-send-inspection', reason: 'a news article' }),
  { ...bexleyFull, file: 'copy-of-bexley-full.pdf' },
];

export const HOSTILE_TEXT = '<script>alert("x")</script>';
export const HOSTILE_ATTR = '"><img src=x onerror=alert(1)>';

/** A report whose every document-given string tries to break out of the page. */
export const HOSTILE: Report[] = [
  report({
    file: 'evil"<file>.pdf', kind: 'area-send-full-2023', area: 'Evil <b>Town</b> & "Co"', inspectionStart: '2024-05-06', outcome: 'systemic-failings',
    actionPlan: 'priority-action-plan', sha256: 'e'.repeat(64),
    priorityActions: [
      { text: HOSTILE_TEXT, page: 1, themes: ['ehc-plans'], body: '<script>steal()</script>' },
      { text: HOSTILE_ATTR, page: 2, themes: ['"><svg onload=alert(2)>'], body: "' onmouseover='alert(3)" },
      { text: '</title></svg></table><iframe src="javascript:alert(4)">', page: 3, themes: ['workforce'] },
    ],
    strengths: [{ text: 'A strength.', page: 3, themes: ['workforce'] }],
  }),
  report({ file: '<img src=y onerror=alert(5)>.txt', kind: 'not-send-inspection', reason: '<a href="http://example.invalid/">click</a>' }),
];
