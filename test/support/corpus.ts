/** Where the reference corpus lives, and what to do when it is not there. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CORPUS = join(ROOT, '..', 'shared', 'corpus');
export const hasCorpus = existsSync(CORPUS);

/** Under CI=true a missing corpus is a failure, elsewhere a printed notice and a skip. */
export function corpusAvailable(): boolean {
  if (hasCorpus) return true;
  if (process.env.CI === 'true') throw new Error(`reference corpus missing at ${CORPUS} (required under CI=true)`);
  console.warn(`notice: reference corpus not found at ${CORPUS}; corpus tests skipped`);
  return false;
}
