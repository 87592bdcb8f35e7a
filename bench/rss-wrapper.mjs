#!/usr/bin/env node
/**
 * Peak RSS of a Node script where /usr/bin/time is missing: runs SCRIPT in this very
 * process (worker threads included, they share it) and, on exit, writes
 * process.resourceUsage() (maxRSS in KB) as JSON to OUT.
 *
 *   node bench/rss-wrapper.mjs OUT SCRIPT [args...]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [out, script, ...args] = process.argv.slice(2);
if (!out || !script) {
  process.stderr.write('usage: node bench/rss-wrapper.mjs OUT SCRIPT [args...]\n');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => writeFileSync(out, JSON.stringify(process.resourceUsage())));
await import(pathToFileURL(resolve(script)).href);
