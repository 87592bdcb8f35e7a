import { describe, expect, it } from 'vitest';
import { matchItems, prf, scoreCheck } from '../../src/check/score.js';
import { T, g, goldDoc, item, reportFor } from './helpers.js';

describe('matchItems', () => {
  it('matches an item whose normalised text starts with `start` and ends with `end`', () => {
    expect(matchItems([g(T.a)], [item(`\u25FC  ${T.a.replace(/ /g, '\n')}`)])).toEqual([[0, 0]]);
  });

  it('does not match a truncated item', () => {
    expect(matchItems([g(T.a)], [item(T.a.slice(0, -10))])).toEqual([]);
  });

  it('does not match an item with a header glued to its start', () => {
    expect(matchItems([g(T.a)], [item(`Area SEND inspection report: Northmoor ${T.a}`)])).toEqual([]);
  });

  it('normalises the gold side too (a gold start keeping its list number or an inner bullet)', () => {
    const gold = [{ start: `1. ${T.a.slice(0, 57)}`, end: T.a.slice(-40) }];
    expect(matchItems(gold, [item(`1. ${T.a}`)])).toEqual([[0, 0]]);
    const withBullet = 'Leaders must: \u2022 improve plans; \u2022 reduce waiting times for therapy services across the area.';
    expect(matchItems([g(withBullet)], [item(withBullet.replace(/\u2022 /g, '\n\u25E6 '))])).toEqual([[0, 0]]);
  });

  it('is one-to-one: two identical predictions cannot both match one gold item', () => {
    expect(matchItems([g(T.a)], [item(T.a), item(T.a)])).toEqual([[0, 0]]);
  });

  it('pairs duplicate gold items with duplicate predictions in order', () => {
    expect(matchItems([g(T.a), g(T.a)], [item(T.a), item(T.a)])).toEqual([[0, 0], [1, 1]]);
  });

  it('skips spurious and missing items without losing later matches', () => {
    const gold = [g(T.a), g(T.b), g(T.c)];
    const predicted = [item('A stray heading'), item(T.a), item(T.c), item(T.d)];
    expect(matchItems(gold, predicted)).toEqual([[0, 1], [2, 2]]);
  });

  it('keeps document order: an item out of order cannot also match', () => {
    // Either a/b or c can be kept in order, not both; the alignment keeps the larger set.
    expect(matchItems([g(T.a), g(T.b), g(T.c)], [item(T.c), item(T.a), item(T.b)])).toEqual([[0, 1], [1, 2]]);
  });
});

describe('prf', () => {
  it('computes precision, recall and F1', () => {
    expect(prf(3, 4, 6)).toEqual({ precision: 0.75, recall: 0.5, f1: 0.6 });
  });
  it('is null only when nothing was expected or predicted', () => {
    expect(prf(0, 0, 0)).toEqual({ precision: null, recall: null, f1: null });
  });
  it('scores F1 0 when nothing was predicted but something was expected, and the other way round', () => {
    expect(prf(0, 0, 5).f1).toBe(0);
    expect(prf(0, 2, 0).f1).toBe(0);
  });
});

