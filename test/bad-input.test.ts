import { beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../src/pipeline.js';
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
    ['missing', /no such file/],
  ])('%s', async (name, reason) => {
    const r = await extractFile(inputs.bad[name]);
    expect(r.kind).toBe('error');
    expect(r.reason).toMatch(reason);
    expect(r.strengths).toEqual([]);
  });

  it('reads a good document beside them', async () => {
    const r = await extractFile(inputs.good);
    expect(r.kind).toBe('area-send-initial-2016');
  });
});
