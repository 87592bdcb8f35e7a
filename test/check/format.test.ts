import { describe, expect, it } from 'vitest';
import { checkResultToJson, formatCheckText } from '../../src/check/format.js';
import { scoreCheck } from '../../src/check/score.js';
import { T, g, goldDoc, item, reportFor } from './helpers.js';

const g1 = goldDoc({
  label: 'area/pdf/northmoor.pdf',
  strengths: [g(T.a, { themes: ['parent-engagement'] }), g(T.b, { themes: ['ehc-plans'] })],
  priorityActions: [g(T.c, { body: 'Northmoor Council' })],
});
const g2 = goldDoc({ label: 'negatives/news.txt', kind: 'not-send-inspection', area: null, outcome: null, nextSteps: null, inspectionStart: null, inspectionEnd: null });
const result = scoreCheck([
  {
    gold: g1,
    predicted: reportFor(g1, {
      area: 'Southmoor',
      strengths: [item(T.a, { themes: ['parent-engagement', 'workforce'] }), item('Area SEND inspection report: Northmoor Local Area Partnership')],
      priorityActions: [item(T.c, { body: 'Northmoor Council' })],
    }),
  },
  { gold: g2, predicted: { ...reportFor(g2), kind: 'error', reason: 'could not read the file' } },
]);

describe('formatCheckText', () => {
  const text = formatCheckText(result, { color: false });
  const lines = text.split('\n');
  const line = (word: string) => lines.find((l) => l.startsWith(word));

  it('prints no colour codes when color is false', () => {
    expect(text).not.toMatch(/\u001b\[/);
  });

  it('prints colour codes when color is true', () => {
    expect(formatCheckText(result, { color: true })).toMatch(/\u001b\[/);
  });

  it('labels the headline figures so grep finds them', () => {
    expect(line('documents')).toBe('documents found: 1/2 (1 could not be read)');
    expect(line('kind')).toBe('kind accuracy: 50.0% (1/2)');
    expect(line('outcome')).toBe('outcome accuracy: 100.0% (2/2)');
    expect(line('field')).toMatch(/^field accuracy: 90\.9% \(20\/22\)/);
    expect(lines.filter((l) => l.includes('F1')).length).toBeGreaterThan(2);
    expect(line('item F1')).toMatch(/^item F1 \(all lists\): P 66\.7% {2}R 66\.7% {2}F1 66\.7%/);
    expect(line('items with header')).toBe('items with header/footer text: 1');
    expect(line('priority action body')).toBe('priority action body accuracy: 100.0% (1/1)');
    expect(line('main finding polarity')).toBe('main finding polarity accuracy: n/a (0/0)');
    expect(line('theme F1')).toMatch(/F1 66\.7%/);
  });

  it('prints the headline figures in order', () => {
    const order = ['documents found', 'kind accuracy', 'outcome accuracy', 'field accuracy', 'items by list', 'item F1', 'priority action body', 'main finding polarity', 'theme F1', 'items with header/footer', 'mismatches'];
    const positions = order.map((o) => text.indexOf(o));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('prints a per-list table and a per-theme table', () => {
    expect(text).toMatch(/list\s+gold\s+predicted\s+matched\s+exact-count docs\s+P\s+R\s+F1/);
    expect(text).toMatch(/\n {2}strengths\s+2\s+2\s+1\s+2\/2\s+50\.0%\s+50\.0%\s+50\.0%/);
    expect(text).toMatch(/\n {2}improvements\s+0\s+0\s+0\s+2\/2\s+n\/a\s+n\/a\s+n\/a/);
    expect(text).toMatch(/\n {2}workforce\s+0\s+1\s+0\.0%/);
  });

  it('groups mismatches by document', () => {
    const at = (s: string) => text.indexOf(s);
    expect(at('area/pdf/northmoor.pdf')).toBeLessThan(at('field area: expected "Northmoor", got "Southmoor"'));
    expect(at('field area: expected')).toBeLessThan(at('negatives/news.txt'));
    expect(text).toContain('header/footer strengths[1]: expected no running header/footer text');
    expect(text).toContain('error: could not read the file');
    expect(text).toContain('field kind: expected "not-send-inspection", got "error" (could not read the file)');
  });

  it('adds per-field figures, theme differences and the scoring rules with explain', () => {
    const explained = formatCheckText(result, { color: false, explain: true });
    expect(explained).toMatch(/field revisit\s+100\.0% \(2\/2\)/);
    expect(explained).toContain('themes strengths[0]: expected [parent-engagement], got [parent-engagement, workforce]');
    expect(explained).toContain('How items are scored');
    expect(text).not.toContain('themes strengths[0]');
  });

  it('lists only the imperfect fields without explain', () => {
    expect(text).toMatch(/field area\s+50\.0% \(1\/2\)/);
    expect(text).not.toMatch(/field revisit/);
  });
});

describe('checkResultToJson', () => {
  const json = checkResultToJson(result);

  it('carries a schema tag and the same figures', () => {
    expect(json.schema).toBe('sendmine-check/1');
    expect(json.documents).toEqual({ gold: 2, found: 1, errors: 1 });
    expect(json.kind).toEqual({ correct: 1, total: 2, rate: 0.5 });
    expect(json.items.f1).toBeCloseTo(2 / 3);
    expect(json.headerLeaks.items).toBe(1);
    expect(json.lists.map((l) => l.list)).toEqual(['mainFindings', 'strengths', 'weaknesses', 'priorityActions', 'improvements', 'significantWeaknesses']);
    expect(json.mismatches.length).toBe(result.mismatches.length);
  });

  it('survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('is a copy', () => {
    json.documents.gold = 99;
    expect(result.documents.gold).toBe(2);
  });
});
