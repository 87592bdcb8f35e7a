/**
 * Every sample document in fixtures/ against its expected answer: the family, every
 * field, and every item of every list, one test per document.
 */
import { describe, expect, it } from 'vitest';
import { vi } from 'vitest';

// PDFs on a busy 2-core machine, with the whole suite running at once.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });
import { join } from 'node:path';
import { loadGoldDirs } from '../src/check/gold.js';
import { scoreCheck } from '../src/check/score.js';
import { extractFile } from '../src/pipeline.js';
import { ROOT } from './support/corpus.js';

const golds = await loadGoldDirs([join(ROOT, 'fixtures')]);

describe('sample fixtures', () => {
  it('cover every family, both 2016 outcomes, all three 2023 outcomes, PDFs and text', () => {
    const kinds = new Set(golds.map((g) => g.kind));
    expect([...kinds].sort()).toEqual(['area-send-full-2023', 'area-send-initial-2016', 'area-send-monitoring-2023', 'area-send-revisit-2016', 'not-send-inspection']);
    const outcomes = new Set(golds.map((g) => g.outcome));
    for (const o of ['wsoa-required', 'no-wsoa', 'sufficient-progress', 'insufficient-progress', 'positive', 'inconsistent', 'systemic-failings']) expect(outcomes).toContain(o);
    expect(golds.some((g) => g.path.endsWith('.pdf') && g.kind === 'area-send-initial-2016')).toBe(true);
  });

  it.each(golds.map((g) => [g.label, g]))('%s', async (_label, gold) => {
    const predicted = await extractFile(gold.path);
    const result = scoreCheck([{ gold, predicted }]);
    const problems = result.mismatches.filter((m) => m.kind !== 'polarity').map((m) => `${m.kind} ${m.field}: expected ${m.expected}, got ${m.got}`);
    expect(problems).toEqual([]);
    expect(result.headerLeaks.items).toBe(0);
    if (gold.kind === 'not-send-inspection') expect(predicted.reason).toBeTruthy();
  });
});
