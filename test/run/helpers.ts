/** Shared set-up for the src/run tests: fixture documents mixed with broken ones, and the built pool. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const made: string[] = [];
/** A fresh temporary folder, removed by `removeTempDirs` (call it in afterAll). */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

export const FIXTURE_DIRS = [join(ROOT, 'fixtures', 'pdf'), join(ROOT, 'fixtures', 'text')];

export function fixtureFiles(): string[] {
  return FIXTURE_DIRS.flatMap((d) =>
    readdirSync(d)
      .sort()
      .map((f) => join(d, f)),
  );
}

/** Random bytes that are stable from run to run (a small LCG), so outputs can be compared. */
export function noise(n: number, seed = 7): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = x >>> 16;
  }
  return b;
}

export interface Mix {
  dir: string;
  /** Fixtures interleaved with broken files, in the order they are given to the pool. */
  files: string[];
  broken: { empty: string; random: string; missing: string; garbageText: string };
}

/** The fixture documents (copied, under their own names) with broken files spread among them. */
export async function makeMix(prefix = 'sendmine-run-'): Promise<Mix> {
  const dir = await tempDir(prefix);
  const broken = {
    empty: join(dir, 'empty.pdf'),
    random: join(dir, 'random-bytes.pdf'),
    missing: join(dir, 'not-there.txt'),
    garbageText: join(dir, 'garbage.txt'),
  };
  await writeFile(broken.empty, '');
  await writeFile(broken.random, noise(4096));
  await writeFile(broken.garbageText, noise(2048, 99));
  const copies: string[] = [];
  for (const f of fixtureFiles()) {
    const target = join(dir, `fx-${f.split('/').pop()}`);
    await copyFile(f, target);
    copies.push(target);
  }
  const brokenList = [broken.empty, broken.random, broken.missing, broken.garbageText];
  const files: string[] = [];
  copies.forEach((f, i) => {
    files.push(f);
    if (i % 3 === 1 && brokenList.length) files.push(brokenList.shift()!);
  });
  files.push(...brokenList);
  return { dir, files, broken };
}

export const DIST_POOL = join(ROOT, 'dist', 'src', 'run', 'pool.js');
export const DIST_WORKER = join(ROOT, 'dist', 'src', 'run', 'worker.js');

/**
 * The worker needs compiled JavaScript: the pool tests use dist/ (built by `npm install`
 * / `npm ci` through `prepare`). Without it they skip with a notice.
 */
export function distAvailable(): boolean {
  if (!existsSync(DIST_POOL) || !existsSync(DIST_WORKER)) {
    console.warn(`notice: ${DIST_POOL} not built (run npm run build); worker pool tests skipped`);
    return false;
  }
  const srcDir = join(ROOT, 'src', 'run');
  const built = statSync(DIST_POOL).mtimeMs;
  const stale = readdirSync(srcDir).filter((f) => f.endsWith('.ts') && statSync(join(srcDir, f)).mtimeMs > built);
  if (stale.length) console.warn(`notice: dist/ is older than src/run/${stale.join(', src/run/')}; the pool tests run the built code (npm run build)`);
  return true;
}
