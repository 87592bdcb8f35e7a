/**
 * Scoring extracted reports against gold answers: the figures behind `sendmine check`.
 */
import { ITEM_LISTS, type Item, type ItemListName, type Report } from '../types.js';
import type { GoldDoc, GoldItem } from './gold.js';
import { abbreviate, foldForCompare, normaliseForMatch } from './normalise.js';
import { findFurniture, furnitureNeedles } from './furniture.js';

/** The scalar fields scored by field accuracy, in report order. */
export const SCALAR_FIELDS = [
  'kind',
  'area',
  'inspectionStart',
  'inspectionEnd',
  'previousInspectionStart',
  'previousInspectionEnd',
  'letterDate',
  'outcome',
  'actionPlan',
  'nextSteps',
  'revisit',
] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];

/**
 * The extractor may also say which lines it removed as running headers/footers; the checker
 * uses them to spot the same text left inside items. Kept local so src/types.ts stays as is.
 */
export type ReportWithFurniture = Report & { furniture?: string[] };

/** correct / total; `rate` is null when there was nothing to score. */
export interface Ratio {
  correct: number;
  total: number;
  rate: number | null;
}

/** null means "not applicable" (nothing predicted and/or nothing expected), not zero. */
export interface PRF {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface ListScore extends PRF {
  list: ItemListName;
  gold: number;
  predicted: number;
  matched: number;
  /** Documents whose predicted count for this list equals the gold count. */
  exactCountDocs: number;
  documents: number;
}

export interface ThemeScore extends PRF {
  theme: string;
  /** Matched items whose gold carries the theme. */
  support: number;
  predicted: number;
  truePositives: number;
}

export interface ThemeSummary extends PRF {
  /** Matched items that have gold themes (the population scored). */
  items: number;
  gold: number;
  predicted: number;
  truePositives: number;
  /** Whether the extractor gave `themes` on any item at all (if not, the figures say so by being 0). */
  predictedAny: boolean;
  perTheme: ThemeScore[];
}

export type MismatchKind = 'field' | 'missing-item' | 'spurious-item' | 'body' | 'polarity' | 'leak';

export interface CheckMismatch {
  /** The document's label (see GoldDoc.label). */
  file: string;
  kind: MismatchKind;
  /** A field name, or an item as `list[index]` (gold index for missing items, predicted index otherwise). */
  field: string;
  expected: string;
  got: string;
  /** Missing items: the most similar unmatched predicted item, in full. */
  closest?: string;
}

export interface LeakHit {
  file: string;
  /** `list[index]` of the predicted item. */
  item: string;
  /** `furniture` (one of the report's own removed lines) or a furniture-pattern id. */
  via: string;
  match: string;
  text: string;
}

export interface ThemeDiff {
  file: string;
  /** `list[goldIndex]`. */
  item: string;
  text: string;
  expected: string[];
  got: string[];
  /** When the extractor explained its tags: the rule and words behind each extra theme, and each missed one. */
  why?: string[];
}

export interface DocumentSummary {
  file: string;
  expectedKind: string;
  gotKind: string;
  /** The extractor's reason (errors and negatives). */
  reason: string | null;
  itemsGold: number;
  itemsPredicted: number;
  itemsMatched: number;
}

export interface CheckResult {
  documents: { gold: number; found: number; errors: number };
  kind: Ratio;
  outcome: Ratio;
  /** All scalar fields of all documents together. */
  fields: Ratio;
  perField: Record<ScalarField, Ratio>;
  lists: ListScore[];
  /** Micro-averaged over every list. */
  items: PRF & { gold: number; predicted: number; matched: number };
  /** Matched priority actions whose responsible body is right. */
  body: Ratio;
  /** Matched main findings (with gold polarity) whose polarity is right. */
  polarity: Ratio;
  themes: ThemeSummary;
  headerLeaks: { items: number; hits: LeakHit[] };
  mismatches: CheckMismatch[];
  themeDiffs: ThemeDiff[];
  perDocument: DocumentSummary[];
}

export function ratio(correct: number, total: number): Ratio {
  return { correct, total, rate: total > 0 ? correct / total : null };
}

/**
 * Precision/recall/F1 from counts. F1 is 0 when one side is empty and the other is not, and
 * null only when both are empty, so "found nothing" never reads as "not applicable".
 */
export function prf(truePositives: number, predicted: number, gold: number): PRF {
  const precision = predicted > 0 ? truePositives / predicted : null;
  const recall = gold > 0 ? truePositives / gold : null;
  let f1: number | null;
  if (precision === null && recall === null) f1 = null;
  else if (precision === null || recall === null) f1 = 0;
  else f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

interface GoldKey {
  start: string;
  end: string;
}

/**
 * Normalise the gold side too: the README's rule compares normalised text, and a few gold
 * strings keep things normalisation removes (a leading "1. ", an inner "•"). Normalising the
 * gold only ever drops characters from its edges, so it cannot make a right item fail.
 */
function goldKey(item: GoldItem): GoldKey {
  return { start: normaliseForMatch(item.start), end: normaliseForMatch(item.end) };
}

function matches(key: GoldKey, text: string): boolean {
  return text.startsWith(key.start) && text.endsWith(key.end);
}

/**
 * One-to-one matching in document order: the largest set of (gold, predicted) pairs that match
 * and keep both lists' order (a longest-common-subsequence alignment). Greedy matching could let
 * an early stray item steal a later gold item's partner; the alignment cannot.
 * Returns pairs [goldIndex, predictedIndex] in order.
 */
export function matchItems(gold: readonly GoldItem[], predicted: readonly Pick<Item, 'text'>[]): Array<[number, number]> {
  const keys = gold.map(goldKey);
  const texts = predicted.map((p) => normaliseForMatch(String(p.text ?? '')));
  const n = keys.length;
  const m = texts.length;
  const ok = keys.map((k) => texts.map((t) => matches(k, t)));
  // best[i][j]: most pairs possible within gold[i..] and predicted[j..].
  const best = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      best[i]![j] = Math.max(ok[i]![j] ? 1 + best[i + 1]![j + 1]! : 0, best[i + 1]![j]!, best[i]![j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ok[i]![j] && best[i]![j] === 1 + best[i + 1]![j + 1]!) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (best[i + 1]![j]! >= best[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let k = 0; k < text.length - 1; k++) {
    const g = text.slice(k, k + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Sørensen–Dice similarity over character bigrams, 0..1. */
function dice(a: string, b: string): number {
  if (a === b) return 1;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [g, c] of ga) {
    shared += Math.min(c, gb.get(g) ?? 0);
    total += c;
  }
  for (const c of gb.values()) total += c;
  return total > 0 ? (2 * shared) / total : 0;
}

/** How much a predicted text looks like the gold item: edges compared, 0..1. */
function similarity(key: GoldKey, text: string): number {
  const edge = (part: string, atStart: boolean) => {
    if (atStart ? text.startsWith(part) : text.endsWith(part)) return 1;
    if (text.includes(part)) return 0.9; // right text, wrong boundary (e.g. a header glued on)
    return dice(part, atStart ? text.slice(0, part.length) : text.slice(-part.length));
  };
  return (edge(key.start, true) + edge(key.end, false)) / 2;
}

/** Below this the "closest" item is just another item, and naming it would mislead. */
const CLOSEST_MIN_SIMILARITY = 0.4;

function display(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  return JSON.stringify(value);
}

/** Deep equality for JSON values, where a missing key equals null. */
function jsonEqual(a: unknown, b: unknown): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') return x === y;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const k of keys) {
    if (!jsonEqual((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k])) return false;
  }
  return true;
}

function fieldEqual(field: ScalarField, gold: unknown, got: unknown): boolean {
  if (field === 'area') {
    if (gold == null || got == null) return gold == null && got == null;
    return typeof got === 'string' && foldForCompare(got) === foldForCompare(String(gold));
  }
  if (field === 'nextSteps' || field === 'revisit') return jsonEqual(gold, got);
  return (gold ?? null) === (got ?? null);
}

function goldLabel(item: GoldItem): string {
  return `${item.start.trim()} … ${item.end.trim()}`;
}

/** Score extracted reports against their gold answers. */
export function scoreCheck(pairs: { gold: GoldDoc; predicted: Report }[]): CheckResult {
  const mismatches: CheckMismatch[] = [];
  const themeDiffs: ThemeDiff[] = [];
  const leaks: LeakHit[] = [];
  const perDocument: DocumentSummary[] = [];

  const fieldCounts = Object.fromEntries(SCALAR_FIELDS.map((f) => [f, { correct: 0, total: 0 }])) as Record<
    ScalarField,
    { correct: number; total: number }
  >;
  const listCounts = Object.fromEntries(
    ITEM_LISTS.map((l) => [l, { gold: 0, predicted: 0, matched: 0, exact: 0 }]),
  ) as Record<ItemListName, { gold: number; predicted: number; matched: number; exact: number }>;
  const body = { correct: 0, total: 0 };
  const polarity = { correct: 0, total: 0 };
  const themeTotals = { items: 0, gold: 0, predicted: 0, tp: 0 };
  const perTheme = new Map<string, { support: number; predicted: number; tp: number }>();
  let predictedAnyThemes = false;
  let found = 0;
  let errors = 0;

  for (const { gold, predicted } of pairs) {
    const report = predicted as ReportWithFurniture;
    const file = gold.label;
    const isError = report.kind === 'error';
    if (isError) errors++;
    else found++;

    // Scalar fields.
    for (const field of SCALAR_FIELDS) {
      const want = gold[field];
      const got = report[field];
      const counts = fieldCounts[field];
      counts.total++;
      if (fieldEqual(field, want, got)) counts.correct++;
      else {
        const gotText = field === 'kind' && isError && report.reason ? `"error" (${report.reason})` : display(got);
        mismatches.push({ file, kind: 'field', field, expected: display(want), got: gotText });
      }
    }

    // Item lists.
    const needles = furnitureNeedles(report.furniture);
    const doc = { gold: 0, predicted: 0, matched: 0 };
    for (const list of ITEM_LISTS) {
      const goldItems = gold[list];
      const predItems: Item[] = Array.isArray(report[list]) ? report[list] : [];
      const counts = listCounts[list];
      counts.gold += goldItems.length;
      counts.predicted += predItems.length;
      if (goldItems.length === predItems.length) counts.exact++;
      doc.gold += goldItems.length;
      doc.predicted += predItems.length;

      const pairsHere = matchItems(goldItems, predItems);
      counts.matched += pairsHere.length;
      doc.matched += pairsHere.length;
      const matchedGold = new Set(pairsHere.map(([g]) => g));
      const matchedPred = new Set(pairsHere.map(([, p]) => p));
      const texts = predItems.map((p) => normaliseForMatch(String(p.text ?? '')));

      for (const p of predItems) if (Array.isArray(p.themes)) predictedAnyThemes = true;

      // Missing gold items, each with the most similar leftover prediction to help debugging.
      goldItems.forEach((g, gi) => {
        if (matchedGold.has(gi)) return;
        const key = goldKey(g);
        let bestIndex = -1;
        let bestScore = CLOSEST_MIN_SIMILARITY;
        texts.forEach((t, pi) => {
          if (matchedPred.has(pi)) return;
          const s = similarity(key, t);
          if (s > bestScore) {
            bestScore = s;
            bestIndex = pi;
          }
        });
        const closest = bestIndex >= 0 ? texts[bestIndex]! : undefined;
        const got =
          closest === undefined
            ? 'no similar item'
            : matches(key, closest)
              ? `${list}[${bestIndex}] matches it but is out of document order`
              : `closest ${list}[${bestIndex}]: ${abbreviate(closest)}`;
        mismatches.push({ file, kind: 'missing-item', field: `${list}[${gi}]`, expected: goldLabel(g), got, ...(closest !== undefined ? { closest } : {}) });
      });

      // Spurious predictions.
      texts.forEach((t, pi) => {
        if (matchedPred.has(pi)) return;
        mismatches.push({ file, kind: 'spurious-item', field: `${list}[${pi}]`, expected: 'no such item', got: abbreviate(t) });
      });

      for (const [gi, pi] of pairsHere) {
        const g = goldItems[gi]!;
        const p = predItems[pi]!;
        if (list === 'priorityActions' && g.body !== undefined) {
          body.total++;
          if (typeof p.body === 'string' && foldForCompare(p.body) === foldForCompare(g.body)) body.correct++;
          else mismatches.push({ file, kind: 'body', field: `${list}[${pi}].body`, expected: display(g.body), got: display(p.body) });
        }
        if (list === 'mainFindings' && g.polarity !== undefined) {
          polarity.total++;
          if (p.polarity === g.polarity) polarity.correct++;
          else mismatches.push({ file, kind: 'polarity', field: `${list}[${pi}].polarity`, expected: display(g.polarity), got: display(p.polarity) });
        }
        if (g.themes !== undefined) {
          const want = new Set(g.themes);
          const got = new Set(Array.isArray(p.themes) ? p.themes : []);
          themeTotals.items++;
          themeTotals.gold += want.size;
          themeTotals.predicted += got.size;
          for (const t of new Set([...want, ...got])) {
            const s = perTheme.get(t) ?? { support: 0, predicted: 0, tp: 0 };
            if (want.has(t)) s.support++;
            if (got.has(t)) s.predicted++;
            if (want.has(t) && got.has(t)) {
              s.tp++;
              themeTotals.tp++;
            }
            perTheme.set(t, s);
          }
          const missing = [...want].filter((t) => !got.has(t));
          const extra = [...got].filter((t) => !want.has(t));
          if (missing.length > 0 || extra.length > 0) {
            const explained = (predItems[pi] as Item).explain?.themes;
            const hit = (h: NonNullable<typeof explained>[number]) => `${h.rule} "${h.words}"${h.sentence ? ` (sentence ${h.sentence})` : ''}`;
            const why = explained
              ? [
                  ...extra.map((t) => `+${t}: ${explained.filter((h) => h.theme === t && !h.dropped).map(hit).join('; ')}`),
                  ...missing.map((t) => {
                    const set = explained.filter((h) => h.theme === t && h.dropped);
                    return set.length ? `-${t}: set aside: ${set.map((h) => `${hit(h)}, ${h.dropped}`).join('; ')}` : `-${t}: no rule matched`;
                  }),
                ]
              : undefined;
            themeDiffs.push({ file, item: `${list}[${gi}]`, text: abbreviate(texts[pi]!), expected: [...want].sort(), got: [...got].sort(), ...(why ? { why } : {}) });
          }
        }
      }

      // Page furniture inside any predicted item, matched or not.
      predItems.forEach((p, pi) => {
        const hit = findFurniture(String(p.text ?? ''), needles);
        if (!hit) return;
        leaks.push({ file, item: `${list}[${pi}]`, via: hit.via, match: hit.match, text: abbreviate(texts[pi]!) });
        mismatches.push({
          file,
          kind: 'leak',
          field: `${list}[${pi}]`,
          expected: 'no running header/footer text',
          got: `contains "${hit.match}" (${hit.via})`,
        });
      });
    }

    perDocument.push({
      file,
      expectedKind: gold.kind,
      gotKind: String(report.kind),
      reason: report.reason ?? null,
      itemsGold: doc.gold,
      itemsPredicted: doc.predicted,
      itemsMatched: doc.matched,
    });
  }

  const perField = Object.fromEntries(
    SCALAR_FIELDS.map((f) => [f, ratio(fieldCounts[f].correct, fieldCounts[f].total)]),
  ) as Record<ScalarField, Ratio>;
  const allFields = SCALAR_FIELDS.reduce(
    (acc, f) => ({ correct: acc.correct + fieldCounts[f].correct, total: acc.total + fieldCounts[f].total }),
    { correct: 0, total: 0 },
  );

  const lists: ListScore[] = ITEM_LISTS.map((list) => {
    const c = listCounts[list];
    return {
      list,
      gold: c.gold,
      predicted: c.predicted,
      matched: c.matched,
      exactCountDocs: c.exact,
      documents: pairs.length,
      ...prf(c.matched, c.predicted, c.gold),
    };
  });
  const itemTotals = lists.reduce(
    (acc, l) => ({ gold: acc.gold + l.gold, predicted: acc.predicted + l.predicted, matched: acc.matched + l.matched }),
    { gold: 0, predicted: 0, matched: 0 },
  );

  const themeScores: ThemeScore[] = [...perTheme.entries()]
    .map(([theme, s]) => ({ theme, support: s.support, predicted: s.predicted, truePositives: s.tp, ...prf(s.tp, s.predicted, s.support) }))
    // Most frequent gold themes first: those figures are the ones worth reading.
    .sort((a, b) => b.support - a.support || b.predicted - a.predicted || a.theme.localeCompare(b.theme));

  return {
    documents: { gold: pairs.length, found, errors },
    kind: perField.kind,
    outcome: perField.outcome,
    fields: ratio(allFields.correct, allFields.total),
    perField,
    lists,
    items: { ...itemTotals, ...prf(itemTotals.matched, itemTotals.predicted, itemTotals.gold) },
    body: ratio(body.correct, body.total),
    polarity: ratio(polarity.correct, polarity.total),
    themes: {
      items: themeTotals.items,
      gold: themeTotals.gold,
      predicted: themeTotals.predicted,
      truePositives: themeTotals.tp,
      predictedAny: predictedAnyThemes,
      perTheme: themeScores,
      ...prf(themeTotals.tp, themeTotals.predicted, themeTotals.gold),
    },
    headerLeaks: { items: leaks.length, hits: leaks },
    mismatches,
    themeDiffs,
    perDocument,
  };
}
