/**
 * The content cache behind `--cache DIR`: one extracted record per document, keyed by
 * what decides the record, so a re-run over an unchanged folder parses nothing.
 *
 * key = sha256 over
 *   - the sha256 of the file's bytes,
 *   - the tool version (package.json `version`),
 *   - PARSER_VERSION (src/parse/common.ts),
 *   - a hash of the rule files (every *.json beside the compiled modules in rules/,
 *     read once when the cache is opened),
 *   - the extraction options (max pages, encoding, nlp switches, and the *contents*
 *     of a user theme rule file when one is given).
 *
 * Entries live in DIR/<first two hex digits>/<key>.json and are written atomically
 * (temporary file in the same folder, then rename), so a crash or a concurrent run
 * never leaves half an entry under a real name. An entry that cannot be read back
 * (truncated, not JSON, another key inside) counts as a miss and is rewritten.
 * Error records are never stored: a timeout or an out-of-memory worker says nothing
 * lasting about the document.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARSER_VERSION } from '../parse/common.js';
import type { ExtractedReport } from '../pipeline.js';

/** Bump when the layout of a cache entry changes. */
export const CACHE_FORMAT = 'sendmine-cache/1';

export interface CacheKeyParts {
  toolVersion: string;
  parserVersion: string;
  rulesHash: string;
  /** Hash of the options that change a record. */
  optionsHash: string;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries that existed but could not be used (and will be rewritten). */
  corrupt: number;
  writes: number;
  /** Entries that could not be written (full disk, permissions): the run goes on. */
  writeErrors: number;
}

interface Entry {
  format: string;
  key: string;
  record: ExtractedReport;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

let toolVersionMemo: string | undefined;
/** The `version` of sendmine's own package.json, found upwards from this module (src/run or dist/src/run). */
export function toolVersion(): string {
  if (toolVersionMemo !== undefined) return toolVersionMemo;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'sendmine' && typeof pkg.version === 'string') return (toolVersionMemo = pkg.version);
    } catch {
      // no package.json here: keep looking upwards
    }
    const up = dirname(dir);
    if (up === dir) return (toolVersionMemo = 'unknown');
    dir = up;
  }
}

let rulesHashMemo: string | undefined;
/**
 * One hash over every rule file the extractor was built with: the *.json files in the
 * rules folder beside the compiled modules (dist/src/rules holds exactly those tsc
 * emitted because some module imports them; under vitest it is src/rules). Reading the
 * folder rather than a fixed list means a new rule file changes the key without
 * anyone remembering to list it here. Computed once per process.
 */
export function rulesHash(): string {
  return (rulesHashMemo ??= hashRuleDir(fileURLToPath(new URL('../rules/', import.meta.url))));
}

/** Hash of the *.json files in `dir`: names and parsed contents (formatting-only edits do not count). */
export function hashRuleDir(dir: string): string {
  const h = createHash('sha256');
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort();
  if (names.length === 0) throw new Error(`no rule files found in ${dir}`);
  for (const name of names) {
    const canonical = JSON.stringify(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    h.update(`${name}\0${canonical}\0`);
  }
  return h.digest('hex');
}

/**
 * A stable hash of the extraction options. Every option takes part (an option that
 * does not change records only costs a miss when it changes); a user rule file is
 * represented by a hash of its contents, so editing it invalidates the entries.
 */
export async function optionsHash(opts: object): Promise<string> {
  const plain: Record<string, unknown> = {};
  for (const k of Object.keys(opts).sort()) {
    const v = (opts as Record<string, unknown>)[k];
    if (v === undefined) continue;
    if (k === 'rulesFile' && typeof v === 'string') {
      plain[k] = await readFile(v).then(
        (b) => `sha256:${sha256(b)}`,
        () => `unreadable:${v}`,
      );
    } else {
      plain[k] = v;
    }
  }
  return sha256(JSON.stringify(plain));
}

export class ReportCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, corrupt: 0, writes: 0, writeErrors: 0 };
  private readonly prefix: string;
  private readonly madeDirs = new Set<string>();

  constructor(
    readonly dir: string,
    readonly parts: CacheKeyParts,
  ) {
    this.prefix = `${CACHE_FORMAT}\0${parts.toolVersion}\0${parts.parserVersion}\0${parts.rulesHash}\0${parts.optionsHash}\0`;
  }

  /** The key for a document whose bytes hash to `contentSha256` (hex). */
  keyFor(contentSha256: string): string {
    return sha256(this.prefix + contentSha256);
  }

  /** The key for these bytes. */
  keyForBytes(data: Uint8Array): string {
    return this.keyFor(sha256(data));
  }

  pathFor(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The stored record with `file` set to `file`, or null (missing, corrupt or unreadable). */
  async get(key: string, file: string): Promise<ExtractedReport | null> {
    let text: string;
    try {
      text = await readFile(this.pathFor(key), 'utf8');
    } catch {
      this.stats.misses++;
      return null;
    }
    try {
      const entry = JSON.parse(text) as Entry;
      if (entry?.format !== CACHE_FORMAT || entry.key !== key || typeof entry.record !== 'object' || entry.record === null || typeof entry.record.kind !== 'string' || entry.record.kind === 'error') {
        throw new Error('not a cache entry for this key');
      }
      this.stats.hits++;
      entry.record.file = file;
      return entry.record;
    } catch {
      this.stats.corrupt++;
      this.stats.misses++;
      return null;
    }
  }

  /** Store a record (not error records). Never throws: a cache that cannot be written only costs speed. */
  async put(key: string, record: ExtractedReport): Promise<void> {
    if (record.kind === 'error') return;
    const target = this.pathFor(key);
    const shard = dirname(target);
    const tmp = join(shard, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      if (!this.madeDirs.has(shard)) {
        await mkdir(shard, { recursive: true });
        this.madeDirs.add(shard);
      }
      const entry: Entry = { format: CACHE_FORMAT, key, record };
      await writeFile(tmp, JSON.stringify(entry));
      await rename(tmp, target);
      this.stats.writes++;
    } catch {
      this.stats.writeErrors++;
      await unlink(tmp).catch(() => undefined);
    }
  }
}

/**
 * Open (create) a cache folder for extractions made with `opts`. `parts` overrides key
 * components; tests use it to stand for another version or other rules.
 */
export async function openCache(dir: string, opts: object, parts: Partial<CacheKeyParts> = {}): Promise<ReportCache> {
  await mkdir(dir, { recursive: true });
  return new ReportCache(dir, {
    toolVersion: parts.toolVersion ?? toolVersion(),
    parserVersion: parts.parserVersion ?? PARSER_VERSION,
    rulesHash: parts.rulesHash ?? rulesHash(),
    optionsHash: parts.optionsHash ?? (await optionsHash(opts)),
  });
}
