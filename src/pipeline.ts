/**
 * The whole pipeline for one document: ingest -> layout -> classify -> parse.
 */
import { classify } from './classify/index.js';
import { DEFAULT_INGEST, ingestBytes, IngestError, readInputBytes, type IngestOptions } from './ingest/index.js';
import { runLayout } from './layout/index.js';
import { emptyReport, parseReport } from './parse/index.js';
import { enrichReport, type NlpOptions } from './nlp/index.js';
import type { Report } from './types.js';

export interface ExtractedReport extends Report {
  /** Running headers/footers removed by layout (not part of the gold schema). */
  furniture?: string[];
  /** The stage that failed, for error records. */
  stage?: string;
  /**
   * The record's line of the areas CSV, made where it was extracted when the command
   * keeps nothing else (`raw`: cells not neutralised); such a record has no items.
   */
  areaLine?: { raw: boolean; line: string };
}

/** Everything one document's extraction needs; plain data, so it can cross to a worker. */
export type ExtractOptions = IngestOptions & NlpOptions & { nlp?: boolean };

export async function extractBytes(file: string, data: Uint8Array, opts: ExtractOptions = DEFAULT_INGEST): Promise<ExtractedReport> {
  const report: ExtractedReport = emptyReport(file);
  try {
    const doc = await ingestBytes(file, data, opts);
    report.sha256 = doc.sha256;
    report.pages = doc.pages.length;
    report.warnings.push(...doc.warnings);
    const { blocks, furniture } = runLayout(doc);
    report.furniture = furniture;
    parseReport(blocks, classify(blocks), report);
    if (opts.nlp !== false) await enrichReport(report, opts);
    return report;
  } catch (err) {
    return errorReport(file, err, report.sha256);
  }
}

export async function extractFile(file: string, opts: ExtractOptions = DEFAULT_INGEST): Promise<ExtractedReport> {
  let data: Uint8Array;
  try {
    data = await readInputBytes(file, opts.maxBytes);
  } catch (err) {
    return errorReport(file, err, null);
  }
  return extractBytes(file, data, opts);
}

export function errorReport(file: string, err: unknown, sha256: string | null): ExtractedReport {
  const r: ExtractedReport = emptyReport(file);
  r.kind = 'error';
  r.sha256 = sha256;
  r.stage = err instanceof IngestError ? err.stage : 'parse';
  r.reason = err instanceof Error ? err.message : String(err);
  return r;
}
