/**
 * Ingest stage: a path (or stdin) -> IngestedDocument (pages of positioned lines).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { IngestedDocument, SourceFormat } from '../types.js';
import { describeFsError, IngestError } from './errors.js';
import { readPdfPages } from './pdf.js';
import { decodeText, readTextPages } from './text.js';

export { describeFsError, IngestError } from './errors.js';

import { DEFAULT_INGEST, type IngestOptions } from './options.js';

export { DEFAULT_INGEST, type IngestOptions };

export function formatOf(file: string, data: Uint8Array): SourceFormat {
  const head = Buffer.from(data.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  const ext = extname(file).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  return ext === '.pdf' ? 'pdf' : 'text';
}

/**
 * A file's bytes, read synchronously: for the small files of a batch, the promise round
 * trips of fs/promises (stat, open, read, close) cost the main thread more than the
 * reading. The size is checked before anything is read, and only regular files are
 * opened (a FIFO would block the open).
 */
export async function readInputBytes(file: string, maxBytes: number): Promise<Uint8Array> {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!st.isFile()) throw new Error('not a regular file');
    size = st.size;
  } catch (err) {
    throw new IngestError('read', describeFsError(err));
  }
  if (size > maxBytes) {
    throw new IngestError('read', `file is ${(size / 1048576).toFixed(1)} MB, more than the limit of ${(maxBytes / 1048576).toFixed(0)} MB (--max-mb)`);
  }
  try {
    const buf = readFileSync(file);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (err) {
    throw new IngestError('read', describeFsError(err));
  }
}

/** Read bytes already in memory (a file's, or stdin's). */
export async function ingestBytes(file: string, data: Uint8Array, opts: IngestOptions): Promise<IngestedDocument> {
  const sha256 = createHash('sha256').update(data).digest('hex');
  if (data.length === 0) throw new IngestError('read', 'empty file');
  if (data.length > opts.maxBytes) throw new IngestError('read', `input is larger than the limit of ${(opts.maxBytes / 1048576).toFixed(0)} MB (--max-mb)`);
  const format = formatOf(file, data);
  const warnings: string[] = [];
  if (format === 'pdf') {
    if (extname(file).toLowerCase() === '.pdf' && !Buffer.from(data.subarray(0, 1024)).toString('latin1').includes('%PDF-')) {
      throw new IngestError('read', 'not a PDF (no %PDF header)');
    }
    const pages = await readPdfPages(data, { maxPages: opts.maxPages });
    const chars = pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.text.length, 0), 0);
    if (chars < 20) throw new IngestError('ingest', 'PDF has no text layer (a scanned image?); run OCR on it first');
    return { file, format, sha256, pages, warnings };
  }
  if (extname(file).toLowerCase() === '.pdf') throw new IngestError('read', 'not a PDF (no %PDF header)');
  const decoded = decodeText(data, opts.encoding);
  if (decoded.warning) warnings.push(decoded.warning);
  if (/[\u0000-\u0008\u000e-\u001a]/.test(decoded.text.slice(0, 65536))) throw new IngestError('read', 'binary data, not text');
  // Text that writes its headings in markdown is read as markdown whatever its name.
  const markdown = format === 'markdown' || /^#{1,6}\s+\S|^\*\*[^*\n]+\*\*[ \t]*$/m.test(decoded.text.slice(0, 65536));
  const pages = readTextPages(decoded.text, markdown);
  return { file, format: markdown ? 'markdown' : 'text', sha256, pages, warnings };
}

export async function ingestFile(file: string, opts: IngestOptions = DEFAULT_INGEST): Promise<IngestedDocument> {
  const data = await readInputBytes(file, opts.maxBytes);
  return ingestBytes(file, data, opts);
}
