/** Writing an output file atomically: a temporary file beside it, then a rename. */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * An output written piece by piece to a temporary file beside the target, renamed over
 * it only when complete: a run that dies leaves the old file untouched.
 */
export class AtomicWriter {
  private readonly tmp: string;
  private handle: import('node:fs/promises').FileHandle | null = null;

  constructor(private readonly target: string) {
    this.tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  }

  async write(data: string): Promise<void> {
    this.handle ??= await open(this.tmp, 'w');
    await this.handle.write(data);
  }

  async commit(): Promise<void> {
    this.handle ??= await open(this.tmp, 'w');
    await this.handle.close();
    this.handle = null;
    await rename(this.tmp, this.target);
  }

  async abort(): Promise<void> {
    await this.handle?.close().catch(() => undefined);
    this.handle = null;
    await unlink(this.tmp).catch(() => undefined);
  }
}

/** A whole output at once, through the same temporary file and rename. */
export async function writeAtomic(target: string, data: string): Promise<void> {
  const sink = new AtomicWriter(target);
  try {
    await sink.write(data);
    await sink.commit();
  } catch (err) {
    await sink.abort();
    throw err;
  }
}