describe('scoreCheck: documents and fields', () => {
  it('gives perfect figures for a perfect extraction', () => {
    const gold = goldDoc({ strengths: [g(T.a)], weaknesses: [g(T.b)] });
    const r = scoreCheck([{ gold, predicted: reportFor(gold, { strengths: [item(T.a)], weaknesses: [item(T.b)] }) }]);
    expect(r.documents).toEqual({ gold: 1, found: 1, errors: 0 });
    expect(r.kind.rate).toBe(1);
    expect(r.outcome.rate).toBe(1);
    expect(r.fields).toEqual({ correct: 11, total: 11, rate: 1 });
    expect(r.items).toMatchObject({ gold: 2, predicted: 2, matched: 2, f1: 1 });
    expect(r.mismatches).toEqual([]);
  });

  it('counts errors as not found and scores their fields as wrong', () => {
    const gold = goldDoc();
    const negative = goldDoc({ label: 'neg.txt', kind: 'not-send-inspection', area: null, inspectionStart: null, inspectionEnd: null, outcome: null, nextSteps: null });
    const r = scoreCheck([
      { gold, predicted: { ...reportFor(gold), kind: 'error', area: null, outcome: null, reason: 'PDF is encrypted' } },
      { gold: negative, predicted: reportFor(negative) },
    ]);
    expect(r.documents).toEqual({ gold: 2, found: 1, errors: 1 });
    expect(r.kind).toEqual({ correct: 1, total: 2, rate: 0.5 });
    expect(r.outcome).toEqual({ correct: 1, total: 2, rate: 0.5 });
    expect(r.fields).toEqual({ correct: 19, total: 22, rate: 19 / 22 });
    const kindMismatch = r.mismatches.find((m) => m.field === 'kind');
    expect(kindMismatch).toMatchObject({ file: 'x/pdf/doc.pdf', expected: '"area-send-full-2023"', got: '"error" (PDF is encrypted)' });
  });

  it('compares area case-insensitively, ignoring spacing and quote style', () => {
    const gold = goldDoc({ area: "Brighton and Hove's" });
    const ok = scoreCheck([{ gold, predicted: reportFor(gold, { area: 'BRIGHTON  and Hove\u2019s' }) }]);
    expect(ok.perField.area.rate).toBe(1);
    const wrong = scoreCheck([{ gold, predicted: reportFor(gold, { area: 'Brighton' }) }]);
    expect(wrong.perField.area.rate).toBe(0);
    expect(wrong.mismatches[0]).toMatchObject({ kind: 'field', field: 'area', expected: `"Brighton and Hove's"`, got: '"Brighton"' });
  });

  it('compares nextSteps and revisit deeply, with null equal to null', () => {
    const gold = goldDoc({ nextSteps: { monitoringWithinMonths: 18, nextFullInspectionWithinYears: 3 }, revisit: null });
    const same = scoreCheck([{ gold, predicted: reportFor(gold, { nextSteps: { nextFullInspectionWithinYears: 3, monitoringWithinMonths: 18 } }) }]);
    expect(same.perField.nextSteps.rate).toBe(1);
    expect(same.perField.revisit.rate).toBe(1);
    const differ = scoreCheck([{ gold, predicted: reportFor(gold, { nextSteps: { monitoringWithinMonths: null, nextFullInspectionWithinYears: 3 }, revisit: { addressed: 1, total: 2 } }) }]);
    expect(differ.perField.nextSteps.rate).toBe(0);
    expect(differ.perField.revisit.rate).toBe(0);
    expect(differ.fields).toEqual({ correct: 9, total: 11, rate: 9 / 11 });
  });

  it('treats dates as exact strings', () => {
    const gold = goldDoc();
    const r = scoreCheck([{ gold, predicted: reportFor(gold, { inspectionEnd: '2024-01-13' }) }]);
    expect(r.perField.inspectionEnd.rate).toBe(0);
    expect(r.perField.inspectionStart.rate).toBe(1);
  });
});

