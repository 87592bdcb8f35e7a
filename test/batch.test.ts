/**
 * One batch with every kind of bad input beside good documents: the good rows all
 * arrive, each bad file gets one stderr line and one --errors row, and the exit code is 1.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { chmod, copyFile, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run, type Io } from '../src/cli/main.js';
import { makeBadInputs, type BadInputs } from './support/bad-inputs.js';
import { buildPdf } from './support/handmade-pdf.js';
import { ROOT } from './support/corpus.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

function fakeIo(): Io & { out: string; err: string } {
  const io = { out: '', err: '', color: false, stdout: (s: string) => void (io.out += s), stderr: (s: string) => void (io.err += s), stdin: async () => new Uint8Array() };
  return io;
}

/** A PDF of `n` empty pages: cheap to make, and over the page limit. */
function manyPages(n: number): Buffer {
  const kids = Array.from({ length: n }, (_, i) => `${i + 3} 0 R`).join(' ');
  const pages = Array.from({ length: n }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
  return buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`, ...pages]);
}

let inputs: BadInputs;
let expectedBad: string[];
beforeAll(async () => {
  inputs = await makeBadInputs();
  const dir = inputs.dir;
  await writeFile(join(dir, 'two-thousand-pages.pdf'), manyPages(2000));
  await writeFile(join(dir, 'fifty-megabytes.txt'), Buffer.alloc(50 * 1024 * 1024, 'SEND inspection text. '));
  // A folder that links back to itself, and a folder nested deeper than the walk goes.
  await mkdir(join(dir, 'loop'));
  await symlink(join(dir, 'loop'), join(dir, 'loop', 'again'));
  let deep = join(dir, 'deep');
  for (let i = 0; i < 70; i++) deep = join(deep, 'd');
  await mkdir(deep, { recursive: true });
  await copyFile(inputs.good, join(deep, 'lost-letter.md'));
  // Good documents beside them.
  for (const f of ['kent-2024-03-22.pdf', 'bristol-2019-04-24.pdf']) await copyFile(join(ROOT, 'fixtures', 'pdf', f), join(dir, f));
  const unreadable = join(dir, 'unreadable.md');
  await writeFile(unreadable, '# private');
  await chmod(unreadable, 0o000);
  expectedBad = [
    ...Object.values(inputs.bad),
    join(dir, 'two-thousand-pages.pdf'),
    join(dir, 'fifty-megabytes.txt'),
    // root reads anything: the permission case only fails for other users.
    ...(process.getuid?.() === 0 ? [] : [unreadable]),
  ];
});

describe('a batch of good and bad inputs', () => {
  it('writes every good row, reports every bad file once, exits 1', async () => {
    const io = fakeIo();
    const errors = join(inputs.dir, '..', `batch-errors-${Date.now()}.csv`);
    const code = await run(['areas', inputs.dir, inputs.bad.missing, inputs.good, '--errors', errors, '--jobs', '2'], io);
    expect(code).toBe(1);
    const rows = io.out.trim().split('\n').slice(1).map((l) => l.split(',')[0].replace(/"/g, ''));
    expect(rows).toEqual(expect.arrayContaining(['Anyshire', 'Bristol', 'Kent']));
    const errorLines = io.err.split('\n').filter((l) => / error: /.test(l));
    for (const bad of expectedBad) expect(errorLines.filter((l) => l.startsWith(`sendmine: ${bad}: error:`)), bad).toHaveLength(1);
    expect(io.err).toMatch(/two-thousand-pages\.pdf: error: PDF has 2000 pages, more than the limit of 300/);
    expect(io.err).toMatch(/fifty-megabytes\.txt: error: file is 50\.0 MB, more than the limit of 20 MB/);
    expect(io.err).toMatch(/deep(?:\/d)+: error: folder nesting deeper than 64 levels/);
    const csv = (await readFile(errors, 'utf8')).trim().split('\n');
    expect(csv[0]).toBe('file,stage,reason');
    for (const bad of expectedBad) expect(csv.some((l) => l.startsWith(`${bad},`)), bad).toBe(true);
  });
});
