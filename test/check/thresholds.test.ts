import { describe, expect, it } from 'vitest';
import { scoreCheck } from '../../src/check/score.js';
import { evaluateThresholds } from '../../src/check/thresholds.js';
import { T, g, goldDoc, item, reportFor } from './helpers.js';

// Two documents: the first perfect, the second with a wrong outcome, one missing weakness,
// a wrong body, a leaked footer and no themes.
const g1 = goldDoc({ label: 'one', strengths: [g(T.a, { themes: ['parent-engagement'] })], priorityActions: [g(T.b, { body: 'Northmoor Council' })] });
const g2 = goldDoc({ label: 'two', weaknesses: [g(T.c), g(T.d)], priorityActions: [g(T.b, { body: 'Northmoor Council' })] });
const result = scoreCheck([
  {
    gold: g1,
    predicted: reportFor(g1, {
      strengths: [item(T.a, { themes: ['parent-engagement'] })],
      priorityActions: [item(T.b, { body: 'Northmoor Council' })],
    }),
  },
  {
    gold: g2,
    predicted: reportFor(g2, {
      outcome: 'positive',
      weaknesses: [item(`${T.c.slice(0, 70)} Page 2 of 9 ${T.c.slice(70)}`)],
      priorityActions: [item(T.b, { body: 'NHS Northmoor ICB' })],
    }),
  },
]);

describe('evaluateThresholds', () => {
  it('passes with no bars', () => {
    expect(evaluateThresholds(result, {})).toEqual([]);
  });

  it('passes bars the result meets, including exactly-met bars', () => {
    expect(
      evaluateThresholds(result, { minKindAccuracy: 1, minOutcomeAccuracy: 0.5, minFieldAccuracy: 21 / 22, minThemeF1: 1, maxHeaderLeaks: 1 }),
    ).toEqual([]);
  });

  it('returns one readable line per failed bar, naming the figure, the bar and the flag', () => {
    const failures = evaluateThresholds(result, {
      minKindAccuracy: 1,
      minOutcomeAccuracy: 1,
      minFieldAccuracy: 0.99,
      minItemF1: 0.9,
      minListF1: 0.9,
      minBodyAccuracy: 0.98,
      maxHeaderLeaks: 0,
      minPolarityAccuracy: 1,
    });
    expect(failures).toEqual([
      'outcome accuracy 50.0% (1/2) is below 100.0% (--min-outcome-accuracy)',
      'field accuracy 95.5% (21/22) is below 99.0% (--min-field-accuracy)',
      'item F1 (all lists) 88.9% is below 90.0% (--min-item-f1)',
      'weaknesses F1 66.7% is below 90.0% (--min-list-f1)',
      'priority action body accuracy 50.0% (1/2) is below 98.0% (--min-body-accuracy)',
      'items with header/footer text: 1, more than 0 (--max-header-leaks)',
    ]);
  });

  it('checks minListF1 only on lists that have gold items', () => {
    // improvements has no gold and no predictions; mainFindings likewise: neither can fail.
    const failures = evaluateThresholds(result, { minListF1: 0.5 });
    expect(failures).toEqual([]);
  });

  it('fails the theme bar when the extractor gives no themes', () => {
    const gold = goldDoc({ strengths: [g(T.a, { themes: ['parent-engagement'] })] });
    const r = scoreCheck([{ gold, predicted: reportFor(gold, { strengths: [item(T.a)] }) }]);
    expect(evaluateThresholds(r, { minThemeF1: 0.5 })).toEqual(['theme F1 (micro) 0.0% is below 50.0% (--min-theme-f1)']);
  });

  it('does not fail a bar whose figure is n/a', () => {
    expect(evaluateThresholds(result, { minPolarityAccuracy: 1 })).toEqual([]);
  });

  it('rejects bars outside their range', () => {
    expect(evaluateThresholds(result, { minKindAccuracy: 99, maxHeaderLeaks: -1 })).toEqual([
      '--min-kind-accuracy must be a fraction between 0 and 1, got 99',
      '--max-header-leaks must be a count of 0 or more, got -1',
    ]);
  });

  it('fails every run that checked no documents, rather than passing vacuously', () => {
    expect(evaluateThresholds(scoreCheck([]), { minKindAccuracy: 1 })).toEqual(['no gold documents were checked, so no bar can pass']);
  });
});
