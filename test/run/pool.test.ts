/**
 * The worker pool (src/run/pool.ts). A worker runs compiled JavaScript, so these tests
 * load the pool from dist/ (built by `npm install` / `npm ci` through `prepare`): the
 * in-process path and the workers then run the same code. Without dist/ they skip.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Workers and PDFs: slow on a busy 2-core machine when the whole suite runs at once.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_INGEST } from '../../src/ingest/index.js';
import type { ExtractedReport } from '../../src/pipeline.js';
import type * as PoolModule from '../../src/run/pool.js';
import { DIST_POOL, distAvailable, fixtureFiles, makeMix, removeTempDirs, tempDir, type Mix } from './helpers.js';

const available = distAvailable();
let pool: typeof PoolModule;
let mix: Mix;
/** The records of `mix.files` extracted in-process (jobs 1), as JSON lines. */
let reference: string[];

async function collect(files: PoolModule.PoolInput[], opts: Partial<PoolModule.ExtractManyOptions> = {}) {
  const stats = pool.newRunStats();
  const out: ExtractedReport[] = [];
  for await (const r of pool.extractMany(files, { jobs: 2, timeoutMs: 60_000, ingest: DEFAULT_INGEST, stats, ...opts })) out.push(r);
  return { out, json: out.map((r) => JSON.stringify(r)), stats };
}

