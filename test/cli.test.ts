/**
 * The command line end to end: what reaches stdout and stderr, and the exit codes.
 * Most cases call `run` in-process; a few spawn the built binary for real exit codes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { vi } from 'vitest';

// PDFs on a busy 2-core machine, with the whole suite running at once.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { run, type Io } from '../src/cli/main.js';
import { AREA_COLUMNS } from '../src/output/csv.js';
import { makeBadInputs, GOOD_LETTER, type BadInputs } from './support/bad-inputs.js';
import { ROOT } from './support/corpus.js';

function fakeIo(stdin = ''): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    color: false,
    stdout: (s: string) => {
      io.out += s;
    },
    stderr: (s: string) => {
      io.err += s;
    },
    stdin: async () => new TextEncoder().encode(stdin),
  };
  return io;
}

let inputs: BadInputs;
beforeAll(async () => {
  inputs = await makeBadInputs();
});

describe('sendmine (no arguments, usage errors)', () => {
  it('prints usage on stderr and exits 2 with no command', async () => {
    const io = fakeIo();
    expect(await run([], io)).toBe(2);
    expect(io.err).toMatch(/Usage: sendmine/);
    expect(io.out).toBe('');
  });

  it('exits 2 when areas is given no path, and for an unknown option', async () => {
    expect(await run(['areas'], fakeIo())).toBe(2);
    expect(await run(['areas', '--bogus', 'x'], fakeIo())).toBe(2);
    expect(await run(['extract', '--format', 'xml', 'x'], fakeIo())).toBe(2);
  });
});

describe('sendmine extract', () => {
  it('writes one JSON record per line, in input order, and reads stdin', async () => {
    const io = fakeIo(GOOD_LETTER);
    expect(await run(['extract', inputs.good, '-'], io)).toBe(0);
    const records = io.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((r) => [r.file, r.kind])).toEqual([
      [inputs.good, 'area-send-initial-2016'],
      ['-', 'area-send-initial-2016'],
    ]);
    expect(records[0]).toMatchObject({ area: 'Anyshire', parserVersion: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), warnings: [] });
    expect(records[0].strengths[0]).toMatchObject({ text: 'Needs are spotted early.', evidence: { rule: expect.any(String) } });
    expect(records[0]).not.toHaveProperty('furniture');
  });

  it('gives error records and one stderr line per bad file, keeps the good, exits 1', async () => {
    const io = fakeIo();
    const code = await run(['extract', '--format', 'json', inputs.dir, inputs.bad.missing], io);
    expect(code).toBe(1);
    const records = JSON.parse(io.out) as { file: string; kind: string; reason: string }[];
    const errors = records.filter((r) => r.kind === 'error');
    expect(errors.map((r) => r.file).sort()).toEqual(Object.values(inputs.bad).sort());
    expect(records.find((r) => r.file === inputs.good)?.kind).toBe('area-send-initial-2016');
    const lines = io.err.trim().split('\n');
    expect(lines).toHaveLength(Object.keys(inputs.bad).length);
    for (const l of lines) expect(l).toMatch(/^sendmine: .+: error: .+/);
  });

  it('writes the failures to --errors as CSV', async () => {
    const errors = join(inputs.dir, '..', `errors-${Date.now()}.csv`);
    expect(await run(['extract', inputs.dir, '--errors', errors], fakeIo())).toBe(1);
    const lines = (await readFile(errors, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('file,stage,reason');
    expect(lines).toHaveLength(Object.keys(inputs.bad).length); // every bad file but the missing one, plus the header
    expect(lines.some((l) => l.includes('empty.pdf,read,empty file'))).toBe(true);
  });

  it('reads a file named twice once', async () => {
    const io = fakeIo();
    await run(['extract', inputs.good, inputs.good, inputs.dir], io);
    expect(io.out.trim().split('\n').filter((l) => l.includes('good-letter'))).toHaveLength(1);
  });
});

describe('sendmine areas', () => {
  it('prints the cross-area CSV header in the documented order and a row per SEND document', async () => {
    const io = fakeIo();
    expect(await run(['areas', inputs.good], io)).toBe(0);
    const [header, row] = io.out.trim().split('\n');
    expect(header.startsWith(`${AREA_COLUMNS.join(',')},weak_ehc-plans,strong_ehc-plans,sig_ehc-plans,`)).toBe(true);
    expect(header.endsWith(',trigger_themes')).toBe(true);
    expect(row).toMatch(/^Anyshire,area-send-initial-2016,,2020-03-02,2020-03-06,,,no-wsoa,false,,,,1,1,1,0,0,0,/);
    expect(row.split(',')).toHaveLength(header.split(',').length);
  });

  it('skips a document that is not a SEND inspection with a reason on stderr', async () => {
    const news = join(inputs.dir, 'news.txt');
    await writeFile(news, 'Councils told to do better\n\nBy Sam Writer | 2 May 2019\n\nInspectors found weaknesses, according to Ofsted.\n');
    const io = fakeIo();
    expect(await run(['areas', news], io)).toBe(0);
    expect(io.out.trim().split('\n')).toHaveLength(1);
    expect(io.err).toMatch(/news\.txt: skipped: an article/);
  });

  it('writes -o atomically and refuses to overwrite an input', async () => {
    const out = join(inputs.dir, 'areas.csv');
    const io = fakeIo();
    expect(await run(['areas', inputs.good, '-o', out], io)).toBe(0);
    expect(io.out).toBe('');
    expect(await readFile(out, 'utf8')).toMatch(/^area,kind,/);
    const io2 = fakeIo();
    expect(await run(['areas', inputs.good, '-o', inputs.good], io2)).toBe(2);
    expect(io2.err).toMatch(/refusing to write output over an input/);
    expect(await readFile(inputs.good, 'utf8')).toBe(GOOD_LETTER);
  });
});

describe('sendmine summary and findings', () => {
  it('summarises the sample fixtures as JSON, the same figures as in the terminal', async () => {
    const io = fakeIo();
    expect(await run(['summary', join(ROOT, 'fixtures'), '--format', 'json', '--quiet'], io)).toBe(0);
    const s = JSON.parse(io.out);
    expect(s.schema).toBe('sendmine-summary/1');
    expect(s.national.frameworks['2016'].initial.wsoaRequired).toMatchObject({ count: 2, total: 3 });
    expect(s.national.frameworks['2023'].full.outcomes['systemic-failings'].count).toBe(2);
    const term = fakeIo();
    await run(['summary', join(ROOT, 'fixtures'), '--quiet'], term);
    expect(term.out).toMatch(/2 of 3 areas \(67%\) had to produce a Written Statement of Action/);
  });

  it('writes one findings row per item with themes and polarity', async () => {
    const io = fakeIo();
    expect(await run(['findings', inputs.good], io)).toBe(0);
    const lines = io.out.trim().split('\n');
    expect(lines[0]).toBe('area,kind,inspection_start,inspection_end,letter_date,outcome,list,index,polarity,themes,page,body,text,file');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^Anyshire,area-send-initial-2016,2020-03-02,2020-03-06,,no-wsoa,mainFindings,1,(strength|neutral),/);
  });
});

describe('sendmine report and timeline', () => {
  it('writes one self-contained HTML page', async () => {
    const out = join(inputs.dir, 'report.html');
    expect(await run(['report', join(ROOT, 'fixtures'), '-o', out, '--quiet'], fakeIo())).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
  });

  it('prints one timeline row per area', async () => {
    const io = fakeIo();
    expect(await run(['timeline', join(ROOT, 'fixtures'), '--quiet'], io)).toBe(0);
    expect(io.out.trim().split('\n')).toHaveLength(12);
  });
});

describe('sendmine reconcile', () => {
  it('names what is missing from an official file in an unexpected layout, exit 2', async () => {
    const bad = join(inputs.dir, 'official.csv');
    await writeFile(bad, 'Local authority,Something else\nAnyshire,1\n');
    const io = fakeIo();
    expect(await run(['reconcile', inputs.good, '--official', bad], io)).toBe(2);
    expect(io.err).toMatch(/official\.csv/);
  });

  it('reconciles the 2016 letter of the corpus with the official ODS', async () => {
    const ods = join(ROOT, '..', 'shared', 'reference', 'area-send-outcomes-2016-to-2022-official.ods');
    if (!existsSync(ods)) return;
    const io = fakeIo();
    const letter = join(ROOT, '..', 'shared', 'corpus', 'letters-2016', 'text', 'leicestershire-2020-03-27.md');
    expect(await run(['reconcile', letter, '--official', ods, '--format', 'json', '--strict'], io)).toBe(0);
    const result = JSON.parse(io.out);
    expect(result.counts.disagreements).toBe(0);
    expect(result.matches).toHaveLength(1);
  });
});

describe('sendmine check', () => {
  it('scores the sample fixtures and passes the bars', async () => {
    const io = fakeIo();
    const code = await run(['check', join(ROOT, 'fixtures'), '--min-kind-accuracy', '1', '--min-item-f1', '0.98', '--max-header-leaks', '0'], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(io.out).toMatch(/kind accuracy: 100\.0%/);
  });

  it('exits 1 when a bar is not met, naming the bar', async () => {
    const io = fakeIo();
    expect(await run(['check', join(ROOT, 'fixtures'), '--min-theme-f1', '0.99'], io)).toBe(1);
    expect(io.err).toMatch(/--min-theme-f1/);
  });

  it('exits 2 for a folder without gold files', async () => {
    const io = fakeIo();
    expect(await run(['check', join(inputs.dir, 'nested')], io)).toBe(2);
  });
});

const BIN = join(ROOT, 'dist', 'bin', 'sendmine.js');
describe.runIf(existsSync(BIN))('the built binary', () => {
  it('exits 0, 1 and 2 as documented', () => {
    const ok = spawnSync(process.execPath, [BIN, 'areas', inputs.good], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const some = spawnSync(process.execPath, [BIN, 'areas', inputs.good, inputs.bad.empty], { encoding: 'utf8' });
    expect(some.status).toBe(1);
    expect(some.stdout).toMatch(/Anyshire/);
    expect(some.stderr).toMatch(/empty\.pdf: error: empty file/);
    const usage = spawnSync(process.execPath, [BIN], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stdout).toBe('');
  });

  it('loads none of the pipeline for --help, and only what areas uses for areas', () => {
    const loaded = (args: string[]) => {
      const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test', 'support', 'module-log.mjs'), BIN, ...args], { encoding: 'utf8' });
      // Relative to the project, so the folder it is checked out in (CI uses /check/...) cannot match.
      const root = pathToFileURL(ROOT).href;
      return [...r.stderr.matchAll(/^module-log: (.*)$/gm)].map((m) => m[1].startsWith(root) ? m[1].slice(root.length) : m[1]);
    };
    const help = loaded(['--help']);
    expect(help.some((u) => u.endsWith('/cli/main.js'))).toBe(true);
    for (const stage of ['/pipeline.js', '/src/nlp/', '/src/layout/', '/src/parse/', '/src/run/', '/src/analyse/', '/src/report/', 'pdfjs-dist', 'compromise', 'natural']) {
      expect(help.filter((u) => u.includes(stage)), stage).toEqual([]);
    }
    const areas = loaded(['areas', inputs.good]);
    expect(areas.some((u) => u.endsWith('/pipeline.js'))).toBe(true);
    for (const unused of ['/src/report/', '/src/analyse/summary.js', '/src/check/', 'fast-xml-parser']) expect(areas.filter((u) => u.includes(unused)), unused).toEqual([]);
  });
});
