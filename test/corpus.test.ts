import { describe, expect, it } from 'vitest';
import { vi } from 'vitest';

// PDFs on a busy 2-core machine, with the whole suite running at once.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });
import { loadGoldDirs } from '../src/check/gold.js';
import { scoreCheck } from '../src/check/score.js';
import { evaluateThresholds } from '../src/check/thresholds.js';
import { extractFile } from '../src/pipeline.js';
import { CORPUS, corpusAvailable } from './support/corpus.js';

const run = corpusAvailable();

describe.runIf(run)('the reference corpus', () => {
  it('meets the extraction bars of issue 3', { timeout: 240_000 }, async () => {
    const golds = await loadGoldDirs([CORPUS]);
    expect(golds.length).toBeGreaterThanOrEqual(42);
    const pairs = [];
    for (const gold of golds) pairs.push({ gold, predicted: await extractFile(gold.path) });
    const result = scoreCheck(pairs);
    const failures = evaluateThresholds(result, {
      minKindAccuracy: 1,
      minOutcomeAccuracy: 1,
      minFieldAccuracy: 0.99,
      minItemF1: 0.98,
      minListF1: 0.95,
      minBodyAccuracy: 0.98,
      maxHeaderLeaks: 0,
    });
    expect(failures).toEqual([]);
    // Polarity of the 2016 letter's main findings: every one.
    expect(result.polarity.correct).toBe(result.polarity.total);
    expect(result.polarity.total).toBeGreaterThanOrEqual(10);
    // Themes: the bar, micro-F1 0.88 over (item, theme) pairs.
    expect(result.themes.f1).toBeGreaterThanOrEqual(0.88);
    // The per-theme bar: 0.70 F1 for every theme with 10 or more gold occurrences.
    for (const t of result.themes.perTheme.filter((x) => x.support >= 10)) expect(t.f1, t.theme).toBeGreaterThanOrEqual(0.7);
    // Every negative is recognised and says why.
    for (const { gold, predicted } of pairs.filter((p) => p.gold.kind === 'not-send-inspection')) {
      expect(predicted.kind, gold.path).toBe('not-send-inspection');
      expect(predicted.reason, gold.path).toBeTruthy();
    }
  });
});
