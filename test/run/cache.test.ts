/** The content cache (--cache DIR): keys, hits, misses, invalidation, corrupt entries. */
import { afterAll, describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { CACHE_FORMAT, hashRuleDir, openCache, optionsHash, rulesHash, toolVersion } from '../../src/run/cache.js';
import { extractMany, newRunStats } from '../../src/run/pool.js';
import { extractFile, errorReport, type ExtractedReport } from '../../src/pipeline.js';
import { DEFAULT_INGEST, IngestError } from '../../src/ingest/index.js';
import { PARSER_VERSION } from '../../src/parse/common.js';
import { fixtureFiles, makeMix, removeTempDirs, ROOT, tempDir } from './helpers.js';

const tmp = tempDir;
afterAll(removeTempDirs);
const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

async function collect(files: string[], cacheDir: string, jobs = 1) {
  const stats = newRunStats();
  const out: ExtractedReport[] = [];
  for await (const r of extractMany(files, { jobs, timeoutMs: 0, ingest: DEFAULT_INGEST, cacheDir, stats })) out.push(r);
  return { out, stats };
}

async function allEntries(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const shard of await readdir(dir)) for (const f of await readdir(join(dir, shard))) out.push(join(dir, shard, f));
  return out;
}

describe('cache key', () => {
  it('takes the tool version from package.json, PARSER_VERSION, and a hash of every rule file', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    expect(toolVersion()).toBe(pkg.version);
    const cache = await openCache(await tmp('sendmine-cache-'), DEFAULT_INGEST);
    expect(cache.parts).toMatchObject({ toolVersion: pkg.version, parserVersion: PARSER_VERSION, rulesHash: rulesHash() });
    expect(rulesHash()).toBe(hashRuleDir(join(ROOT, 'src', 'rules')));
    expect(readdirSync(join(ROOT, 'src', 'rules')).filter((f) => f.endsWith('.json')).length).toBeGreaterThan(3);
  });

  it('rule hash: content and new files count, formatting does not', async () => {
    const dir = await tmp('sendmine-rules-');
    await writeFile(join(dir, 'a.json'), '{"x": [1, 2]}');
    const h1 = hashRuleDir(dir);
    await writeFile(join(dir, 'a.json'), '{\n  "x": [\n    1,\n    2\n  ]\n}\n');
    expect(hashRuleDir(dir)).toBe(h1);
    await writeFile(join(dir, 'a.json'), '{"x": [1, 3]}');
    const h2 = hashRuleDir(dir);
    expect(h2).not.toBe(h1);
    await writeFile(join(dir, 'b.json'), '{}');
    expect(hashRuleDir(dir)).not.toBe(h2);
  });

  it('every key component changes the key; the same inputs give the same key', async () => {
    const dir = await tmp('sendmine-cache-');
    const content = sha('some document');
    const base = await openCache(dir, DEFAULT_INGEST);
    expect((await openCache(dir, DEFAULT_INGEST)).keyFor(content)).toBe(base.keyFor(content));
    const others = [
      await openCache(dir, DEFAULT_INGEST, { toolVersion: '9.9.9' }),
      await openCache(dir, DEFAULT_INGEST, { parserVersion: 'x' }),
      await openCache(dir, DEFAULT_INGEST, { rulesHash: sha('other rules') }),
      await openCache(dir, { ...DEFAULT_INGEST, maxPages: 5 }),
      await openCache(dir, { ...DEFAULT_INGEST, encoding: 'windows-1252' }),
    ];
    const keys = new Set([base.keyFor(content), ...others.map((c) => c.keyFor(content))]);
    expect(keys.size).toBe(others.length + 1);
    expect(base.keyFor(sha('another document'))).not.toBe(base.keyFor(content));
    expect(base.pathFor(base.keyFor(content))).toMatch(new RegExp(`/${base.keyFor(content).slice(0, 2)}/[0-9a-f]{64}\\.json$`));
  });

  it('a user rule file takes part by content, not by name', async () => {
    const dir = await tmp('sendmine-opts-');
    const rules = join(dir, 'themes.json');
    await writeFile(rules, '{"themes": []}');
    const a = await optionsHash({ ...DEFAULT_INGEST, rulesFile: rules });
    expect(await optionsHash({ ...DEFAULT_INGEST, rulesFile: rules })).toBe(a);
    await writeFile(rules, '{"themes": [1]}');
    expect(await optionsHash({ ...DEFAULT_INGEST, rulesFile: rules })).not.toBe(a);
    // undefined options are the same as absent ones
    expect(await optionsHash({ ...DEFAULT_INGEST, encoding: undefined })).toBe(await optionsHash(DEFAULT_INGEST));
  });
});

