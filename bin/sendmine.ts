#!/usr/bin/env node
import { run } from '../src/cli/main.js';

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  // `sendmine areas ... | head` closes the pipe early: that is not a failure.
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
process.exitCode = await run(process.argv.slice(2));
