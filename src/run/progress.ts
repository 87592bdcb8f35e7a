/**
 * A one-line progress bar on stderr: count, rate, ETA. Shown only when stderr is a
 * terminal, there are more than five documents and the user did not ask for quiet;
 * redrawn at most ten times a second; cleared at the end, so nothing is left behind
 * and nothing ever reaches stdout. Other stderr lines go through `log`, which lifts
 * the bar, writes the line, and puts the bar back.
 */

/** The part of a stream the bar needs (process.stderr has it). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export interface ProgressOptions {
  total: number;
  stream?: ProgressStream;
  quiet?: boolean;
  /** Minimum time between redraws, ms (default 100). */
  intervalMs?: number;
  /** Clock, for tests. */
  now?: () => number;
  /** Label in front of the bar (default "sendmine"). */
  label?: string;
}

export interface Progress {
  /** Whether anything is drawn at all. */
  readonly enabled: boolean;
  update(done: number): void;
  /** Write a line (ending in \n) to the stream without tearing the bar. */
  log(line: string): void;
  /** Clear the bar for good. */
  finish(): void;
}

/** Documents above which a bar is worth showing. */
export const PROGRESS_MIN_FILES = 6;

export function progressEnabled(stream: ProgressStream, total: number, quiet?: boolean): boolean {
  return !!stream.isTTY && total >= PROGRESS_MIN_FILES && !quiet;
}

function clock(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '--:--';
  const t = Math.round(s);
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const sec = String(t % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** The text of the bar (without control codes), fitted to `width` columns. */
export function renderProgress(done: number, total: number, elapsedMs: number, width: number, label = 'sendmine'): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta = rate > 0 ? (total - done) / rate : NaN;
  const pct = total > 0 ? Math.floor((done * 100) / total) : 100;
  const rateText = rate >= 10 ? rate.toFixed(0) : rate.toFixed(1);
  const tail = ` ${done}/${total} ${String(pct).padStart(3)}% ${rateText} docs/s ETA ${clock(eta)}`;
  const head = `${label} `;
  const barWidth = Math.min(30, width - head.length - tail.length - 3);
  if (barWidth < 5) return (head + tail.trimStart()).slice(0, Math.max(0, width - 1));
  const filled = total > 0 ? Math.round((done / total) * barWidth) : barWidth;
  return `${head}[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]${tail}`;
}

const CLEAR = '\r\x1b[2K';

export function createProgress(opts: ProgressOptions): Progress {
  const stream = opts.stream ?? process.stderr;
  const enabled = progressEnabled(stream, opts.total, opts.quiet);
  if (!enabled) return { enabled, update() {}, log: (line) => void stream.write(line), finish() {} };
  const now = opts.now ?? (() => performance.now());
  const interval = opts.intervalMs ?? 100;
  const started = now();
  let lastDraw = -Infinity;
  let done = 0;
  let shown = false;
  let finished = false;
  const draw = () => {
    lastDraw = now();
    stream.write(`${CLEAR}${renderProgress(done, opts.total, lastDraw - started, stream.columns ?? 80, opts.label)}`);
    shown = true;
  };
  return {
    enabled,
    update(n) {
      if (finished) return;
      done = n;
      if (now() - lastDraw >= interval) draw();
    },
    log(line) {
      if (shown) stream.write(CLEAR);
      stream.write(line);
      shown = false;
      if (!finished) draw();
    },
    finish() {
      if (finished) return;
      finished = true;
      if (shown) stream.write(CLEAR);
      shown = false;
    },
  };
}
