/**
 * The command line: extract, areas, check. Data goes to stdout (or -o FILE, written
 * atomically); progress, warnings and errors go to stderr.
 * Exit codes: 0 all inputs read, 1 some inputs failed (or a check bar failed), 2 usage.
 */
import { Command, CommanderError, Option } from 'commander';
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { DEFAULT_INGEST, type IngestOptions } from '../ingest/options.js';
import { UsageProblem } from '../usage-problem.js';
import type { ExtractedReport, ExtractOptions } from '../pipeline.js';
import type { PoolInput } from '../run/pool.js';
import type { ProgressStream } from '../run/progress.js';
import type { CheckBars } from '../check/thresholds.js';
import { STDIN } from './inputs.js';

// Each command loads the stages it uses when it runs (`await import`): `sendmine --help`
// and a usage error load none of them, and they are most of the start-up time.

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin: () => Promise<Uint8Array>;
  color: boolean;
  /** Where a progress bar may be drawn (a terminal's stderr); none in tests. */
  stderrStream?: ProgressStream;
}

const EXIT_OK = 0;
const EXIT_INPUT_FAILED = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {}

function readStdin(): Promise<Uint8Array> {
  return new Promise((res, rej) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => res(new Uint8Array(Buffer.concat(chunks))));
    process.stdin.on('error', rej);
  });
}

export function defaultIo(): Io {
  const noColor = 'NO_COLOR' in process.env && process.env.NO_COLOR !== '';
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stdin: readStdin,
    color: !noColor && !!process.stdout.isTTY,
    stderrStream: process.stderr,
  };
}

interface CommonOptions {
  output?: string;
  quiet?: boolean;
  encoding?: string;
  maxPages: number;
  maxMb: number;
  rules?: string;
  explain?: boolean;
  errors?: string;
  jobs?: number;
  timeout?: number;
  cache?: string;
}

/** Per-document time limit, seconds: generous, as a 40-page PDF takes a few seconds. */
const DEFAULT_TIMEOUT_S = 120;

function extractOptions(o: CommonOptions): ExtractOptions {
  const ingest: IngestOptions = { ...DEFAULT_INGEST, maxPages: o.maxPages, maxBytes: Math.round(o.maxMb * 1024 * 1024), encoding: o.encoding };
  return { ...ingest, rulesFile: o.rules, explain: o.explain };
}

/**
 * What a command needs of each record: all of it kept (`all`), all but the texts kept
 * (`slim`), each whole record once as it comes (`stream`), or each record once as its areas
 * CSV line (`rows`, made by the workers). Without texts, records cross back from the workers
 * far cheaper.
 */
type Keep = 'all' | 'slim' | 'stream' | 'rows';

/**
 * Extract every input (in parallel, in input order), reporting failures and warnings on
 * stderr as they come; `onReport` sees each record, and `keep` says what is held for the
 * command afterwards, so memory need not grow with the number of documents.
 */
async function extractAll(
  paths: string[],
  o: CommonOptions & { rawCsv?: boolean },
  io: Io,
  keep: Keep = 'all',
  onReport?: (r: ExtractedReport) => void | Promise<void>,
): Promise<{ reports: ExtractedReport[]; failed: number }> {
  const [{ expandInputs }, { extractMany }, { createProgress }, { slimReport }, { writeAtomic }, { errorsCsv }] = await Promise.all([
    import('./inputs.js'),
    import('../run/pool.js'),
    import('../run/progress.js'),
    import('../run/slim.js'),
    import('../output/atomic.js'),
    import('../output/csv.js'),
  ]);
  const entries = await expandInputs(paths);
  const opts = extractOptions(o);
  // A bad rule file is a usage error, found before any document is read.
  if (o.rules) await (await import('../nlp/themes.js')).loadTagger(o.rules);
  const inputs: PoolInput[] = [];
  for (const e of entries) {
    if (e.error) inputs.push({ file: e.file, error: e.error });
    else if (e.file === STDIN) inputs.push({ file: STDIN, data: await io.stdin() });
    else inputs.push(e.file);
  }
  const progress = createProgress({ total: inputs.length, quiet: o.quiet, stream: io.stderrStream ?? { isTTY: false, write: io.stderr } });
  const reports: ExtractedReport[] = [];
  const errors: ExtractedReport[] = [];
  let failed = 0;
  let done = 0;
  const run = extractMany(inputs, {
    jobs: o.jobs ?? availableParallelism(),
    timeoutMs: (o.timeout ?? DEFAULT_TIMEOUT_S) * 1000,
    ingest: opts,
    cacheDir: o.cache,
    // What the command keeps decides what crosses back from the workers.
    slim: keep === 'slim' || keep === 'rows',
    // `rows` (areas) keeps one CSV line per record: the workers make it.
    ...(keep === 'rows' ? { areaLine: { raw: !!o.rawCsv } } : {}),
  });
  for await (const r of run) {
    if (r.kind === 'error') {
      failed++;
      errors.push(r);
      progress.log(`sendmine: ${r.file}: error: ${r.reason}\n`);
    } else if (!o.quiet) {
      for (const w of r.warnings) progress.log(`sendmine: ${r.file}: warning: ${w}\n`);
    }
    await onReport?.(r);
    if (keep === 'all') reports.push(r);
    else if (keep === 'slim') reports.push(slimReport(r));
    progress.update(++done);
  }
  progress.finish();
  if (entries.length === 0) io.stderr('sendmine: no documents found (looked for .pdf, .txt and .md files)\n');
  if (o.errors) await writeAtomic(o.errors, errorsCsv(errors));
  return { reports, failed };
}

