/**
 * Global setup of the test run: one temporary root for the whole run. Test workers and
 * the CLI processes they start inherit TMPDIR, so os.tmpdir() (mkdtemp, the errors
 * files of the batch tests) lands under it; teardown removes it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let root: string | null = null;

export function setup(): void {
  root = mkdtempSync(join(tmpdir(), 'sendmine-test-run-'));
  process.env.TMPDIR = root;
}

export function teardown(): void {
  if (root) rmSync(root, { recursive: true, force: true });
}
