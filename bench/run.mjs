#!/usr/bin/env node
/**
 * `npm run bench`: how fast sendmine is, and how much memory it takes, against bare
 * pdf-parse. Plain Node; every figure is a whole child process timed from outside
 * (median of several runs, with the min–max spread), peak RSS from `/usr/bin/time -v`
 * when it exists, else from process.resourceUsage() inside a small wrapper
 * (bench/rss-wrapper.mjs). Prints a markdown table and writes bench/RESULTS.md.
 *
 *   npm run bench                 # everything (about 5–8 minutes on 2 cores)
 *   node bench/run.mjs --quick    # one run each and small folders: a smoke test
 *   node bench/run.mjs --no-write # do not touch bench/RESULTS.md
 *   node bench/run.mjs --keep     # keep the generated folders (printed)
 *
 * Needs `npm run build` first (dist/). Rows that need ../shared/corpus are skipped
 * with a note when it is missing; rows that need CLI options the build does not have
 * yet (--cache, --jobs) likewise. SENDMINE_BENCH_CLI=path/to/sendmine.js benchmarks
 * another build of the CLI.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The CLI under test; SENDMINE_BENCH_CLI points at another build (e.g. to compare two checkouts). */
const CLI = process.env.SENDMINE_BENCH_CLI ? resolve(process.env.SENDMINE_BENCH_CLI) : join(ROOT, 'dist', 'bin', 'sendmine.js');
const BASELINE = join(ROOT, 'bench', 'pdf-parse-baseline.mjs');
const WRAPPER = join(ROOT, 'bench', 'rss-wrapper.mjs');
const RESULTS = join(ROOT, 'bench', 'RESULTS.md');
const CORPUS_PDF = resolve(ROOT, '..', 'shared', 'corpus', 'area-send-2023', 'pdf');
const FIXTURE_TEXT = join(ROOT, 'fixtures', 'text');
const FIXTURE_PDF = join(ROOT, 'fixtures', 'pdf');
const TIME = '/usr/bin/time';

const args = new Set(process.argv.slice(2));
for (const a of args) {
  if (!['--quick', '--no-write', '--keep', '--help', '-h'].includes(a)) {
    process.stderr.write(`bench: unknown option ${a}\n`);
    process.exit(2);
  }
}
if (args.has('--help') || args.has('-h')) {
  process.stdout.write('usage: node bench/run.mjs [--quick] [--no-write] [--keep]\n');
  process.exit(0);
}
const QUICK = args.has('--quick');
/** Runs per figure: small, big, huge. */
const RUNS = QUICK ? { small: 1, big: 1, huge: 1 } : { small: 5, big: 3, huge: 2 };
const TEXT_MB = QUICK ? 5 : 50;
const MIX = QUICK ? [{ n: 100, pdfs: 10 }, { n: 300, pdfs: 20 }] : [{ n: 500, pdfs: 50 }, { n: 5000, pdfs: 100 }];

const log = (s) => process.stderr.write(`bench: ${s}\n`);
const started = performance.now();

if (!existsSync(CLI)) {
  log(`${CLI} is missing: run \`npm run build\` first`);
  process.exit(2);
}
const hasTime = (() => {
  try {
    return statSync(TIME).isFile();
  } catch {
    return false;
  }
})();
const hasCorpus = existsSync(CORPUS_PDF);
const corpusPdfs = hasCorpus
  ? readdirSync(CORPUS_PDF)
      .filter((f) => f.toLowerCase().endsWith('.pdf'))
      .sort()
      .map((f) => join(CORPUS_PDF, f))
  : [];

// ---------------------------------------------------------------------------------
// Running and measuring a child process

/**
 * Run `node <argv>` once; wall time in ms measured here, peak RSS in KB.
 * stdout is discarded (after counting), stderr kept for error messages.
 */
async function measure(argv, { allowExit = [0] } = {}) {
  const rssFile = join(os.tmpdir(), `sendmine-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const cmd = hasTime ? TIME : process.execPath;
  const cmdArgs = hasTime ? ['-v', '-o', rssFile, process.execPath, ...argv] : [WRAPPER, rssFile, ...argv];
  const t0 = performance.now();
  const { code, stderr, stdoutBytes } = await new Promise((res, rej) => {
    const child = spawn(cmd, cmdArgs, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdoutBytes = 0;
    let stderr = '';
    child.stdout.on('data', (c) => (stdoutBytes += c.length));
    child.stderr.on('data', (c) => {
      if (stderr.length < 20000) stderr += c;
    });
    child.on('error', rej);
    child.on('close', (code) => res({ code, stderr, stdoutBytes }));
  });
  const ms = performance.now() - t0;
  let rssKb = null;
  try {
    const text = await readFile(rssFile, 'utf8');
    if (hasTime) {
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
      rssKb = m ? Number(m[1]) : null;
    } else {
      rssKb = JSON.parse(text).maxRSS;
    }
  } catch {
    // no figure: reported as such
  }
  await rm(rssFile, { force: true });
  if (!allowExit.includes(code)) {
    throw new Error(`\`node ${argv.join(' ').slice(0, 200)}\` exited with ${code}:\n${stderr.slice(-2000)}`);
  }
  return { ms, rssKb, code, stdoutBytes, stderr };
}

