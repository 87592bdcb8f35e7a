/** The stderr progress bar: only on a terminal, for more than five documents, not with --quiet. */
import { describe, expect, it } from 'vitest';
import { createProgress, progressEnabled, renderProgress } from '../../src/run/progress.js';

function fakeStream(isTTY: boolean, columns = 80) {
  const s = { isTTY, columns, written: [] as string[], write: (x: string) => s.written.push(x) };
  return s;
}

describe('progress bar', () => {
  it('is off when stderr is not a terminal, with five documents or fewer, and with --quiet', () => {
    expect(progressEnabled(fakeStream(false), 100)).toBe(false);
    expect(progressEnabled(fakeStream(true), 5)).toBe(false);
    expect(progressEnabled(fakeStream(true), 6, true)).toBe(false);
    expect(progressEnabled(fakeStream(true), 6)).toBe(true);
    expect(progressEnabled({ write: () => true }, 100)).toBe(false);
  });

  it('writes nothing at all when off, and passes log lines straight through', () => {
    const s = fakeStream(false);
    const p = createProgress({ total: 50, stream: s });
    expect(p.enabled).toBe(false);
    for (let i = 1; i <= 50; i++) p.update(i);
    p.log('sendmine: x.pdf: error: broken\n');
    p.finish();
    expect(s.written).toEqual(['sendmine: x.pdf: error: broken\n']);
  });

  it('on a terminal: count, rate and ETA, at most one redraw per 100 ms, cleared at the end', () => {
    const s = fakeStream(true);
    let t = 0;
    const p = createProgress({ total: 20, stream: s, now: () => t });
    for (let i = 1; i <= 20; i++) {
      t += 25; // four updates per 100 ms
      p.update(i);
    }
    const draws = s.written.filter((w) => w.includes('/20'));
    expect(draws.length).toBeGreaterThanOrEqual(4);
    expect(draws.length).toBeLessThanOrEqual(6);
    expect(draws.at(-1)).toMatch(/^\r\x1b\[2Ksendmine \[#+\.*\] \d+\/20 +\d+% [\d.]+ docs\/s ETA \d+:\d\d$/);
    p.finish();
    expect(s.written.at(-1)).toBe('\r\x1b[2K');
    const n = s.written.length;
    p.update(20);
    p.finish();
    expect(s.written.length).toBe(n);
  });

  it('log lifts the bar, writes the line and puts the bar back', () => {
    const s = fakeStream(true);
    let t = 0;
    const p = createProgress({ total: 10, stream: s, now: () => t });
    t = 200;
    p.update(3);
    s.written.length = 0;
    p.log('sendmine: a.pdf: error: broken\n');
    expect(s.written[0]).toBe('\r\x1b[2K');
    expect(s.written[1]).toBe('sendmine: a.pdf: error: broken\n');
    expect(s.written[2]).toMatch(/3\/10/);
  });

  it('renders a rate and an ETA and fits narrow terminals', () => {
    expect(renderProgress(50, 200, 10_000, 100)).toMatch(/ 50\/200 +25% 5\.0 docs\/s ETA 0:30$/);
    expect(renderProgress(0, 200, 0, 100)).toMatch(/ETA --:--$/);
    expect(renderProgress(100, 5000, 10_000, 100)).toMatch(/ETA 8:10$/);
    expect(renderProgress(100, 50_000, 10_000, 100)).toMatch(/ETA 1:23:10$/);
    for (const w of [20, 40, 60, 80, 200]) expect(renderProgress(123, 4567, 5000, w).length).toBeLessThan(w);
  });
});
