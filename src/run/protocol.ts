/** Messages between the extraction pool (main thread) and its workers. */
import type { ExtractedReport, extractBytes } from '../pipeline.js';

/** The options one document's extraction takes (ingest limits, encoding, nlp switches). */
export type ExtractOpts = NonNullable<Parameters<typeof extractBytes>[2]>;

/**
 * TEST-ONLY: make the worker misbehave for files whose path contains a marker: hang
 * in a busy loop, run out of memory, or throw outside any handler. Honoured only by
 * the worker script; the CLI never sets them.
 */
export interface TestHooks {
  hangMarker?: string;
  oomMarker?: string;
  crashMarker?: string;
}

export interface WorkerInit {
  opts: ExtractOpts;
  /** Send records back without item texts (the caller keeps no texts, and cloning them is the cost). */
  slim?: boolean;
  /** Send back only each record's areas CSV line (with `raw` cells or not): all `areas` keeps. */
  areaLine?: { raw: boolean };
  testHooks?: TestHooks;
}

/** A document to extract; `data` is the file's bytes (a copy: the pool keeps its own until the record is back). */
export interface ToWorker {
  id: number;
  file: string;
  data: Uint8Array;
}

/** `heapMb`: the worker's used heap after the document, for the pool's recycling. */
export type FromWorker = { type: 'ready' } | { type: 'done'; id: number; record: ExtractedReport; heapMb: number };
