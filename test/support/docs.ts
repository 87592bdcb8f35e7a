/** Running the pipeline on a text written inside a test. */
import { extractBytes } from '../../src/pipeline.js';
import { ingestBytes, DEFAULT_INGEST } from '../../src/ingest/index.js';
import { runLayout } from '../../src/layout/index.js';

export const bytes = (s: string) => new TextEncoder().encode(s);

export function extractText(text: string, name = 'doc.md') {
  return extractBytes(name, bytes(text), DEFAULT_INGEST);
}

export async function layoutText(text: string, name = 'doc.md') {
  return runLayout(await ingestBytes(name, bytes(text), DEFAULT_INGEST));
}
