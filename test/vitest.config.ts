/**
 * `npm test`: the suite runs from the project root as usual; every temporary file a test
 * or a CLI it starts makes goes under one folder that is removed when the run ends
 * (test/support/tmp-root.ts), so a run leaves nothing behind in the system's tmp.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    globalSetup: [fileURLToPath(new URL('./support/tmp-root.ts', import.meta.url))],
  },
});
