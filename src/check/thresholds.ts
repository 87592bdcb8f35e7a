/**
 * Pass/fail bars for `sendmine check`, so CI can fail when extraction quality drops.
 */
import type { CheckResult, Ratio } from './score.js';

/** Rates are fractions (1 = 100%). Every bar is optional; an absent bar is not checked. */
export interface CheckBars {
  minKindAccuracy?: number;
  minOutcomeAccuracy?: number;
  minFieldAccuracy?: number;
  /** Micro F1 over all item lists. */
  minItemF1?: number;
  /** F1 of every list that has gold items. */
  minListF1?: number;
  minBodyAccuracy?: number;
  maxHeaderLeaks?: number;
  minThemeF1?: number;
  minPolarityAccuracy?: number;
}

/** Float slack: 0.99 computed as 99/100 must not fail a 0.99 bar. */
const EPSILON = 1e-9;

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** `minKindAccuracy` -> `--min-kind-accuracy`, the CLI flag a reader would change. */
function flag(name: string): string {
  return `--${name.replace(/[A-Z0-9]+/g, (m) => `-${m.toLowerCase()}`)}`;
}

/**
 * Check a result against the bars. Returns one human-readable line per failed bar; an empty
 * list means every bar passed. A figure with nothing to score (n/a) does not fail its bar.
 */
export function evaluateThresholds(result: CheckResult, bars: CheckBars): string[] {
  const failures: string[] = [];
  const given = Object.entries(bars).filter(([, v]) => v !== undefined) as [keyof CheckBars, number][];
  if (given.length === 0) return failures;

  // Without documents every figure is n/a and every bar would pass vacuously.
  if (result.documents.gold === 0) return ['no gold documents were checked, so no bar can pass'];

  for (const [name, value] of given) {
    const isMax = name.startsWith('max');
    const valid = Number.isFinite(value) && value >= 0 && (isMax || value <= 1);
    if (!valid) {
      failures.push(`${flag(name)} must be ${isMax ? 'a count of 0 or more' : 'a fraction between 0 and 1'}, got ${value}`);
    }
  }
  if (failures.length > 0) return failures;

  const rateBar = (name: keyof CheckBars, label: string, r: Ratio) => {
    const bar = bars[name];
    if (bar === undefined || r.rate === null) return;
    if (r.rate < bar - EPSILON) {
      failures.push(`${label} ${pct(r.rate)} (${r.correct}/${r.total}) is below ${pct(bar)} (${flag(name)})`);
    }
  };
  const f1Bar = (name: keyof CheckBars, label: string, f1: number | null) => {
    const bar = bars[name];
    if (bar === undefined || f1 === null) return;
    if (f1 < bar - EPSILON) failures.push(`${label} ${pct(f1)} is below ${pct(bar)} (${flag(name)})`);
  };

  rateBar('minKindAccuracy', 'kind accuracy', result.kind);
  rateBar('minOutcomeAccuracy', 'outcome accuracy', result.outcome);
  rateBar('minFieldAccuracy', 'field accuracy', result.fields);
  f1Bar('minItemF1', 'item F1 (all lists)', result.items.f1);
  if (bars.minListF1 !== undefined) {
    for (const l of result.lists) {
      if (l.gold > 0) f1Bar('minListF1', `${l.list} F1`, l.f1);
    }
  }
  rateBar('minBodyAccuracy', 'priority action body accuracy', result.body);
  rateBar('minPolarityAccuracy', 'main finding polarity accuracy', result.polarity);
  f1Bar('minThemeF1', 'theme F1 (micro)', result.themes.f1);

  if (bars.maxHeaderLeaks !== undefined && result.headerLeaks.items > bars.maxHeaderLeaks) {
    failures.push(
      `items with header/footer text: ${result.headerLeaks.items}, more than ${bars.maxHeaderLeaks} (${flag('maxHeaderLeaks')})`,
    );
  }
  return failures;
}