describe('scoreCheck: item lists', () => {
  const gold = goldDoc({ strengths: [g(T.a), g(T.b), g(T.c)], weaknesses: [g(T.d)] });
  const predicted = reportFor(gold, {
    // One right, one cut short by a page break, one spurious heading; c is missing.
    strengths: [item(T.a), item(T.b.slice(0, 70)), item('What does the area partnership need to do better?')],
    weaknesses: [item(T.d)],
  });
  const r = scoreCheck([{ gold, predicted }]);

  it('counts gold, predicted and matched per list, with precision, recall and F1', () => {
    const strengths = r.lists.find((l) => l.list === 'strengths')!;
    expect(strengths).toMatchObject({ gold: 3, predicted: 3, matched: 1, exactCountDocs: 1, documents: 1 });
    expect(strengths.precision).toBeCloseTo(1 / 3);
    expect(strengths.recall).toBeCloseTo(1 / 3);
    expect(strengths.f1).toBeCloseTo(1 / 3);
    const weaknesses = r.lists.find((l) => l.list === 'weaknesses')!;
    expect(weaknesses).toMatchObject({ gold: 1, predicted: 1, matched: 1, f1: 1 });
    const improvements = r.lists.find((l) => l.list === 'improvements')!;
    expect(improvements).toMatchObject({ gold: 0, predicted: 0, f1: null, exactCountDocs: 1 });
  });

  it('micro-averages over all lists', () => {
    expect(r.items).toMatchObject({ gold: 4, predicted: 4, matched: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  it('lists missing gold items with the closest prediction, and spurious predictions', () => {
    const missing = r.mismatches.filter((m) => m.kind === 'missing-item');
    expect(missing.map((m) => m.field)).toEqual(['strengths[1]', 'strengths[2]']);
    expect(missing[0]!.expected).toBe(`${T.b.slice(0, 60).trim()} … ${T.b.slice(-40).trim()}`);
    expect(missing[0]!.closest).toBe(T.b.slice(0, 70));
    expect(missing[0]!.got).toContain('closest strengths[1]');
    expect(missing[1]!.got).toBe('no similar item');
    const spurious = r.mismatches.filter((m) => m.kind === 'spurious-item');
    expect(spurious.map((m) => [m.field, m.got])).toEqual([
      ['strengths[1]', T.b.slice(0, 70)],
      ['strengths[2]', 'What does the area partnership need to do better?'],
    ]);
  });

  it('says when the missing item is there but out of document order', () => {
    const g2 = goldDoc({ strengths: [g(T.a), g(T.b)] });
    const out = scoreCheck([{ gold: g2, predicted: reportFor(g2, { strengths: [item(T.b), item(T.a)] }) }]);
    const missing = out.mismatches.find((m) => m.kind === 'missing-item')!;
    expect(missing.got).toMatch(/out of document order/);
  });

  it('counts documents whose list length is exactly right', () => {
    const g1 = goldDoc({ label: 'one', weaknesses: [g(T.a)] });
    const g2 = goldDoc({ label: 'two', weaknesses: [g(T.b)] });
    const out = scoreCheck([
      { gold: g1, predicted: reportFor(g1, { weaknesses: [item(T.a)] }) },
      { gold: g2, predicted: reportFor(g2, { weaknesses: [item(T.b), item(T.c)] }) },
    ]);
    expect(out.lists.find((l) => l.list === 'weaknesses')!.exactCountDocs).toBe(1);
  });
});

describe('scoreCheck: priority action bodies and polarity', () => {
  it('scores the body over matched priority actions only, ignoring case, spacing and quotes', () => {
    const gold = goldDoc({
      priorityActions: [
        g(T.a, { body: 'Northmoor Council and NHS Northmoor ICB' }),
        g(T.b, { body: 'Northmoor Council' }),
        g(T.c, { body: 'NHS Northmoor ICB' }),
        g(T.d, { body: 'Northmoor Council' }),
      ],
    });
    const predicted = reportFor(gold, {
      priorityActions: [
        item(T.a, { body: 'northmoor council and  NHS Northmoor ICB' }),
        item(T.b, { body: 'NHS Northmoor ICB' }),
        item(T.c), // no body given: wrong
        // T.d is not extracted at all: not counted for body accuracy
      ],
    });
    const r = scoreCheck([{ gold, predicted }]);
    expect(r.body).toEqual({ correct: 1, total: 3, rate: 1 / 3 });
    const bodyMismatches = r.mismatches.filter((m) => m.kind === 'body');
    expect(bodyMismatches.map((m) => [m.field, m.expected, m.got])).toEqual([
      ['priorityActions[1].body', '"Northmoor Council"', '"NHS Northmoor ICB"'],
      ['priorityActions[2].body', '"NHS Northmoor ICB"', 'null'],
    ]);
  });

  it('scores main-finding polarity over matched findings with gold polarity; a missing polarity is wrong', () => {
    const gold = goldDoc({
      kind: 'area-send-initial-2016',
      mainFindings: [g(T.a, { polarity: 'strength' }), g(T.b, { polarity: 'weakness' }), g(T.c, { polarity: 'mixed' }), g(T.d)],
    });
    const predicted = reportFor(gold, {
      mainFindings: [item(T.a, { polarity: 'strength' }), item(T.b, { polarity: 'mixed' }), item(T.c), item(T.d, { polarity: 'neutral' })],
    });
    const r = scoreCheck([{ gold, predicted }]);
    expect(r.polarity).toEqual({ correct: 1, total: 3, rate: 1 / 3 });
  });

  it('reports n/a (null) when there is nothing to score', () => {
    const gold = goldDoc();
    const r = scoreCheck([{ gold, predicted: reportFor(gold) }]);
    expect(r.body.rate).toBeNull();
    expect(r.polarity.rate).toBeNull();
  });
});

describe('scoreCheck: themes', () => {
  it('scores (item, theme) pairs over matched items, micro and per theme', () => {
    const gold = goldDoc({
      strengths: [g(T.a, { themes: ['parent-engagement', 'social-care'] }), g(T.d, { themes: ['early-identification'] })],
      weaknesses: [g(T.b, { themes: ['ehc-plans'] }), g(T.c, { themes: ['health-access'] })],
    });
    const predicted = reportFor(gold, {
      strengths: [item(T.a, { themes: ['parent-engagement'] }), item(T.d, { themes: ['early-identification', 'workforce'] })],
      weaknesses: [item(T.b, { themes: ['ehc-plans'] })], // T.c unmatched: its themes are not scored
    });
    const r = scoreCheck([{ gold, predicted }]);
    // gold pairs 4 (over 3 matched items), predicted 4, true positives 3
    expect(r.themes).toMatchObject({ items: 3, gold: 4, predicted: 4, truePositives: 3, precision: 0.75, recall: 0.75, f1: 0.75, predictedAny: true });
    const byTheme = Object.fromEntries(r.themes.perTheme.map((t) => [t.theme, t]));
    expect(byTheme['social-care']).toMatchObject({ support: 1, predicted: 0, recall: 0, f1: 0 });
    expect(byTheme['workforce']).toMatchObject({ support: 0, predicted: 1, precision: 0, f1: 0 });
    expect(byTheme['ehc-plans']).toMatchObject({ support: 1, predicted: 1, f1: 1 });
    expect(byTheme['health-access']).toBeUndefined();
    expect(r.themeDiffs.map((d) => d.item)).toEqual(['strengths[0]', 'strengths[1]']);
  });

  it('explains each theme difference: the rule and sentence behind an extra theme, and a missed one that was set aside', () => {
    const gold = goldDoc({ strengths: [g(T.a, { themes: ['leadership-governance', 'workforce'] })] });
    const explained = item(T.a, {
      themes: ['parent-engagement', 'workforce'],
      explain: {
        themes: [
          { theme: 'parent-engagement', rule: 'parent-engagement/forum', words: 'parent carer forum', sentence: 2 },
          { theme: 'workforce', rule: 'workforce/training', words: 'training', sentence: 1 },
          { theme: 'leadership-governance', rule: 'leadership-governance/general', words: 'strategy', sentence: 1, dropped: 'gives way to workforce' },
        ],
      },
    });
    const r = scoreCheck([{ gold, predicted: reportFor(gold, { strengths: [explained] }) }]);
    expect(r.themeDiffs[0].why).toEqual([
      '+parent-engagement: parent-engagement/forum "parent carer forum" (sentence 2)',
      '-leadership-governance: set aside: leadership-governance/general "strategy" (sentence 1), gives way to workforce',
    ]);
  });

  it('treats absent predicted themes as empty and still reports the figure', () => {
    const gold = goldDoc({ strengths: [g(T.a, { themes: ['parent-engagement'] })] });
    const r = scoreCheck([{ gold, predicted: reportFor(gold, { strengths: [item(T.a)] }) }]);
    expect(r.themes).toMatchObject({ items: 1, gold: 1, predicted: 0, recall: 0, f1: 0, predictedAny: false });
  });
});

describe('scoreCheck: header/footer leaks', () => {
  const gold = goldDoc({ strengths: [g(T.a), g(T.b)], weaknesses: [g(T.c)] });

  it('finds the report\'s own removed furniture lines inside items (12+ characters, normalised)', () => {
    const predicted = reportFor(gold, {
      furniture: ['Northmoor \u2013 local area report', '7', 'Ofsted'],
      strengths: [item(T.a), item(`${T.b.slice(0, 80)} Northmoor - local  area report ${T.b.slice(80)}`)],
      weaknesses: [item(`${T.c.slice(0, 70)} 7 Ofsted ${T.c.slice(70)}`)], // too short to count
    });
    const r = scoreCheck([{ gold, predicted }]);
    expect(r.headerLeaks.items).toBe(1);
    expect(r.headerLeaks.hits[0]).toMatchObject({ item: 'strengths[1]', via: 'furniture', match: 'Northmoor - local area report' });
    // A mid-text leak does not spoil the match, but is listed as a mismatch.
    expect(r.items.matched).toBe(3);
    expect(r.mismatches.filter((m) => m.kind === 'leak').map((m) => m.field)).toEqual(['strengths[1]']);
  });

  it.each([
    ['report-title', 'Area SEND inspection report: Northmoor Local Area Partnership'],
    ['report-title', 'Inspection report: North Northmoor Local Area Partnership, 8 to 12 January 2024'],
    ['report-title-prefix', 'Area SEND inspection report: North'],
    ['page-n-of-m', 'Page 4 of 11'],
    ['joint-letter-footer', 'Joint local area SEND inspection in Northmoor upon Sea 6'],
    ['dates-line-then-page-number', '8 to 12 January 2024 5'],
    ['dates-line-then-page-number', '29 January 2024 to 2 February 2024 3'],
    ['page-number-then-dates-line', '3 29 January to 2 February 2024'],
  ])('recognises %s furniture: "%s"', (id, furniture) => {
    const predicted = reportFor(gold, { strengths: [item(`${T.a.slice(0, 70)} ${furniture} ${T.a.slice(70)}`)] });
    const r = scoreCheck([{ gold, predicted }]);
    expect(r.headerLeaks.items).toBe(1);
    expect(r.headerLeaks.hits[0]!.via).toBe(id);
  });

  it.each([
    'The inspection report: published last year, it set out four priorities.',
    'The joint area SEND inspection in Northmoor found 3 areas of weakness.',
    'Between 8 and 12 January 2024, inspectors met 40 families.',
    'From 1 April 2023 to 31 March 2024, 120 children were assessed.',
    'Waiting lists fell from 2019 to 2023 for 0 to 25 year olds.',
    'Page after page of plans were out of date.',
  ])('leaves ordinary prose alone: "%s"', (text) => {
    const r = scoreCheck([{ gold, predicted: reportFor(gold, { strengths: [item(text)] }) }]);
    expect(r.headerLeaks.items).toBe(0);
  });
});
