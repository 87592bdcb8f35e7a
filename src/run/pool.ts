/**
 * Extracting many documents at once, on worker threads, with the records coming back
 * in input order.
 *
 * - The main thread reads each file (the same `readInputBytes` check `extractFile`
 *   makes), looks it up in the cache when there is one, and otherwise hands the bytes
 *   to a worker (transferred, not copied), which runs `extractBytes`. So a record is
 *   exactly what `extractFile` would have made, whichever thread made it, and a warm
 *   cache run starts no worker at all.
 * - Records are yielded in input order as soon as every earlier one is out. At most
 *   `window` (default 4 x jobs) documents are admitted at a time (being read, queued,
 *   extracting, or done and waiting for an earlier one), so memory does not grow with
 *   the number of documents.
 * - A document that takes longer than `timeoutMs` becomes a `timeout` error record; its
 *   worker is terminated and replaced. A worker that crashes or runs out of memory
 *   (each has a `resourceLimits` old-space cap) is replaced and its document becomes an
 *   error record with stage `parse`. The batch always goes on.
 * - With `jobs <= 1`, or a single document, everything runs in-process: no worker
 *   start-up. There the time limit can only fire when the extraction awaits (pdf.js
 *   does, between pages); a document stuck in synchronous code cannot be stopped
 *   without a worker.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IngestError, readInputBytes } from '../ingest/index.js';
import { errorReport, extractBytes, type ExtractedReport } from '../pipeline.js';
import { openCache, type ReportCache } from './cache.js';
import type { ExtractOpts, FromWorker, TestHooks, ToWorker, WorkerInit } from './protocol.js';

export type { ExtractOpts, TestHooks } from './protocol.js';

/** The worker script, beside this module: dist/src/run/worker.js once built. */
export const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Default old-space limit of one worker, in MB. */
export const DEFAULT_WORKER_MEMORY_MB = 1024;

/**
 * A document given by path, or already in memory (stdin: `data` is handed over; with
 * workers it is transferred, so the caller's array is emptied), or known to be
 * unreadable (`error`: the reason, as expandInputs gives it).
 */
export type PoolInput = string | { file: string; data?: Uint8Array; error?: string };

export interface RunStats {
  cacheHits: number;
  cacheMisses: number;
  /** Cache entries found unusable (and rewritten). */
  cacheCorrupt: number;
  cacheWrites: number;
  workersStarted: number;
  /** Workers lost to a crash or to running out of memory. */
  workersLost: number;
  timeouts: number;
}

export interface ExtractManyOptions {
  /** Worker threads; 1 (or a single document) runs in-process. The CLI defaults it to os.availableParallelism(). */
  jobs: number;
  /** Per-document time limit in ms; 0 or Infinity for none. */
  timeoutMs: number;
  /** Extraction options (ingest limits, encoding, nlp switches): plain data, sent to each worker. */
  ingest: ExtractOpts;
  /**
   * Records may come back without item texts (`slimReport`): for callers that keep only
   * counts and themes. Ignored with a cache, which must store whole records.
   */
  slim?: boolean;
  /** A folder for the content cache (`--cache DIR`). */
  cacheDir?: string;
  /** Called after each document is finished (in completion order). */
  onProgress?: (done: number, total: number) => void;
  /** Old-space limit of each worker, MB (default 1024). */
  workerMemoryMb?: number;
  /** Documents a worker extracts before it is replaced by a fresh one (default RECYCLE_AFTER). */
  recycleAfter?: number;
  /** Documents admitted at once (default 4 x jobs). */
  window?: number;
  /** Filled in as the run goes (cache hits, workers started, timeouts, ...). */
  stats?: RunStats;
  /** TEST-ONLY: see TestHooks. Never set by the CLI. */
  testHooks?: TestHooks;
}

export function newRunStats(): RunStats {
  return { cacheHits: 0, cacheMisses: 0, cacheCorrupt: 0, cacheWrites: 0, workersStarted: 0, workersLost: 0, timeouts: 0 };
}

function seconds(ms: number): string {
  return String(Number((ms / 1000).toFixed(3)));
}

export function timeoutReport(file: string, timeoutMs: number): ExtractedReport {
  return errorReport(file, new IngestError('timeout', `took longer than ${seconds(timeoutMs)} s (--timeout)`), null);
}

const hasLimit = (ms: number) => Number.isFinite(ms) && ms > 0;

