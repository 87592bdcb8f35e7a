/**
 * What sendmine promises about hostile input: nothing in a document runs, in pdf.js or
 * in a spreadsheet, and output files are never half-written or written over an input.
 */
import { describe, expect, it } from 'vitest';
import { vi } from 'vitest';

// PDFs on a busy 2-core machine, with the whole suite running at once.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile, mkdir, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractBytes } from '../src/pipeline.js';
import { areasCsv, findingsCsv, neutraliseCell } from '../src/output/csv.js';
import { emptyReport } from '../src/parse/common.js';
import type { Report } from '../src/types.js';
import { fontMatrixPayloadPdf } from './support/handmade-pdf.js';
import { ROOT } from './support/corpus.js';
import { parse } from 'node:path';

describe('pdf.js runs no code from a document (CVE-2024-4367)', () => {
  it('reads a PDF whose FontMatrix carries a script, and the script never runs', async () => {
    const g = globalThis as { __sendminePwned?: number };
    delete g.__sendminePwned;
    const r = await extractBytes('payload.pdf', new Uint8Array(fontMatrixPayloadPdf()));
    expect(g.__sendminePwned).toBeUndefined();
    expect(['not-send-inspection', 'error']).toContain(r.kind);
  });

  it('uses a pdfjs-dist with the fix (4.2.67 or later)', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'node_modules', 'pdfjs-dist', 'package.json'), 'utf8')) as { version: string };
    const [major, minor] = pkg.version.split('.').map(Number);
    expect(major > 4 || (major === 4 && minor >= 2)).toBe(true);
  });
});

describe('CSV formula injection (OWASP)', () => {
  it.each(['=HYPERLINK("http://x.example","click")', '@SUM(A1:A9)', '+1+2', '-2+3', '\t=1', '\r=1', '\uff1dSUM(A1)', '\uff20SUM(A1)'])('neutralises %j', (cell) => {
    expect(neutraliseCell(cell)).toBe(`'${cell}`);
  });

  it('leaves ordinary text and numbers alone', () => {
    expect(neutraliseCell('Leaders should act')).toBe('Leaders should act');
    expect(neutraliseCell(-3)).toBe(-3);
  });

  const hostile = (): Report => ({
    ...emptyReport('x.md'),
    kind: 'area-send-full-2023',
    area: '=HYPERLINK("http://evil.example","Anyshire")',
    strengths: [{ text: '@SUM(1+1)*cmd|" /C calc"!A0', page: 1 }],
  });

  it('quotes and prefixes hostile cells in areas and findings, unless --raw-csv', () => {
    const areas = areasCsv([hostile()]);
    expect(areas).toContain(`"'=HYPERLINK(""http://evil.example"",""Anyshire"")"`);
    const findings = findingsCsv([hostile()]);
    expect(findings).toContain(`"'@SUM(1+1)*cmd|"" /C calc""!A0"`);
    expect(areasCsv([hostile()], { raw: true })).toContain('"=HYPERLINK(');
  });
});

const BIN = join(ROOT, 'dist', 'bin', 'sendmine.js');
describe.runIf(existsSync(BIN))('atomic output', () => {
  it('a run killed mid-way leaves the old output file whole', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sendmine-atomic-'));
    const inputs = join(dir, 'in');
    await mkdir(inputs);
    // Enough documents that the run is still going when it is killed.
    const sample = join(ROOT, 'fixtures', 'pdf', 'kent-2024-03-22.pdf');
    for (let i = 0; i < 60; i++) await copyFile(sample, join(inputs, `copy-${i}-${parse(sample).base}`));
    const out = join(dir, 'areas.csv');
    await writeFile(out, 'OLD CONTENT\n');
    const child = spawn(process.execPath, [BIN, 'areas', inputs, '-o', out], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const after = await readFile(out, 'utf8');
    expect(after === 'OLD CONTENT\n' || after.startsWith('area,kind,')).toBe(true);
    if (after !== 'OLD CONTENT\n') expect(after.trim().split('\n')).toHaveLength(61);
  }, 30_000);
});