/** `runs` measurements of the same command (after `prepare()`, untimed, before each). */
async function repeat(label, runs, argv, { prepare, allowExit } = {}) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    if (prepare) await prepare(i);
    const s = await measure(argv, { allowExit });
    samples.push(s);
    log(`${label}: run ${i + 1}/${runs}: ${(s.ms / 1000).toFixed(2)} s, ${s.rssKb ? `${(s.rssKb / 1024).toFixed(0)} MB` : '? MB'}`);
  }
  return summarise(samples);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function summarise(samples) {
  const ms = samples.map((s) => s.ms);
  const rss = samples.map((s) => s.rssKb).filter((x) => x != null);
  return {
    runs: samples.length,
    ms: median(ms),
    msMin: Math.min(...ms),
    msMax: Math.max(...ms),
    rssKb: rss.length ? median(rss) : null,
    rssMin: rss.length ? Math.min(...rss) : null,
    rssMax: rss.length ? Math.max(...rss) : null,
    last: samples.at(-1),
  };
}

// ---------------------------------------------------------------------------------
// Formatting

const secs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const spread = (r) => (r.runs > 1 ? `${secs(r.msMin)} – ${secs(r.msMax)}` : 'one run');
const mb = (kb) => (kb == null ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);
const rssSpread = (r) => (r.rssKb == null ? 'n/a' : r.runs > 1 ? `${mb(r.rssKb)} (${mb(r.rssMin)} – ${mb(r.rssMax)})` : mb(r.rssKb));

const rows = [];
function row(id, what, value, range, runs, rss, note = '') {
  rows.push({ id, what, value, range, runs: String(runs), rss, note });
  log(`[${id}] ${what}: ${value}`);
}
function skip(id, what, why) {
  rows.push({ id, what, value: 'skipped', range: '', runs: '', rss: '', note: why });
  log(`[${id}] ${what}: skipped: ${why}`);
}

