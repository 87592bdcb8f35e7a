/**
 * Expanding command-line paths into the list of documents to read: folders are
 * walked (sorted, symlink loops and repeats skipped), and each file is listed once.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { describeFsError } from '../ingest/errors.js';

export const DOCUMENT_EXTENSIONS = new Set(['.pdf', '.txt', '.md', '.markdown', '.text']);
export const STDIN = '-';

export interface InputEntry {
  /** The path as the user will recognise it. */
  file: string;
  /** When the path cannot be read: why. */
  error?: string;
}

export async function expandInputs(paths: string[], opts: { maxDepth?: number } = {}): Promise<InputEntry[]> {
  const out: InputEntry[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const maxDepth = opts.maxDepth ?? 64;

  const addFile = async (file: string) => {
    let real: string;
    try {
      real = await realpath(file);
    } catch (err) {
      out.push({ file, error: describeFsError(err) });
      return;
    }
    if (seenFiles.has(real)) return; // two names for one file: read it once
    seenFiles.add(real);
    out.push({ file });
  };

  const walk = async (dir: string, depth: number): Promise<void> => {
    let real: string;
    try {
      real = await realpath(dir);
    } catch (err) {
      out.push({ file: dir, error: describeFsError(err) });
      return;
    }
    if (seenDirs.has(real)) return; // a symlink loop, or a folder named twice
    seenDirs.add(real);
    if (depth > maxDepth) {
      out.push({ file: dir, error: `folder nesting deeper than ${maxDepth} levels` });
      return;
    }
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      out.push({ file: dir, error: describeFsError(err) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const s = await stat(p);
          isDir = s.isDirectory();
          isFile = s.isFile();
        } catch (err) {
          out.push({ file: p, error: describeFsError(err) });
          continue;
        }
      }
      if (isDir) await walk(p, depth + 1);
      else if (isFile && DOCUMENT_EXTENSIONS.has(extname(e.name).toLowerCase())) await addFile(p);
    }
  };

  for (const p of paths) {
    if (p === STDIN) {
      out.push({ file: STDIN });
      continue;
    }
    let s;
    try {
      s = await stat(p);
    } catch (err) {
      out.push({ file: p, error: describeFsError(err) });
      continue;
    }
    if (s.isDirectory()) await walk(p, 0);
    else await addFile(p);
  }
  return out;
}