describe.skipIf(!available)('extractMany on worker threads', () => {
  afterAll(removeTempDirs);
  beforeAll(async () => {
    pool = (await import(pathToFileURL(DIST_POOL).href)) as typeof PoolModule;
    mix = await makeMix();
    reference = (await collect(mix.files, { jobs: 1 })).json;
  });

  it('keeps input order and gives byte-identical records with jobs 1, 2 and 4', async () => {
    expect(reference.map((r) => JSON.parse(r).file)).toEqual(mix.files);
    const kinds = reference.map((r) => JSON.parse(r).kind);
    expect(kinds.filter((k) => k === 'error').length).toBe(4);
    expect(kinds.filter((k) => k.startsWith('area-send')).length).toBeGreaterThanOrEqual(10);
    for (const jobs of [2, 4]) {
      const { json, stats } = await collect(mix.files, { jobs });
      expect(json).toEqual(reference);
      expect(stats.workersStarted).toBe(jobs);
    }
    // A small window (more head-of-line waiting) changes nothing either.
    expect((await collect(mix.files, { jobs: 3, window: 3 })).json).toEqual(reference);
  });

  it('retires each worker after its share of documents, with the same records', async () => {
    const { json, stats } = await collect(mix.files, { jobs: 2, recycleAfter: 3 });
    expect(json).toEqual(reference);
    expect(stats.workersStarted).toBeGreaterThan(2);
    expect(stats.workersLost).toBe(0);
  });

  it('retires a worker whose heap has outgrown the limit, with the same records', async () => {
    // A limit of 1 MB: every worker is over it after its first document (and finishes
    // the one already sent to it).
    const { json, stats } = await collect(mix.files, { jobs: 2, recycleHeapMb: 1 });
    expect(json).toEqual(reference);
    expect(stats.workersStarted).toBeGreaterThanOrEqual(Math.floor(mix.files.length / 2));
    expect(stats.workersLost).toBe(0);
  });

  it('reports the broken files as error records with their stage', async () => {
    const byFile = new Map(reference.map((r) => [JSON.parse(r).file, JSON.parse(r)]));
    expect(byFile.get(mix.broken.empty)).toMatchObject({ kind: 'error', stage: 'read', reason: 'empty file' });
    expect(byFile.get(mix.broken.random)).toMatchObject({ kind: 'error', stage: 'read', reason: expect.stringMatching(/not a PDF/) });
    expect(byFile.get(mix.broken.missing)).toMatchObject({ kind: 'error', stage: 'read', reason: 'no such file or directory' });
    expect(byFile.get(mix.broken.garbageText)).toMatchObject({ kind: 'error', stage: 'read', reason: expect.stringMatching(/binary|not valid UTF-8/) });
  });

  it('takes documents already in memory and inputs known to be unreadable, in order', async () => {
    const text = fixtureFiles().find((f) => f.endsWith('.md'))!;
    const inputs: PoolModule.PoolInput[] = [
      { file: '-', data: new TextEncoder().encode('# Not an inspection\n\nJust some words about the weather.\n') },
      { file: 'gone.pdf', error: 'permission denied' },
      text,
    ];
    const one = await collect(inputs, { jobs: 1 });
    const two = await collect(inputs, { jobs: 2 });
    expect(two.json).toEqual(one.json);
    expect(one.out.map((r) => [r.file, r.kind])).toEqual([
      ['-', 'not-send-inspection'],
      ['gone.pdf', 'error'],
      [text, expect.stringMatching(/^area-send/)],
    ]);
    expect(one.out[1]).toMatchObject({ stage: 'read', reason: 'permission denied', sha256: null });
  });

  it('sends back only the areas CSV line when asked, the same line areas makes from a whole record', async () => {
    const { AreaRows } = await import('../../src/output/csv.js');
    for (const raw of [false, true]) {
      const { out } = await collect(mix.files, { jobs: 2, areaLine: { raw } });
      const whole = reference.map((r) => JSON.parse(r) as ExtractedReport);
      expect(out.map((r) => [r.file, r.kind, r.reason, r.warnings])).toEqual(whole.map((r) => [r.file, r.kind, r.reason, r.warnings]));
      const lines = out.filter((r) => r.kind.startsWith('area-send'));
      expect(lines.length).toBeGreaterThanOrEqual(10);
      for (const r of lines) {
        expect(r.areaLine?.raw).toBe(raw);
        expect(r.strengths).toEqual([]);
      }
      const fromLines = new AreaRows({ raw });
      const fromWhole = new AreaRows({ raw });
      out.forEach((r) => fromLines.add(r));
      whole.forEach((r) => fromWhole.add(r));
      expect(fromLines.toCsv()).toBe(fromWhole.toCsv());
    }
  });

  it('runs in-process for jobs 1 and for a single document', async () => {
    expect((await collect(mix.files.slice(0, 3), { jobs: 1 })).stats.workersStarted).toBe(0);
    const single = await collect([mix.files[0]!], { jobs: 4 });
    expect(single.stats.workersStarted).toBe(0);
    expect(single.json).toEqual([reference[0]]);
  });

  it('a document that hangs becomes a timeout record; its worker is replaced and the others come through', async () => {
    const dir = await tempDir('sendmine-hang-');
    const hang1 = join(dir, 'HANG-one.md');
    const hang2 = join(dir, 'HANG-two.md');
    await copyFile(fixtureFiles().find((f) => f.endsWith('.md'))!, hang1);
    await copyFile(fixtureFiles().find((f) => f.endsWith('.md'))!, hang2);
    const files = [mix.files[0]!, hang1, ...mix.files.slice(1, 6), hang2, ...mix.files.slice(6)];
    const started = Date.now();
    const { out, json, stats } = await collect(files, { jobs: 2, timeoutMs: 1500, testHooks: { hangMarker: 'HANG-' } });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(out.map((r) => r.file)).toEqual(files);
    for (const i of [1, 7]) {
      expect(out[i]).toMatchObject({ kind: 'error', stage: 'timeout', reason: 'took longer than 1.5 s (--timeout)' });
    }
    expect(json.filter((_, i) => i !== 1 && i !== 7)).toEqual(reference);
    expect(stats.timeouts).toBe(2);
    expect(stats.workersStarted).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('a worker that crashes, or runs out of memory, is replaced and its document reported', async () => {
    const dir = await tempDir('sendmine-crash-');
    const crash = join(dir, 'CRASH-me.txt');
    const oom = join(dir, 'OOM-me.txt');
    await writeFile(crash, 'whatever');
    await writeFile(oom, 'whatever');
    const files = [...mix.files.slice(0, 3), crash, ...mix.files.slice(3, 8), oom, ...mix.files.slice(8)];
    const { out, json, stats } = await collect(files, { jobs: 2, workerMemoryMb: 48, testHooks: { crashMarker: 'CRASH-', oomMarker: 'OOM-' } });
    expect(out[3]).toMatchObject({ file: crash, kind: 'error', stage: 'parse', reason: 'the extraction worker crashed: test-only crash' });
    expect(out[9]).toMatchObject({ file: oom, kind: 'error', stage: 'parse', reason: 'ran out of memory: the extraction needed more than 48 MB' });
    expect(json.filter((_, i) => i !== 3 && i !== 9)).toEqual(reference);
    // A worker that dies holding two documents runs both again, each alone: the
    // culprit kills a second worker before it is reported.
    expect(stats.workersLost).toBeGreaterThanOrEqual(2);
    expect(stats.workersLost).toBeLessThanOrEqual(4);
  }, 60_000);

  it('holds at most `window` documents while the consumer is slow', async () => {
    const files = Array.from({ length: 6 }, () => mix.files).flat();
    let done = 0;
    const it = pool.extractMany(files, { jobs: 2, window: 4, timeoutMs: 60_000, ingest: DEFAULT_INGEST, onProgress: (d) => (done = d) });
    const first = await it.next();
    expect(first.done).toBe(false);
    await new Promise((res) => setTimeout(res, 1500));
    expect(done).toBeLessThanOrEqual(4);
    let n = 1;
    for await (const _ of it) n++;
    expect(n).toBe(files.length);
    expect(done).toBe(files.length);
  }, 60_000);

  it('stops its workers when the consumer stops early', async () => {
    let n = 0;
    for await (const _ of pool.extractMany(mix.files, { jobs: 2, timeoutMs: 60_000, ingest: DEFAULT_INGEST })) if (++n === 2) break;
    expect(n).toBe(2);
  });

  it('a warm cache run starts no worker and gives the same records', async () => {
    const cacheDir = await tempDir('sendmine-pool-cache-');
    const cold = await collect(mix.files, { jobs: 2, cacheDir });
    expect(cold.json).toEqual(reference);
    const warm = await collect(mix.files, { jobs: 2, cacheDir });
    expect(warm.json).toEqual(reference);
    const errors = reference.filter((r) => JSON.parse(r).kind === 'error').length;
    // The broken files are not cached; the empty/random/garbage ones are parsed again (and fail again).
    expect(warm.stats).toMatchObject({ cacheHits: mix.files.length - errors, cacheWrites: 0 });
    expect(warm.stats.workersStarted).toBe(2);
    const onlyGood = mix.files.filter((_, i) => JSON.parse(reference[i]!).kind !== 'error');
    const warmGood = await collect(onlyGood, { jobs: 2, cacheDir });
    expect(warmGood.stats.workersStarted).toBe(0);
    expect(warmGood.stats.cacheHits).toBe(onlyGood.length);
  });
});