/** Extract every input; records come out in input order. */
export async function* extractMany(files: readonly PoolInput[], opts: ExtractManyOptions): AsyncGenerator<ExtractedReport> {
  const total = files.length;
  if (total === 0) return;
  const stats = opts.stats ?? newRunStats();
  const cache = opts.cacheDir ? await openCache(opts.cacheDir, opts.ingest) : null;
  const jobs = Math.max(1, Math.min(Math.floor(opts.jobs) || 1, total));
  // Run from the TypeScript sources (tests), there is no compiled worker: stay in-process.
  const inProcess = jobs === 1 || !existsSync(fileURLToPath(WORKER_URL));
  const pool = inProcess
    ? null
    : new WorkerPool(jobs, { opts: opts.ingest, slim: !!opts.slim && !cache, ...(opts.testHooks ? { testHooks: opts.testHooks } : {}) }, opts.workerMemoryMb ?? DEFAULT_WORKER_MEMORY_MB, opts.timeoutMs, stats, opts.recycleAfter);
  const pendingWrites = new Set<Promise<void>>();
  let done = 0;
  /** Set when the consumer is gone (or the run is over): late completions are dropped. */
  let stopped = false;

  const extract = (file: string, data: Uint8Array): Promise<ExtractedReport> => {
    if (pool) return pool.run(file, data);
    const work = extractBytes(file, data, opts.ingest);
    if (!hasLimit(opts.timeoutMs)) return work;
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<ExtractedReport>((res) => {
      timer = setTimeout(() => {
        stats.timeouts++;
        res(timeoutReport(file, opts.timeoutMs));
      }, opts.timeoutMs);
    });
    return Promise.race([work, limit]).finally(() => clearTimeout(timer));
  };

  const produce = async (input: PoolInput): Promise<ExtractedReport> => {
    const file = typeof input === 'string' ? input : input.file;
    if (typeof input !== 'string' && input.error !== undefined) return errorReport(file, new IngestError('read', input.error), null);
    let data: Uint8Array;
    if (typeof input !== 'string' && input.data) {
      data = input.data;
    } else {
      try {
        data = await readInputBytes(file, opts.ingest.maxBytes);
      } catch (err) {
        return errorReport(file, err, null);
      }
    }
    if (!cache) return extract(file, data);
    const key = cache.keyForBytes(data);
    const hit = await cache.get(key, file);
    syncCacheStats(cache, stats);
    if (hit) return hit;
    const record = await extract(file, data);
    const write = cache.put(key, record).finally(() => {
      pendingWrites.delete(write);
      syncCacheStats(cache, stats);
    });
    pendingWrites.add(write);
    return record;
  };

  try {
    if (inProcess) {
      for (const input of files) {
        const record = await produce(input);
        opts.onProgress?.(++done, total);
        yield record;
      }
    } else {
      const window = Math.max(jobs, Math.floor(opts.window ?? 4 * jobs));
      const results = new Map<number, ExtractedReport>();
      let failure: { err: unknown } | null = null;
      let wake: (() => void) | null = null;
      const notify = () => {
        const w = wake;
        wake = null;
        w?.();
      };
      const start = (i: number) => {
        produce(files[i]!).then(
          (record) => {
            if (stopped) return;
            results.set(i, record);
            opts.onProgress?.(++done, total);
            notify();
          },
          (err: unknown) => {
            failure ??= { err };
            notify();
          },
        );
      };
      let next = 0;
      let started = 0;
      while (next < total) {
        while (started < total && started < next + window) start(started++);
        while (!results.has(next) && !failure) await new Promise<void>((res) => (wake = res));
        if (failure) throw (failure as { err: unknown }).err;
        const record = results.get(next)!;
        results.delete(next);
        next++;
        yield record;
      }
    }
    await Promise.all(pendingWrites);
  } finally {
    stopped = true;
    await pool?.close();
    if (pendingWrites.size > 0) await Promise.allSettled(pendingWrites);
    if (cache) syncCacheStats(cache, stats);
  }
}

function syncCacheStats(cache: ReportCache, stats: RunStats): void {
  stats.cacheHits = cache.stats.hits;
  stats.cacheMisses = cache.stats.misses;
  stats.cacheCorrupt = cache.stats.corrupt;
  stats.cacheWrites = cache.stats.writes;
}

interface Task {
  id: number;
  file: string;
  data: Uint8Array;
  resolve: (r: ExtractedReport) => void;
  reject: (err: unknown) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  dead: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  /** Documents this worker has finished. */
  done: number;
}

/**
 * A worker is retired after this many documents and a fresh one started: its heap grows
 * slowly over thousands of documents (pdf.js keeps per-process caches), and a restart
 * (about half a second of CPU) keeps memory flat over long batches.
 */
export const RECYCLE_AFTER = 400;

