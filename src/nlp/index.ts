/**
 * NLP stage: themes on every item, polarity on main findings and on the sentences of a
 * 2023 report's narrative. With `explain`, each item carries the rules that fired.
 */
import type { Item, Report } from '../types.js';
import { ITEM_LISTS } from '../types.js';
import { explainPolarity } from './polarity.js';
import { loadTagger, type Hit, type ThemeTagger } from './themes.js';

export interface NlpOptions {
  /** A user rule file extending the built-in theme rules. */
  rulesFile?: string;
  /** Add `explain` to each item: theme rules and matched words, polarity cues. */
  explain?: boolean;
}

const taggers = new Map<string, Promise<ThemeTagger>>();

export function taggerFor(rulesFile?: string): Promise<ThemeTagger> {
  const key = rulesFile ?? '';
  if (!taggers.has(key)) taggers.set(key, loadTagger(rulesFile));
  return taggers.get(key)!;
}

/** A hit as `explain` shows it: sentences counted from 1, the lead. */
function explainHit(h: Hit): { theme: string; rule: string; words: string; sentence: number } {
  return { theme: h.theme, rule: h.rule, words: h.words, sentence: h.sentence + 1 };
}

async function tagItem(item: Item, list: string, tagger: ThemeTagger, opts: NlpOptions, withPolarity: boolean): Promise<void> {
  const { themes, hits, dropped } = await tagger.tag(item.text, list);
  item.themes = themes;
  const pol = withPolarity ? explainPolarity(item.text) : null;
  if (pol) item.polarity = pol.polarity;
  if (opts.explain) {
    item.explain = {
      themes: [
        ...hits.map((h) => ({ ...explainHit(h), ...(h.deferred ? { deferred: true } : {}) })),
        ...dropped.map((h) => ({ ...explainHit(h), dropped: h.droppedFor })),
      ],
      ...(pol ? { polarity: pol.sentences.map((s) => ({ sentence: s.text, polarity: s.polarity, cues: s.cues })) } : {}),
    };
  }
}

export async function enrichReport(report: Report, opts: NlpOptions = {}): Promise<Report> {
  if (report.kind === 'error' || report.kind === 'not-send-inspection') return report;
  const tagger = await taggerFor(opts.rulesFile);
  for (const list of ITEM_LISTS) {
    for (const item of report[list]) await tagItem(item, list, tagger, opts, list === 'mainFindings');
  }
  for (const item of report.narrative) await tagItem(item, 'narrative', tagger, opts, true);
  return report;
}
