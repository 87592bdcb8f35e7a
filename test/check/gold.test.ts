import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GoldError, loadGoldDirs } from '../../src/check/gold.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'sendmine-gold-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function goldJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: 'send-gold/1',
    file: 'pdf/northmoor.pdf',
    kind: 'area-send-full-2023',
    area: 'Northmoor',
    inspectionStart: '2024-01-08',
    inspectionEnd: '2024-01-12',
    previousInspectionStart: null,
    previousInspectionEnd: null,
    letterDate: null,
    outcome: 'positive',
    actionPlan: null,
    nextSteps: { monitoringWithinMonths: null, nextFullInspectionWithinYears: 5 },
    revisit: null,
    mainFindings: [],
    strengths: [{ start: 'Leaders listen', end: 'to families.', themes: ['parent-engagement'] }],
    weaknesses: [],
    priorityActions: [{ start: 'Leaders should', end: 'act quickly.', body: 'Northmoor Council' }],
    improvements: [],
    significantWeaknesses: [],
    ...overrides,
  };
}

async function put(rel: string, content: string | object): Promise<string> {
  const full = path.join(root, rel);
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, typeof content === 'string' ? content : JSON.stringify(content));
  return full;
}

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(GoldError);
    return (err as GoldError).problems;
  }
  throw new Error('expected a GoldError');
}

describe('loadGoldDirs', () => {
  it('finds gold files recursively and resolves `file` against the gold folder\'s parent', async () => {
    await put('reports/gold/northmoor.json', goldJson());
    await put('reports/pdf/northmoor.pdf', 'pdf');
    await put('negatives/gold/news.json', goldJson({ file: 'news.txt', kind: 'not-send-inspection', strengths: [], priorityActions: [] }));
    await put('negatives/news.txt', 'text');

    const docs = await loadGoldDirs([root]);
    expect(docs.map((d) => d.label)).toEqual(['negatives/news.txt', 'reports/pdf/northmoor.pdf']);
    expect(docs[1]!.path).toBe(path.join(root, 'reports/pdf/northmoor.pdf'));
    expect(docs[1]!.goldFile).toBe(path.join(root, 'reports/gold/northmoor.json'));
    expect(docs[0]!.path).toBe(path.join(root, 'negatives/news.txt'));
    expect(docs[1]!.priorityActions[0]).toEqual({ start: 'Leaders should', end: 'act quickly.', body: 'Northmoor Council' });
    expect(docs[1]!.strengths[0]!.themes).toEqual(['parent-engagement']);
  });

  it('labels documents relative to the folder shared with the search root', async () => {
    await put('reports/gold/northmoor.json', goldJson());
    await put('reports/pdf/northmoor.pdf', 'pdf');
    const docs = await loadGoldDirs([path.join(root, 'reports/gold')]);
    expect(docs[0]!.label).toBe('pdf/northmoor.pdf');
  });

  it('ignores JSON files with another schema and does not load a file twice', async () => {
    await put('reports/gold/northmoor.json', goldJson());
    await put('reports/pdf/northmoor.pdf', 'pdf');
    await put('package.json', { name: 'not gold' });
    const docs = await loadGoldDirs([root, path.join(root, 'reports')]);
    expect(docs).toHaveLength(1);
  });

  it('reports a missing document, naming the gold file', async () => {
    const goldFile = await put('reports/gold/northmoor.json', goldJson());
    const problems = await problemsOf(loadGoldDirs([root]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(goldFile);
    expect(problems[0]).toContain('does not exist');
  });

  it('reports every shape problem at once', async () => {
    const goldFile = await put(
      'reports/gold/northmoor.json',
      goldJson({
        kind: 'area-send-2099',
        inspectionStart: '8 January 2024',
        outcome: 'good',
        nextSteps: { monitoringWithinMonths: 'soon' },
        strengths: [{ start: '', end: 'x', polarity: 'happy', themes: 'ehc-plans' }],
        weaknesses: undefined,
      }),
    );
    await put('reports/pdf/northmoor.pdf', 'pdf');
    const problems = await problemsOf(loadGoldDirs([root]));
    for (const p of problems) expect(p).toContain(goldFile);
    const text = problems.join('\n');
    expect(text).toContain('"kind"');
    expect(text).toContain('"inspectionStart" should be null or a YYYY-MM-DD date');
    expect(text).toContain('"outcome"');
    expect(text).toContain('"nextSteps"');
    expect(text).toContain('strengths[0]: "start" should be a non-empty string');
    expect(text).toContain('strengths[0]: "polarity"');
    expect(text).toContain('strengths[0]: "themes"');
    expect(text).toContain('"weaknesses" should be an array');
  });

  it('reports broken JSON inside a gold folder', async () => {
    await put('reports/gold/broken.json', '{ "schema": ');
    const problems = await problemsOf(loadGoldDirs([root]));
    expect(problems.join('\n')).toContain('broken.json: not valid JSON');
  });

  it('reports a folder without gold files and a path that does not exist', async () => {
    await put('empty/readme.txt', 'nothing here');
    const problems = await problemsOf(loadGoldDirs([path.join(root, 'empty'), path.join(root, 'nowhere')]));
    expect(problems.join('\n')).toContain('no send-gold/1 files found');
    expect(problems.join('\n')).toContain('no such file or folder');
  });

  it('reports two gold files describing the same document', async () => {
    await put('reports/gold/a.json', goldJson());
    await put('reports/gold/b.json', goldJson());
    await put('reports/pdf/northmoor.pdf', 'pdf');
    const problems = await problemsOf(loadGoldDirs([root]));
    expect(problems.join('\n')).toContain('also describes');
  });

  const corpus = path.resolve(import.meta.dirname, '../../../shared/corpus');
  it.skipIf(!existsSync(corpus))('loads the shared reference corpus', async () => {
    const docs = await loadGoldDirs([corpus]);
    expect(docs.length).toBeGreaterThanOrEqual(42);
    expect(docs.filter((d) => d.kind === 'not-send-inspection').length).toBeGreaterThanOrEqual(6);
    for (const d of docs) expect(existsSync(d.path)).toBe(true);
  });
});