/** A fixed number of worker threads, started lazily, each extracting one document at a time. */
class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 0;
  private broken: Error | null = null;
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly init: WorkerInit,
    private readonly memoryMb: number,
    private readonly timeoutMs: number,
    private readonly stats: RunStats,
    private readonly recycleAfter: number = RECYCLE_AFTER,
  ) {}

  run(file: string, data: Uint8Array): Promise<ExtractedReport> {
    return new Promise((resolve, reject) => {
      if (this.broken) return reject(this.broken);
      this.queue.push({ id: this.nextId++, file, data, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const s of slots) {
      s.dead = true;
      if (s.timer) clearTimeout(s.timer);
    }
    await Promise.all(slots.map((s) => s.worker.terminate().catch(() => undefined)));
  }

  private pump(): void {
    if (this.closed || this.broken) return;
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.ready && !slot.task && !slot.dead) this.dispatch(slot, this.queue.shift()!);
    }
    let starting = this.slots.filter((s) => !s.ready).length;
    while (this.slots.length < this.size && this.queue.length > starting) {
      this.spawn();
      starting++;
    }
  }

  private spawn(): void {
    let worker: Worker;
    try {
      // stdout: true, then piped to stderr: whatever a library prints in a worker can
      // never end up in the data on stdout.
      worker = new Worker(WORKER_URL, { workerData: this.init, resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: 8 }, stdout: true });
      worker.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    } catch (err) {
      this.breakPool(err);
      return;
    }
    this.stats.workersStarted++;
    const slot: Slot = { worker, ready: false, dead: false, task: null, timer: null, done: 0 };
    this.slots.push(slot);
    worker.on('message', (msg: FromWorker) => {
      if (slot.dead) return;
      if (msg.type === 'ready') {
        slot.ready = true;
        this.pump();
      } else if (msg.type === 'done' && slot.task?.id === msg.id) {
        const task = slot.task;
        this.release(slot);
        if (++slot.done >= this.recycleAfter) this.retire(slot);
        task.resolve(msg.record);
        this.pump();
      }
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const reason =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `ran out of memory: the extraction needed more than ${this.memoryMb} MB`
          : `the extraction worker crashed: ${err.message}`;
      this.lose(slot, reason, err);
    });
    worker.on('exit', (code) => this.lose(slot, `the extraction worker stopped unexpectedly (exit code ${code})`, null));
  }

  private dispatch(slot: Slot, task: Task): void {
    slot.task = task;
    const d = task.data;
    const buffer = d.byteOffset === 0 && d.byteLength === d.buffer.byteLength && d.buffer instanceof ArrayBuffer ? d.buffer : d.slice().buffer;
    task.data = new Uint8Array(0); // the bytes now belong to the worker
    if (hasLimit(this.timeoutMs)) slot.timer = setTimeout(() => this.timeOut(slot), this.timeoutMs);
    const msg: ToWorker = { id: task.id, file: task.file, data: buffer };
    slot.worker.postMessage(msg, [buffer]);
  }

  private release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
  }

  private remove(slot: Slot): void {
    slot.dead = true;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }

  /** Stop a healthy worker that has done its share; pump starts its replacement. */
  private retire(slot: Slot): void {
    this.remove(slot);
    void slot.worker.terminate().catch(() => undefined);
  }

  private timeOut(slot: Slot): void {
    const task = slot.task;
    if (!task || slot.dead) return;
    this.release(slot);
    this.remove(slot);
    void slot.worker.terminate().catch(() => undefined);
    this.stats.timeouts++;
    task.resolve(timeoutReport(task.file, this.timeoutMs));
    this.pump();
  }

  /** A worker died on its own: report its document, replace it (lazily, in pump). */
  private lose(slot: Slot, reason: string, err: unknown): void {
    if (slot.dead) return;
    const task = slot.task;
    const wasReady = slot.ready;
    this.release(slot);
    this.remove(slot);
    void slot.worker.terminate().catch(() => undefined);
    if (!wasReady) {
      // It never got as far as loading the pipeline: every worker would fail the same way.
      this.breakPool(err ?? new Error(reason));
      task?.reject(this.broken);
      return;
    }
    this.stats.workersLost++;
    if (task) task.resolve(errorReport(task.file, new IngestError('parse', reason), null));
    this.pump();
  }

  private breakPool(err: unknown): void {
    if (this.broken) return;
    const why = err instanceof Error ? err.message : String(err);
    this.broken = new Error(`could not start an extraction worker (${WORKER_URL.pathname}): ${why}`);
    for (const t of this.queue.splice(0)) t.reject(this.broken);
  }
}