function table() {
  const head = ['#', 'measure', 'median', 'min – max', 'runs', 'peak RSS (median, spread)', 'notes'];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map((h) => (h === 'median' || h === 'runs' ? '---:' : '---')).join(' | ')} |`];
  for (const r of rows) lines.push(`| ${[r.id, r.what, r.value, r.range, r.runs, r.rss, r.note].map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------
// Generated folders

const work = await mkdtemp(join(os.tmpdir(), 'sendmine-bench-'));
process.on('SIGINT', async () => {
  if (!args.has('--keep')) await rm(work, { recursive: true, force: true });
  process.exit(130);
});

const listFiles = (dir) =>
  readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .sort()
    .map((f) => join(dir, f));
const fixtureTexts = listFiles(FIXTURE_TEXT);
const fixturePdfs = listFiles(FIXTURE_PDF).filter((f) => f.endsWith('.pdf'));

/** Copies of the fixture letters under new names until the folder holds >= `minBytes`. */
async function textFolder(name, minBytes) {
  const dir = join(work, name);
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  let n = 0;
  for (let round = 0; bytes < minBytes; round++) {
    for (const f of fixtureTexts) {
      const base = f.split('/').pop();
      await copyFile(f, join(dir, `${String(round).padStart(5, '0')}-${base}`));
      bytes += (await stat(f)).size;
      n++;
    }
  }
  return { dir, bytes, n };
}

/** `n` documents: `pdfs` PDFs (corpus, else fixtures, cycled) and the rest fixture texts, spread through the folder. */
async function mixedFolder(name, n, pdfs) {
  const dir = join(work, name);
  await mkdir(dir, { recursive: true });
  const pdfSource = corpusPdfs.length ? corpusPdfs : fixturePdfs;
  const every = Math.max(1, Math.floor(n / pdfs));
  let p = 0;
  let t = 0;
  for (let i = 0; i < n; i++) {
    const usePdf = p < pdfs && i % every === 0;
    const src = usePdf ? pdfSource[p++ % pdfSource.length] : fixtureTexts[t++ % fixtureTexts.length];
    await copyFile(src, join(dir, `${String(i).padStart(5, '0')}-${src.split('/').pop()}`));
  }
  return { dir, pdfs: p, texts: t, source: corpusPdfs.length ? 'corpus' : 'fixtures' };
}

// ---------------------------------------------------------------------------------
// What the CLI can do in this build

const helpText = await new Promise((res, rej) => {
  let out = '';
  const c = spawn(process.execPath, [CLI, 'areas', '--help'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  c.stdout.on('data', (d) => (out += d));
  c.stderr.on('data', (d) => (out += d));
  c.on('error', rej);
  c.on('close', () => res(out));
});
const cliHas = (opt) => helpText.includes(opt);
const quietFlag = cliHas('--quiet') ? ['--quiet'] : [];
log(`CLI options seen: ${['--jobs', '--cache', '--timeout', '--quiet'].filter(cliHas).join(' ') || '(none of --jobs --cache --timeout)'}`);
log(`peak RSS via ${hasTime ? '/usr/bin/time -v' : 'process.resourceUsage() in bench/rss-wrapper.mjs'}`);

// ---------------------------------------------------------------------------------
// 1–3: 35 corpus PDFs: bare pdf-parse vs sendmine end to end

let baseline = null;
let cliPdf = null;
if (!hasCorpus) {
  skip('1', 'pdf-parse v2 getText(), corpus PDFs', `../shared/corpus missing (${CORPUS_PDF})`);
  skip('2', '`sendmine areas` over the corpus PDFs', '../shared/corpus missing');
  skip('3', 'ratio 2 / 1', '../shared/corpus missing');
} else {
  const n = corpusPdfs.length;
  baseline = await repeat('baseline', RUNS.small, [BASELINE, ...corpusPdfs]);
  row('1', `pdf-parse v2 \`getText()\`, ${n} corpus PDFs, one after another, one process`, secs(baseline.ms), spread(baseline), baseline.runs, rssSpread(baseline), 'whole process (includes loading pdf-parse)');
  cliPdf = await repeat('cli-pdf', RUNS.small, [CLI, 'areas', ...quietFlag, ...corpusPdfs], { allowExit: [0, 1] });
  row('2', `\`sendmine areas\` over the ${n} corpus PDFs (default jobs)`, secs(cliPdf.ms), spread(cliPdf), cliPdf.runs, rssSpread(cliPdf), cliHas('--jobs') ? `default --jobs = ${os.availableParallelism()}` : 'this build has no --jobs: one document after another');
  row('3', 'ratio 2 / 1', `${(cliPdf.ms / baseline.ms).toFixed(2)}×`, `${(cliPdf.msMin / baseline.msMax).toFixed(2)}× – ${(cliPdf.msMax / baseline.msMin).toFixed(2)}×`, '', '', 'sendmine does layout, tables (vector graphics on table pages), parsing and nlp on top of the text');
  if (cliHas('--jobs')) {
    const one = await repeat('cli-pdf-jobs1', RUNS.small, [CLI, 'areas', ...quietFlag, '--jobs', '1', ...corpusPdfs], { allowExit: [0, 1] });
    row('2b', `\`sendmine areas --jobs 1\` over the ${n} corpus PDFs`, secs(one.ms), spread(one), one.runs, rssSpread(one), `speed-up of default jobs: ${(one.ms / cliPdf.ms).toFixed(2)}×`);
  }
}

// ---------------------------------------------------------------------------------
// 4: text throughput

{
  const t = await textFolder('text', TEXT_MB * 1024 * 1024);
  const r = await repeat('text', RUNS.big, [CLI, 'areas', ...quietFlag, t.dir], { allowExit: [0, 1] });
  const mbytes = t.bytes / 1048576;
  const best = mbytes / (r.msMin / 1000);
  const worst = mbytes / (r.msMax / 1000);
  row('4', `text throughput: \`sendmine areas\` over ${mbytes.toFixed(1)} MB of text letters (${t.n} files: the ${fixtureTexts.length} fixture texts, copied)`, `${(mbytes / (r.ms / 1000)).toFixed(2)} MB/s`, `${worst.toFixed(2)} – ${best.toFixed(2)} MB/s`, r.runs, rssSpread(r), `${secs(r.ms)} per run; ${((t.n * 1000) / r.ms).toFixed(0)} docs/s`);
  if (!args.has('--keep')) await rm(t.dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------
// 5: peak RSS over many documents

for (const [i, m] of MIX.entries()) {
  const f = await mixedFolder(`mix-${m.n}`, m.n, m.pdfs);
  const runs = i === MIX.length - 1 ? RUNS.huge : RUNS.big;
  const r = await repeat(`mix-${m.n}`, runs, [CLI, 'areas', ...quietFlag, f.dir], { allowExit: [0, 1] });
  row(`5${'ab'[i]}`, `peak RSS, \`sendmine areas\` over ${m.n.toLocaleString('en-GB')} documents`, mb(r.rssKb), r.runs > 1 ? `${mb(r.rssMin)} – ${mb(r.rssMax)}` : 'one run', r.runs, rssSpread(r), `${f.texts} fixture texts + ${f.pdfs} ${f.source} PDFs (copies); wall ${secs(r.ms)} (${spread(r)})`);
  if (!args.has('--keep')) await rm(f.dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------
// 6: warm cache against cold

if (!cliHas('--cache')) {
  skip('6', 'warm re-run with `--cache DIR` against cold', 'this build of the CLI has no --cache option yet');
} else {
  const docs = hasCorpus ? corpusPdfs : [...fixturePdfs, ...fixtureTexts];
  const what = hasCorpus ? `the ${docs.length} corpus PDFs` : `the ${docs.length} fixture documents (corpus missing)`;
  const cacheDir = join(work, 'cache');
  const argv = [CLI, 'areas', ...quietFlag, '--cache', cacheDir, ...docs];
  const cold = await repeat('cache-cold', RUNS.big, argv, { prepare: () => rm(cacheDir, { recursive: true, force: true }), allowExit: [0, 1] });
  const warm = await repeat('cache-warm', RUNS.small, argv, { allowExit: [0, 1] });
  row('6a', `\`sendmine areas --cache DIR\`, cold (empty cache), ${what}`, secs(cold.ms), spread(cold), cold.runs, rssSpread(cold));
  row('6b', `the same, warm (every document cached)`, secs(warm.ms), spread(warm), warm.runs, rssSpread(warm), `cold / warm = ${(cold.ms / warm.ms).toFixed(1)}×`);
}

// ---------------------------------------------------------------------------------
// 7: start-up

{
  const letter = join(FIXTURE_TEXT, 'barnet-2019-01-10.txt');
  const h = await repeat('help', RUNS.small * 2, [CLI, '--help']);
  row('7a', '`sendmine --help`', secs(h.ms), spread(h), h.runs, rssSpread(h));
  const one = await repeat('one-letter', RUNS.small * 2, [CLI, 'areas', letter]);
  row('7b', '`sendmine areas` on one small text letter (11 KB)', secs(one.ms), spread(one), one.runs, rssSpread(one), 'in-process: no worker is started for one document');
}

// ---------------------------------------------------------------------------------
// Report

if (!args.has('--keep')) await rm(work, { recursive: true, force: true });
else log(`kept ${work}`);

const cpus = os.cpus();
const machine = [
  `- CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} (availableParallelism ${os.availableParallelism()})`,
  `- memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`,
  `- OS: ${os.type()} ${os.release()} ${os.arch()}`,
  `- Node ${process.version}`,
  `- date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
  `- load average at the end (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`,
  `- peak RSS measured with ${hasTime ? '`/usr/bin/time -v` (maximum resident set size of the process, its worker threads included)' : '`process.resourceUsage().maxRSS` inside bench/rss-wrapper.mjs'}`,
  `- CLI options in this build: ${['--jobs', '--cache', '--timeout', '--quiet'].filter(cliHas).join(', ') || 'none of --jobs, --cache, --timeout'}`,
  `- total bench time: ${secs(performance.now() - started)}${QUICK ? ' (--quick: one run each, small folders)' : ''}`,
].join('\n');

const md = `# sendmine benchmark

\`npm run bench\` (bench/run.mjs). Every time is a whole process (\`node …\`), start-up
included, timed from outside; the median of the runs shown, with the fastest and slowest.
Generated folders are copies of the sample documents (fixtures/text, and the corpus PDFs
or fixtures/pdf) under new names, in a temporary folder.

## Machine

${machine}

## Results

${table()}
`;

process.stdout.write(`${md}\n`);
if (!args.has('--no-write')) {
  // The written analysis below the table (targets, where the time goes) is kept: only the machine and the table are this run's.
  const before = await readFile(RESULTS, 'utf8').catch(() => '');
  const notes = before.indexOf('\n## Targets');
  await writeFile(RESULTS, notes >= 0 ? `${md}${before.slice(notes)}` : md);
  log(`wrote ${RESULTS}`);
}
