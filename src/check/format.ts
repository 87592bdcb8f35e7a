/**
 * Presenting a CheckResult: a terminal report and the same figures as JSON data.
 */
import chalk, { Chalk, type ChalkInstance } from 'chalk';
import { SCALAR_FIELDS, type CheckMismatch, type CheckResult, type PRF, type Ratio } from './score.js';

export const CHECK_JSON_SCHEMA = 'sendmine-check/1';

export interface FormatOptions {
  color: boolean;
  /** Also print per-field figures, full texts of near-miss items, theme disagreements and how items are matched. */
  explain?: boolean;
}

function pct(value: number | null): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`;
}

/** Colour a rate by how far it is from perfect; n/a stays plain. */
function tone(c: ChalkInstance, value: number | null, text: string): string {
  if (value === null) return c.dim(text);
  if (value >= 0.9999) return c.green(text);
  if (value >= 0.9) return c.yellow(text);
  return c.red(text);
}

function ratioText(c: ChalkInstance, r: Ratio): string {
  return `${tone(c, r.rate, pct(r.rate))} (${r.correct}/${r.total})`;
}

function prfText(c: ChalkInstance, s: PRF): string {
  return `P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${tone(c, s.f1, pct(s.f1))}`;
}

/** Column text padded by its visible width, so ANSI colour codes do not break alignment. */
function pad(text: string, width: number, paint?: (s: string) => string, left = false): string {
  const padded = left ? text.padEnd(width) : text.padStart(width);
  return paint ? paint(padded) : padded;
}

const MISMATCH_LABEL: Record<CheckMismatch['kind'], string> = {
  field: 'field',
  'missing-item': 'missing',
  'spurious-item': 'spurious',
  body: 'body',
  polarity: 'polarity',
  leak: 'header/footer',
};

/** A readable report for the terminal. Headline lines start with the word grep would look for. */
export function formatCheckText(result: CheckResult, options: FormatOptions): string {
  // A private instance: color=false must win even on a colour terminal, color=true even when piped.
  const c = new Chalk({ level: options.color ? Math.max(chalk.level, 1) as 1 | 2 | 3 : 0 });
  const out: string[] = [];
  const d = result.documents;

  out.push(c.bold(`sendmine check: ${d.gold} gold document${d.gold === 1 ? '' : 's'}`));
  out.push(
    `documents found: ${tone(c, d.gold ? d.found / d.gold : null, `${d.found}/${d.gold}`)}` +
      (d.errors > 0 ? c.red(` (${d.errors} could not be read)`) : ''),
  );
  out.push(`kind accuracy: ${ratioText(c, result.kind)}`);
  out.push(`outcome accuracy: ${ratioText(c, result.outcome)}`);
  out.push(`field accuracy: ${ratioText(c, result.fields)}  over ${SCALAR_FIELDS.length} fields per document`);
  const fieldRows = SCALAR_FIELDS.filter((f) => options.explain || (result.perField[f].rate ?? 1) < 1);
  for (const f of fieldRows) out.push(`  field ${f.padEnd(24)} ${ratioText(c, result.perField[f])}`);

  out.push('');
  out.push(c.bold('items by list'));
  const header = [
    pad('list', 22, undefined, true),
    pad('gold', 5),
    pad('predicted', 10),
    pad('matched', 8),
    pad('exact-count docs', 17),
    pad('P', 7),
    pad('R', 7),
    pad('F1', 7),
  ].join(' ');
  out.push(`  ${c.dim(header)}`);
  for (const l of result.lists) {
    out.push(
      '  ' +
        [
          pad(l.list, 22, undefined, true),
          pad(String(l.gold), 5),
          pad(String(l.predicted), 10),
          pad(String(l.matched), 8),
          pad(`${l.exactCountDocs}/${l.documents}`, 17),
          pad(pct(l.precision), 7),
          pad(pct(l.recall), 7),
          pad(pct(l.f1), 7, (s) => tone(c, l.f1, s)),
        ].join(' '),
    );
  }
  const it = result.items;
  out.push(`item F1 (all lists): ${prfText(c, it)}  (${it.matched} matched of ${it.gold} gold, ${it.predicted} predicted)`);
  out.push(`priority action body accuracy: ${ratioText(c, result.body)}`);
  out.push(`main finding polarity accuracy: ${ratioText(c, result.polarity)}`);

  const th = result.themes;
  out.push('');
  out.push(
    `theme F1 (micro, (item, theme) pairs over ${th.items} matched items): ${prfText(c, th)}` +
      (th.predictedAny ? '' : c.yellow('  (the extractor gave no themes)')),
  );
  if (th.perTheme.length > 0) {
    out.push(`  ${c.dim([pad('theme', 27, undefined, true), pad('support', 8), pad('predicted', 10), pad('P', 7), pad('R', 7), pad('F1', 7)].join(' '))}`);
    for (const t of th.perTheme) {
      out.push(
        '  ' +
          [
            pad(t.theme, 27, undefined, true),
            pad(String(t.support), 8),
            pad(String(t.predicted), 10),
            pad(pct(t.precision), 7),
            pad(pct(t.recall), 7),
            pad(pct(t.f1), 7, (s) => tone(c, t.f1, s)),
          ].join(' '),
      );
    }
  }

  out.push('');
  const leaks = result.headerLeaks.items;
  out.push(`items with header/footer text: ${leaks === 0 ? c.green('0') : c.red(String(leaks))}`);

  // Mismatches, grouped by document in the order the documents were scored.
  out.push('');
  out.push(c.bold(`mismatches: ${result.mismatches.length}`));
  const byFile = new Map<string, CheckMismatch[]>();
  for (const m of result.mismatches) byFile.set(m.file, [...(byFile.get(m.file) ?? []), m]);
  const themeByFile = new Map<string, typeof result.themeDiffs>();
  if (options.explain) for (const t of result.themeDiffs) themeByFile.set(t.file, [...(themeByFile.get(t.file) ?? []), t]);

  for (const doc of result.perDocument) {
    const list = byFile.get(doc.file) ?? [];
    const themes = themeByFile.get(doc.file) ?? [];
    if (list.length === 0 && themes.length === 0) continue;
    const summary = `${doc.gotKind}; items ${doc.itemsMatched}/${doc.itemsGold} matched, ${doc.itemsPredicted} predicted`;
    out.push(`${c.cyan(doc.file)}  ${c.dim(summary)}`);
    if (doc.gotKind === 'error' && doc.reason) out.push(`  ${c.red('error')}: ${doc.reason}`);
    for (const m of list) {
      const label = c.yellow(MISMATCH_LABEL[m.kind]);
      if (m.kind === 'missing-item') {
        out.push(`  ${label} ${m.field}: expected ${m.expected}`);
        out.push(`      ${c.dim(m.got)}`);
        if (options.explain && m.closest) out.push(`      ${c.dim(`closest text: ${m.closest}`)}`);
      } else if (m.kind === 'spurious-item') {
        out.push(`  ${label} ${m.field}: ${m.got}`);
      } else {
        out.push(`  ${label} ${m.field}: expected ${m.expected}, got ${m.got}`);
      }
    }
    for (const t of themes) {
      out.push(`  ${c.yellow('themes')} ${t.item}: expected [${t.expected.join(', ')}], got [${t.got.join(', ')}]  ${c.dim(t.text)}`);
      for (const w of t.why ?? []) out.push(`      ${c.dim(w)}`);
    }
  }

  if (options.explain) {
    out.push('');
    out.push(
      c.dim(
        [
          'How items are scored: an extracted item matches a gold item when its normalised text starts with the',
          "gold `start` and ends with the gold `end` (corpus README); matching is one-to-one and keeps document order.",
          'P = matched/predicted, R = matched/gold, F1 their harmonic mean; n/a means there was nothing to score.',
          'Body, polarity and themes are scored over matched items only.',
        ].join('\n'),
      ),
    );
  }
  return out.join('\n') + '\n';
}

export type CheckJson = { schema: typeof CHECK_JSON_SCHEMA } & CheckResult;

/** The same figures as data, for `--json` and for tools that track them over time. */
export function checkResultToJson(result: CheckResult): CheckJson {
  // A copy, so callers may change the data without touching the result it came from.
  return { schema: CHECK_JSON_SCHEMA, ...structuredClone(result) };
}
