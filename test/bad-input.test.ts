import { beforeAll, describe, expect, it } from 'vitest';
import { vi } from 'vitest';

// PDFs on a busy 2-core machine, with the whole suite running at once.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });
import { extractFile } from '../src/pipeline.js';
import { DEFAULT_INGEST } from '../src/ingest/index.js';
import { makeBadInputs, type BadInputs } from './support/bad-inputs.js';

let inputs: BadInputs;
beforeAll(async () => {
  inputs = await makeBadInputs();
});

describe('bad inputs become error records with a reason, never a crash', () => {
  it.each([
    ['empty', /empty file/],
    ['truncated', /PDF/],
    ['binary', /not a PDF/],
    ['encrypted', /encrypted/],
    ['scanned', /no text layer/],
    ['windows1252', /not valid UTF-8/],
    ['utf16', /UTF-16/],
    ['missing', /no such file/],
  ])('%s', async (name, reason) => {
    const r = await extractFile(inputs.bad[name]);
    expect(r.kind).toBe('error');
    expect(r.reason).toMatch(reason);
    expect(r.strengths).toEqual([]);
  });

  it('reads UTF-16 and Windows-1252 when told the encoding', async () => {
    const r = await extractFile(inputs.bad.utf16, { ...DEFAULT_INGEST, encoding: 'utf-16le' });
    expect(r.kind).toBe('area-send-initial-2016');
    const latin = await extractFile(inputs.bad.windows1252, { ...DEFAULT_INGEST, encoding: 'windows-1252' });
    expect(latin.kind).toBe('not-send-inspection');
  });

  it('reads a good document beside them', async () => {
    const r = await extractFile(inputs.good);
    expect(r.kind).toBe('area-send-initial-2016');
  });
});
