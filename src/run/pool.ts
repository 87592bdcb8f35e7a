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
  /**
   * Records may come back as their areas CSV line only (`areaLineReport`), for `areas`.
   * Ignored with a cache, like `slim`.
   */
  areaLine?: { raw: boolean };
  /** A folder for the content cache (`--cache DIR`). */
  cacheDir?: string;
  /** Called after each document is finished (in completion order). */
  onProgress?: (done: number, total: number) => void;
  /** Old-space limit of each worker, MB (default 1024). */
  workerMemoryMb?: number;
  /** Documents a worker extracts before it is replaced by a fresh one (default RECYCLE_AFTER). */
  recycleAfter?: number;
  /** Heap (MB) after a document beyond which a worker is replaced by a fresh one (default RECYCLE_HEAP_MB). */
  recycleHeapMb?: number;
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

/** Files read ahead of the one being extracted, in-process. */
const READ_AHEAD = 8;

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
    : new WorkerPool(jobs, { opts: opts.ingest, slim: !!opts.slim && !cache, ...(opts.areaLine && !cache ? { areaLine: opts.areaLine } : {}), ...(opts.testHooks ? { testHooks: opts.testHooks } : {}) }, opts.workerMemoryMb ?? DEFAULT_WORKER_MEMORY_MB, opts.timeoutMs, stats, opts.recycleAfter, opts.recycleHeapMb);
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

  /** An input's bytes, or the record of why they could not be read. */
  const read = async (input: PoolInput): Promise<Uint8Array | ExtractedReport> => {
    const file = typeof input === 'string' ? input : input.file;
    if (typeof input !== 'string' && input.error !== undefined) return errorReport(file, new IngestError('read', input.error), null);
    if (typeof input !== 'string' && input.data) return input.data;
    try {
      return await readInputBytes(file, opts.ingest.maxBytes);
    } catch (err) {
      return errorReport(file, err, null);
    }
  };

  const produce = async (input: PoolInput, bytes?: Promise<Uint8Array | ExtractedReport>): Promise<ExtractedReport> => {
    const file = typeof input === 'string' ? input : input.file;
    const data = await (bytes ?? read(input));
    if (!(data instanceof Uint8Array)) return data;
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
      // The next few files are read while this one is extracted: small files otherwise
      // spend as long waiting on the file system as being parsed.
      const reads: Promise<Uint8Array | ExtractedReport>[] = [];
      let queued = 0;
      for (const input of files) {
        while (queued < total && reads.length < READ_AHEAD) reads.push(read(files[queued++]!));
        const record = await produce(input, reads.shift());
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
  /** Kept until the record is back: a lost worker's documents are sent again. */
  data: Uint8Array;
  resolve: (r: ExtractedReport) => void;
  reject: (err: unknown) => void;
  /** Was in a worker's hands when it died with other documents: runs again alone. */
  suspect?: boolean;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  dead: boolean;
  /** Documents sent to this worker, oldest (the one being extracted) first. */
  tasks: Task[];
  /** The time limit of the document being extracted. */
  timer: NodeJS.Timeout | null;
  /** Documents this worker has finished. */
  done: number;
  /** Its heap has outgrown RECYCLE_HEAP_MB: it takes no more documents and is retired once idle. */
  full: boolean;
}

/** Documents that stay in a worker's queue: one only while it runs a suspect. */
const capacity = (slot: Slot) => (slot.tasks[0]?.suspect ? 1 : PER_WORKER);

/**
 * Documents sent to a worker ahead of the one it is extracting: the next one is already
 * in its message queue when it finishes, so it never waits on a round trip through the
 * main thread (for small text letters, that wait was as long as the work).
 */
const PER_WORKER = 2;

/**
 * A worker is retired, and a fresh one started, when its heap has grown past
 * RECYCLE_HEAP_MB after a document (pdf.js keeps per-document caches; a leak in a
 * library must not grow a long batch), or after RECYCLE_AFTER documents whatever its
 * heap. Not sooner: a fresh worker runs cold (its JIT warms up over the first hundred
 * or so documents), and retiring every 400 documents cost a fifth of a text batch's time.
 */
export const RECYCLE_AFTER = 5000;
export const RECYCLE_HEAP_MB = 256;

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
    private readonly recycleHeapMb: number = RECYCLE_HEAP_MB,
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
      this.clearTimer(s);
    }
    await Promise.all(slots.map((s) => s.worker.terminate().catch(() => undefined)));
  }

  private pump(): void {
    if (this.closed || this.broken) return;
    // Fill the least-loaded workers first, so each keeps one document in hand. A suspect
    // goes only to an idle worker, and nothing joins it there: if that worker dies, the
    // suspect alone is to blame.
    for (let depth = 0; depth < PER_WORKER; depth++) {
      for (const slot of this.slots) {
        const next = this.queue[0];
        if (!next) return;
        if (!slot.ready || slot.dead || slot.full || slot.tasks.length !== depth || slot.done + depth >= this.recycleAfter) continue;
        if (depth >= capacity(slot) || (next.suspect && depth > 0)) continue;
        this.dispatch(slot, this.queue.shift()!);
      }
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
    const slot: Slot = { worker, ready: false, dead: false, tasks: [], timer: null, done: 0, full: false };
    this.slots.push(slot);
    worker.on('message', (msg: FromWorker) => {
      if (slot.dead) return;
      if (msg.type === 'ready') {
        slot.ready = true;
        this.pump();
      } else if (msg.type === 'done' && slot.tasks[0]?.id === msg.id) {
        const task = slot.tasks.shift()!;
        this.clearTimer(slot);
        // The worker takes the next document as soon as it posts this one.
        this.startTimer(slot);
        slot.done++;
        if (msg.heapMb > this.recycleHeapMb) slot.full = true;
        if ((slot.full || slot.done >= this.recycleAfter) && slot.tasks.length === 0) this.retire(slot);
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
    slot.tasks.push(task);
    if (slot.tasks.length === 1) this.startTimer(slot);
    // Copied, not transferred: the bytes are kept until the record is back.
    const msg: ToWorker = { id: task.id, file: task.file, data: task.data };
    slot.worker.postMessage(msg);
  }

  private startTimer(slot: Slot): void {
    if (slot.tasks.length > 0 && hasLimit(this.timeoutMs)) slot.timer = setTimeout(() => this.timeOut(slot), this.timeoutMs);
  }

  private clearTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }

  /** Takes a stopped worker out of the pool; returns the documents it held, oldest first. */
  private remove(slot: Slot): Task[] {
    slot.dead = true;
    this.clearTimer(slot);
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    const tasks = slot.tasks;
    slot.tasks = [];
    return tasks;
  }

  /** Stop a healthy worker that has done its share; pump starts its replacement. */
  private retire(slot: Slot): void {
    this.queue.unshift(...this.remove(slot));
    void slot.worker.terminate().catch(() => undefined);
  }

  private timeOut(slot: Slot): void {
    if (slot.dead || slot.tasks.length === 0) return;
    // The timer runs for the document the worker is on: the ones queued behind it go back.
    const [task, ...waiting] = this.remove(slot);
    this.queue.unshift(...waiting);
    void slot.worker.terminate().catch(() => undefined);
    this.stats.timeouts++;
    task!.resolve(timeoutReport(task!.file, this.timeoutMs));
    this.pump();
  }

  /**
   * A worker died on its own. Alone with one document, that document is reported and
   * the worker replaced (lazily, in pump). With several, the oldest's record may have
   * been on its way when the worker died, so which one killed it is not known: they
   * all run again, each alone in a fresh worker, and the one that kills that is reported.
   */
  private lose(slot: Slot, reason: string, err: unknown): void {
    if (slot.dead) return;
    const wasReady = slot.ready;
    const tasks = this.remove(slot);
    void slot.worker.terminate().catch(() => undefined);
    if (!wasReady) {
      // It never got as far as loading the pipeline: every worker would fail the same way.
      this.breakPool(err ?? new Error(reason));
      for (const t of tasks) t.reject(this.broken);
      return;
    }
    this.stats.workersLost++;
    if (tasks.length === 1) {
      tasks[0]!.resolve(errorReport(tasks[0]!.file, new IngestError('parse', reason), null));
    } else {
      for (const t of tasks) t.suspect = true;
      this.queue.unshift(...tasks);
    }
    this.pump();
  }

  private breakPool(err: unknown): void {
    if (this.broken) return;
    const why = err instanceof Error ? err.message : String(err);
    this.broken = new Error(`could not start an extraction worker (${WORKER_URL.pathname}): ${why}`);
    for (const t of this.queue.splice(0)) t.reject(this.broken);
  }
}