describe('cache entries', () => {
  it('misses, stores (sharded, no temporary files left), then hits with the current path', async () => {
    const dir = await tmp('sendmine-cache-');
    const cache = await openCache(dir, DEFAULT_INGEST);
    const file = fixtureFiles().find((f) => f.endsWith('.md'))!;
    const data = await readFile(file);
    const key = cache.keyForBytes(data);
    expect(await cache.get(key, file)).toBeNull();
    const record = await extractFile(file);
    await cache.put(key, record);
    const entries = await allEntries(dir);
    expect(entries).toEqual([cache.pathFor(key)]);
    const hit = await cache.get(key, '/elsewhere/renamed.md');
    expect(hit).toEqual({ ...JSON.parse(JSON.stringify(record)), file: '/elsewhere/renamed.md' });
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1, writes: 1, corrupt: 0 });
  });

  it('does not store error records', async () => {
    const dir = await tmp('sendmine-cache-');
    const cache = await openCache(dir, DEFAULT_INGEST);
    await cache.put(cache.keyFor(sha('x')), errorReport('x.pdf', new IngestError('timeout', 'took longer than 1 s (--timeout)'), null));
    expect(await readdir(dir)).toEqual([]);
  });

  it('ignores corrupt entries (truncated, not JSON, another key, an error record) and rewrites them', async () => {
    const dir = await tmp('sendmine-cache-');
    const cache = await openCache(dir, DEFAULT_INGEST);
    const file = fixtureFiles().find((f) => f.endsWith('.txt'))!;
    const key = cache.keyForBytes(await readFile(file));
    const good = await extractFile(file);
    await cache.put(key, good);
    const path = cache.pathFor(key);
    const text = await readFile(path, 'utf8');
    const bad = [
      text.slice(0, Math.floor(text.length / 2)),
      '',
      'not json',
      'null',
      JSON.stringify({ format: CACHE_FORMAT, key: 'f'.repeat(64), record: good }),
      JSON.stringify({ format: 'other/9', key, record: good }),
      JSON.stringify({ format: CACHE_FORMAT, key, record: errorReport(file, new Error('x'), null) }),
    ];
    for (const b of bad) {
      await writeFile(path, b);
      expect(await cache.get(key, file)).toBeNull();
    }
    expect(cache.stats.corrupt).toBe(bad.length);
    // Through the pool: the corrupt entry is a miss, the document is parsed, the entry rewritten.
    await writeFile(path, 'garbage');
    const { out, stats } = await collect([file], dir);
    expect(stats).toMatchObject({ cacheHits: 0, cacheMisses: 1, cacheCorrupt: 1, cacheWrites: 1 });
    expect(JSON.stringify(out[0])).toBe(JSON.stringify(good));
    expect(JSON.parse(await readFile(path, 'utf8')).key).toBe(key);
  });

  it('unreadable shard folders only cost speed', async () => {
    const dir = await tmp('sendmine-cache-');
    const cache = await openCache(dir, DEFAULT_INGEST);
    const key = cache.keyFor(sha('y'));
    await writeFile(join(dir, key.slice(0, 2)), 'a file where the shard folder should be');
    await cache.put(key, await extractFile(fixtureFiles()[0]!));
    expect(cache.stats.writeErrors).toBe(1);
    expect(await cache.get(key, 'y')).toBeNull();
  });
});

describe('cache through extractMany (in-process)', () => {
  it('a warm run returns the same records, parsing nothing; a different version or rule hash misses', async () => {
    const mix = await makeMix('sendmine-cache-mix-');
    const dir = await tmp('sendmine-cache-');
    const cold = await collect(mix.files, dir);
    const errors = cold.out.filter((r) => r.kind === 'error').length;
    expect(errors).toBeGreaterThanOrEqual(4);
    const readable = mix.files.length - 1; // the missing file is never hashed
    expect(cold.stats).toMatchObject({ cacheHits: 0, cacheMisses: readable, cacheWrites: mix.files.length - errors });
    const warm = await collect(mix.files, dir);
    expect(warm.stats).toMatchObject({ cacheHits: mix.files.length - errors, cacheWrites: 0 });
    expect(warm.out.map((r) => JSON.stringify(r))).toEqual(cold.out.map((r) => JSON.stringify(r)));
    // Another tool version, parser version or rules: nothing matches.
    for (const parts of [{ toolVersion: '0.0.0-other' }, { rulesHash: sha('other rules') }, { parserVersion: '0' }]) {
      const other = await openCache(dir, DEFAULT_INGEST, parts);
      for (const f of mix.files.filter((_, i) => cold.out[i]!.kind !== 'error')) {
        expect(await other.get(other.keyForBytes(await readFile(f)), f)).toBeNull();
      }
    }
  });

  it('a renamed copy of a document hits, under its new name', async () => {
    const dir = await tmp('sendmine-cache-');
    const src = fixtureFiles().find((f) => f.endsWith('.pdf'))!;
    const copyDir = await tmp('sendmine-copy-');
    await mkdir(copyDir, { recursive: true });
    const copy = join(copyDir, 'renamed.pdf');
    await writeFile(copy, await readFile(src));
    await collect([src], dir);
    const { out, stats } = await collect([copy], dir);
    expect(stats.cacheHits).toBe(1);
    expect(out[0]!.file).toBe(copy);
    expect(JSON.stringify({ ...out[0], file: src })).toBe(JSON.stringify(await extractFile(src)));
  });
});