async function guardOutput(output: string | undefined, paths: string[], errors?: string): Promise<void> {
  if (errors) await guardOutput(errors, paths);
  if (!output) return;
  const target = resolve(output);
  for (const p of paths) {
    if (p === STDIN) continue;
    const real = await realpath(p).catch(() => resolve(p));
    if (real === target || (await realpath(target).catch(() => target)) === real) throw new UsageError(`refusing to write output over an input: ${output}`);
  }
}

/** What `extract` prints for a record: the gold fields and provenance, not layout internals. */
function publicRecord(r: ExtractedReport): Record<string, unknown> {
  const { furniture: _furniture, stage, ...rest } = r;
  return r.kind === 'error' ? { ...rest, stage } : rest;
}

export async function run(argv: string[], io: Io = defaultIo()): Promise<number> {
  const program = new Command();
  let exitCode = EXIT_OK;
  program
    .name('sendmine')
    .description('Read Ofsted/CQC area SEND inspection letters and reports; extract what inspectors found.')
    .version('0.1.0', '-V, --version')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  const common = (cmd: Command) =>
    cmd
      .option('-o, --output <file>', 'write to FILE (atomically) instead of stdout')
      .option('-q, --quiet', 'no warnings on stderr (errors are still reported)')
      .option('--encoding <name>', 'decode text inputs with this encoding (e.g. windows-1252)')
      .addOption(new Option('--max-pages <n>', 'refuse PDFs with more pages').default(DEFAULT_INGEST.maxPages).argParser(positiveInt))
      .addOption(new Option('--max-mb <n>', 'refuse inputs larger than this many MB').default(DEFAULT_INGEST.maxBytes / 1048576).argParser(positiveNumber))
      .option('--rules <file>', 'theme rules (JSON) that extend or override the built-in ones')
      .option('--errors <file>', 'also write the inputs that failed as CSV (file, stage, reason)')
      .addOption(new Option('-j, --jobs <n>', 'documents extracted at once, on worker threads').default(availableParallelism()).argParser(positiveInt))
      .addOption(new Option('--timeout <seconds>', 'per-document time limit (0: none)').default(DEFAULT_TIMEOUT_S).argParser(nonNegativeNumber))
      .option('--cache <dir>', 're-use earlier results for unchanged files (keyed by content, tool version and rules)');

  common(
    program
      .command('extract')
      .description('one JSON record per document (gold-schema fields, items with page and evidence)')
      .argument('<paths...>', 'files, folders (searched recursively for .pdf .txt .md) or - for stdin')
      .addOption(new Option('-f, --format <format>', 'ndjson: one record per line; json: an array').choices(['ndjson', 'json']).default('ndjson'))
      .option('--explain', 'add to each item the theme rules that fired (with the matched words) and the polarity cues'),
  ).action(async (paths: string[], o: CommonOptions & { format: string }) => {
    await guardOutput(o.output, paths, o.errors);
    // Records go out as they are made (NDJSON), to stdout or to a file renamed into place at the end.
    let failed = 0;
    await writeOutput(o.output, io, async (write) => {
      let first = true;
      if (o.format === 'json') await write('[');
      ({ failed } = await extractAll(paths, o, io, 'stream', async (r) => {
        const json = JSON.stringify(publicRecord(r), null, o.format === 'json' ? 2 : undefined);
        if (o.format === 'json') await write(`${first ? '\n' : ',\n'}${json}`);
        else await write(`${json}\n`);
        first = false;
      }));
      if (o.format === 'json') await write(first ? ']\n' : '\n]\n');
    });
    exitCode = failed > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
  });

  const csvOptions = (cmd: Command) =>
    common(
      cmd
        .argument('<paths...>', 'files, folders (searched recursively) or - for stdin')
        .option('--raw-csv', 'do not neutralise cells that a spreadsheet would read as formulas'),
    );
  const skipped = (o: CommonOptions) => (r: ExtractedReport) => {
    if (r.kind === 'not-send-inspection' && !o.quiet) io.stderr(`sendmine: ${r.file}: skipped: ${r.reason}\n`);
  };

  csvOptions(program.command('areas').description('the cross-area CSV: one row per area SEND inspection document, sorted by area and date')).action(
    async (paths: string[], o: CommonOptions & { rawCsv?: boolean }) => {
      await guardOutput(o.output, paths, o.errors);
      const { AreaRows } = await import('../output/csv.js');
      const rows = new AreaRows({ raw: o.rawCsv });
      const report = skipped(o);
      const { failed } = await extractAll(paths, o, io, 'rows', (r) => {
        report(r);
        rows.add(r);
      });
      await emitPieces(rows.chunks(), o.output, io);
      exitCode = failed > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
    },
  );

  /**
   * Commands that extract every input, then render what they kept: the same steps
   * (output guard, extraction, atomic output, exit code) for each.
   */
  const renderCommand = <O extends CommonOptions>(cmd: Command, keep: Keep, render: (reports: ExtractedReport[], o: O) => string | Promise<string>) =>
    cmd.action(async (paths: string[], o: O) => {
      await guardOutput(o.output, paths, o.errors);
      const { reports, failed } = await extractAll(paths, o, io, keep, keep === 'all' ? skipped(o) : undefined);
      await emit(await render(reports, o), o.output, io);
      exitCode = failed > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
    });

  renderCommand<CommonOptions & { rawCsv?: boolean }>(
    csvOptions(program.command('findings').description('the long CSV: one row per finding (area, list, polarity, themes, page, text), for pivot tables')),
    'all',
    async (reports, o) => {
      const { findingsCsv, isSendReport } = await import('../output/csv.js');
      return findingsCsv(reports.filter(isSendReport), { raw: o.rawCsv });
    },
  );

  renderCommand<CommonOptions & { format: string }>(
    common(
      program
        .command('summary')
        .description('the national picture: outcomes, WSoA and priority action plan shares, themes ranked, by year and region')
        .argument('<paths...>', 'files, folders (searched recursively) or - for stdin')
        .addOption(new Option('-f, --format <format>', 'terminal (tables and bars), md, json or csv').choices(['terminal', 'md', 'json', 'csv']).default('terminal')),
    ),
    'slim',
    async (reports, o) => {
      const [{ summarise }, { formatSummaryCsv, formatSummaryMarkdown, formatSummaryTerminal, summaryToJson }] = await Promise.all([
        import('../analyse/summary.js'),
        import('../output/summary-format.js'),
      ]);
      const s = summarise(reports);
      const text =
        o.format === 'json' ? summaryToJson(s) : o.format === 'csv' ? formatSummaryCsv(s) : o.format === 'md' ? formatSummaryMarkdown(s) : formatSummaryTerminal(s, { color: io.color && !o.output });
      return text.endsWith('\n') ? text : `${text}\n`;
    },
  );

  renderCommand<CommonOptions & { title?: string }>(
    common(
      program
        .command('report')
        .description("one self-contained HTML page: headline figures, charts, every inspection, and each area's timeline with its evidence")
        .argument('<paths...>', 'files, folders (searched recursively) or - for stdin')
        .option('--title <text>', 'the page title'),
    ),
    'all',
    async (reports, o) => (await import('../report/html.js')).renderReport(reports, { title: o.title, generatedAt: new Date().toISOString().slice(0, 10) }),
  );

  renderCommand<CommonOptions & { area?: string; format: string; rawCsv?: boolean }>(
    common(
      program
        .command('timeline')
        .description('one row per area: its inspections across both frameworks, outcomes, and the days between them')
        .argument('<paths...>', 'files, folders (searched recursively) or - for stdin')
        .option('--area <name>', 'only this area (any spelling the local authority table knows)')
        .addOption(new Option('-f, --format <format>', 'csv, table or json').choices(['csv', 'table', 'json']).default('csv'))
        .option('--raw-csv', 'do not neutralise cells that a spreadsheet would read as formulas'),
    ),
    'slim',
    async (reports, o) => {
      const [{ timeline }, { timelineCsv, timelineTable }] = await Promise.all([import('../analyse/timeline.js'), import('../output/timeline-format.js')]);
      const rows = timeline(reports, { area: o.area });
      return o.format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : o.format === 'table' ? timelineTable(rows) : timelineCsv(rows, { raw: o.rawCsv });
    },
  );

  common(
    program
      .command('reconcile')
      .description("compare what the letters say with Ofsted's official outcome statistics (the 2016-framework ODS, the 2023-framework CSV)")
      .argument('<paths...>', 'files, folders (searched recursively) or - for stdin')
      .requiredOption('--official <files...>', 'official outcome data: ODS (2016 framework) and/or CSV (2023 framework)')
      .addOption(new Option('-f, --format <format>', 'text or json').choices(['text', 'json']).default('text'))
      .option('--strict', 'exit 1 when any field disagrees'),
  ).action(async (paths: string[], o: CommonOptions & { official: string[]; format: string; strict?: boolean }) => {
    await guardOutput(o.output, paths, o.errors);
    const [{ readOfficial }, { reconcile }, { formatReconcileText, reconcileToJson }] = await Promise.all([
      import('../ingest/official.js'),
      import('../analyse/reconcile.js'),
      import('../output/reconcile-format.js'),
    ]);
    const official = [];
    for (const f of o.official) official.push(...(await readOfficial(f)));
    const { reports, failed } = await extractAll(paths, o, io, 'slim');
    const result = reconcile(reports, official);
    await emit(o.format === 'json' ? reconcileToJson(result) : formatReconcileText(result, { color: io.color && !o.output }), o.output, io);
    exitCode = failed > 0 || (o.strict && result.counts.disagreements > 0) ? EXIT_INPUT_FAILED : EXIT_OK;
  });

  program
    .command('themes')
    .description('list the theme taxonomy with the number of rules for each theme')
    .option('--rules <file>', 'theme rules (JSON) that extend or override the built-in ones')
    .option('--json', 'print as JSON')
    .action(async (o: { rules?: string; json?: boolean }) => {
      const [{ loadTagger }, { THEME_LABELS }] = await Promise.all([import('../nlp/themes.js'), import('../nlp/taxonomy.js')]);
      const tagger = await loadTagger(o.rules);
      const counts = tagger.ruleCounts();
      const rows = tagger.ids.map((id) => ({ id, label: THEME_LABELS[id] ?? '', rules: counts[id] }));
      if (o.json) io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      else {
        const w = Math.max(...rows.map((r) => r.id.length));
        io.stdout(`${'theme'.padEnd(w)}  rules  covers\n`);
        for (const r of rows) io.stdout(`${r.id.padEnd(w)}  ${String(r.rules).padStart(5)}  ${r.label}\n`);
      }
    });

  program
    .command('check')
    .description('extract the documents that gold files name and score the result against them')
    .argument('<gold-dirs...>', 'folders holding send-gold/1 JSON files (searched recursively)')
    .option('--json', 'print the figures as JSON')
    .option('--explain', 'more detail on each mismatch')
    .addOption(new Option('--min-kind-accuracy <r>', 'fail (exit 1) below this kind accuracy (0-1)').argParser(rate))
    .addOption(new Option('--min-outcome-accuracy <r>', 'fail below this outcome accuracy').argParser(rate))
    .addOption(new Option('--min-field-accuracy <r>', 'fail below this field accuracy').argParser(rate))
    .addOption(new Option('--min-item-f1 <r>', 'fail below this overall item F1').argParser(rate))
    .addOption(new Option('--min-list-f1 <r>', 'fail if any item list is below this F1').argParser(rate))
    .addOption(new Option('--min-body-accuracy <r>', 'fail below this priority-action body accuracy').argParser(rate))
    .addOption(new Option('--min-polarity-accuracy <r>', 'fail below this main-finding polarity accuracy').argParser(rate))
    .addOption(new Option('--min-theme-f1 <r>', 'fail below this theme micro-F1').argParser(rate))
    .addOption(new Option('--max-header-leaks <n>', 'fail above this many items holding header/footer text').argParser(nonNegativeInt))
    .action(async (dirs: string[], o: CheckBars & { json?: boolean; explain?: boolean }) => {
      const [{ loadGoldDirs }, { scoreCheck }, { formatCheckText, checkResultToJson }, { evaluateThresholds }, { extractFile }] = await Promise.all([
        import('../check/gold.js'),
        import('../check/score.js'),
        import('../check/format.js'),
        import('../check/thresholds.js'),
        import('../pipeline.js'),
      ]);
      const golds = await loadGoldDirs(dirs);
      if (golds.length === 0) throw new UsageError(`no send-gold/1 files found under ${dirs.join(', ')}`);
      const pairs = [];
      for (const gold of golds) {
        const predicted = await extractFile(gold.path, { ...DEFAULT_INGEST, explain: o.explain });
        if (predicted.kind === 'error') io.stderr(`sendmine: ${gold.path}: error: ${predicted.reason}\n`);
        pairs.push({ gold, predicted });
      }
      const result = scoreCheck(pairs);
      io.stdout(o.json ? `${JSON.stringify(checkResultToJson(result), null, 2)}\n` : formatCheckText(result, { color: io.color, explain: o.explain }));
      const { json: _j, explain: _e, ...bars } = o;
      const failures = evaluateThresholds(result, bars);
      for (const f of failures) io.stderr(`sendmine: check: ${f}\n`);
      exitCode = failures.length > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
    });

  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE;
    }
    if (err instanceof UsageError || err instanceof UsageProblem) {
      io.stderr(`sendmine: ${err.message}\n`);
      return EXIT_USAGE;
    }
    const e = err as Error & { goldFile?: string };
    io.stderr(`sendmine: ${e.message ?? String(err)}\n`);
    return EXIT_USAGE;
  }
  return exitCode;
}

