/**
 * Fuzzing: thousands of damaged versions of the sample documents (truncations, bit
 * flips, spliced pieces, random bytes), run in one batch with the good ones. Each must
 * end as a record or a reported error within the time limit, and the good documents must
 * come out exactly as they do in a batch without the bad ones.
 *
 * SENDMINE_FUZZ_N (default 2000) and SENDMINE_FUZZ_SEED (default 20161) change the run.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as PoolModule from '../src/run/pool.js';
import { DEFAULT_INGEST } from '../src/ingest/index.js';
import { DIST_POOL, distAvailable } from './run/helpers.js';
import type { ExtractedReport } from '../src/pipeline.js';
import { ROOT } from './support/corpus.js';

const N = Number(process.env.SENDMINE_FUZZ_N ?? 2000);
const SEED = Number(process.env.SENDMINE_FUZZ_SEED ?? 20161);
const TIMEOUT_MS = 20_000;
// Workers run the compiled code (dist/, built by npm install / npm ci); without it the test skips.
const WORKER_BUILT = distAvailable();

/** mulberry32: small, fast, and the same sequence everywhere for one seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (src: Buffer, other: Buffer, r: () => number) => Buffer;
const int = (r: () => number, n: number) => Math.floor(r() * n);

const MUTATIONS: Record<string, Mutation> = {
  truncate: (src, _o, r) => src.subarray(0, int(r, src.length)),
  flipBits: (src, _o, r) => {
    const out = Buffer.from(src);
    const flips = 1 + int(r, 32);
    for (let i = 0; i < flips; i++) out[int(r, out.length)] ^= 1 << int(r, 8);
    return out;
  },
  splice: (src, other, r) => {
    const at = int(r, src.length);
    const from = int(r, other.length);
    const len = int(r, Math.min(4096, other.length - from));
    return Buffer.concat([src.subarray(0, at), other.subarray(from, from + len), src.subarray(at)]);
  },
  cutMiddle: (src, _o, r) => {
    const a = int(r, src.length);
    const b = a + int(r, src.length - a);
    return Buffer.concat([src.subarray(0, a), src.subarray(b)]);
  },
  duplicate: (src, _o, r) => {
    const a = int(r, src.length);
    const b = a + int(r, Math.min(8192, src.length - a));
    return Buffer.concat([src.subarray(0, b), src.subarray(a, b), src.subarray(b)]);
  },
  randomBytes: (src, _o, r) => {
    const len = int(r, 20_000);
    const out = Buffer.alloc(len);
    for (let i = 0; i < len; i++) out[i] = int(r, 256);
    // Half of them pretend to be PDFs.
    if (r() < 0.5 && len > 8) out.write('%PDF-1.7\n', 0, 'latin1');
    return out.length ? out : src.subarray(0, 1);
  },
  breakXref: (src, _o, r) => {
    const text = src.toString('latin1');
    const i = text.lastIndexOf('startxref');
    if (i < 0) return MUTATIONS.flipBits(src, src, r);
    return Buffer.from(`${text.slice(0, i)}startxref\n${int(r, src.length * 2)}\n%%EOF\n`, 'latin1');
  },
};

async function collect(files: string[], jobs: number): Promise<{ records: ExtractedReport[]; stats: PoolModule.RunStats }> {
  const pool = (await import(pathToFileURL(DIST_POOL).href)) as typeof PoolModule;
  const stats = pool.newRunStats();
  const records: ExtractedReport[] = [];
  for await (const r of pool.extractMany(files, { jobs, timeoutMs: TIMEOUT_MS, ingest: DEFAULT_INGEST, stats })) records.push(r);
  return { records, stats };
}

describe.runIf(WORKER_BUILT)(`fuzz: ${N} damaged documents (seed ${SEED})`, () => {
  it('every input ends as a record or a reported error, and good documents are unaffected', async () => {
    const dirs = [join(ROOT, 'fixtures', 'pdf'), join(ROOT, 'fixtures', 'text')];
    const good: string[] = [];
    for (const d of dirs) for (const f of (await readdir(d)).sort()) good.push(join(d, f));
    const sources = await Promise.all(good.map((f) => readFile(f)));

    const r = rng(SEED);
    const dir = await mkdtemp(join(tmpdir(), 'sendmine-fuzz-'));
    const names = Object.keys(MUTATIONS);
    const mutants: string[] = [];
    const byMutation: Record<string, number> = {};
    for (let i = 0; i < N; i++) {
      const k = int(r, sources.length);
      const name = names[int(r, names.length)];
      const data = MUTATIONS[name](sources[k], sources[int(r, sources.length)], r);
      const ext = good[k].slice(good[k].lastIndexOf('.'));
      const file = join(dir, `m${String(i).padStart(5, '0')}-${name}${ext}`);
      await writeFile(file, data);
      mutants.push(file);
      byMutation[name] = (byMutation[name] ?? 0) + 1;
    }

    // Good documents first, in the middle and last, among the damaged ones.
    const half = Math.floor(mutants.length / 2);
    const batch = [...good, ...mutants.slice(0, half), ...good.map((g) => `${g}`), ...mutants.slice(half)];
    const started = Date.now();
    const mixed = await collect(batch, 2);
    const seconds = (Date.now() - started) / 1000;

    // One record per input, in input order.
    expect(mixed.records.map((x) => x.file)).toEqual(batch);
    const errors = mixed.records.filter((x) => x.kind === 'error');
    for (const e of errors) expect(e.reason, e.file).toBeTruthy();
    const records = mixed.records.length - errors.length;

    // The good documents, whether before or after the damaged ones, match a clean run.
    const clean = await collect(good, 2);
    const cleanJson = clean.records.map((x) => JSON.stringify(x));
    const goodFirst = mixed.records.slice(0, good.length).map((x) => JSON.stringify(x));
    const goodMiddle = mixed.records.slice(good.length + half, good.length * 2 + half).map((x) => JSON.stringify(x));
    expect(goodFirst).toEqual(cleanJson);
    expect(goodMiddle).toEqual(cleanJson);

    console.log(
      `fuzz: ${N} inputs (${Object.entries(byMutation).map(([k, v]) => `${k} ${v}`).join(', ')}), ` +
        `${records - good.length * 2} records, ${errors.length} reported errors ` +
        `(of which ${mixed.stats.timeouts} stopped by the time limit and ${mixed.stats.workersLost} from a worker that died and was replaced), ${seconds.toFixed(1)} s`,
    );
  }, 900_000);
});
