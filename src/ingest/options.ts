/** Ingest limits, apart from the readers so that the CLI can show its defaults without loading them. */
export interface IngestOptions {
  maxPages: number;
  maxBytes: number;
  encoding?: string;
}

export const DEFAULT_INGEST: IngestOptions = { maxPages: 300, maxBytes: 20 * 1024 * 1024 };