/**
 * A command's output, written piece by piece by `body`: to stdout, or to FILE through a
 * temporary file renamed into place only once `body` has finished (removed if it fails).
 */
async function writeOutput(output: string | undefined, io: Io, body: (write: (text: string) => Promise<void>) => Promise<void>): Promise<void> {
  if (!output) return body(async (text) => io.stdout(text));
  const { AtomicWriter } = await import('../output/atomic.js');
  const sink = new AtomicWriter(output);
  try {
    await body((text) => sink.write(text));
    await sink.commit();
  } catch (err) {
    await sink.abort();
    throw err;
  }
}

async function emitPieces(pieces: Iterable<string>, output: string | undefined, io: Io): Promise<void> {
  await writeOutput(output, io, async (write) => {
    for (const p of pieces) await write(p);
  });
}

async function emit(data: string, output: string | undefined, io: Io): Promise<void> {
  await emitPieces([data], output, io);
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new CommanderError(EXIT_USAGE, 'sendmine.invalidArgument', `expected a whole number >= 1, got "${v}"`);
  return n;
}
function nonNegativeInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new CommanderError(EXIT_USAGE, 'sendmine.invalidArgument', `expected a whole number >= 0, got "${v}"`);
  return n;
}
function nonNegativeNumber(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new CommanderError(EXIT_USAGE, 'sendmine.invalidArgument', `expected a number >= 0, got "${v}"`);
  return n;
}
function positiveNumber(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new CommanderError(EXIT_USAGE, 'sendmine.invalidArgument', `expected a number > 0, got "${v}"`);
  return n;
}
function rate(v: string): number {
  const n = Number(v.endsWith('%') ? Number(v.slice(0, -1)) / 100 : v);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new CommanderError(EXIT_USAGE, 'sendmine.invalidArgument', `expected a rate between 0 and 1, got "${v}"`);
  return n;
}
