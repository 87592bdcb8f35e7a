/**
 * Polarity of a finding: strength, weakness, mixed or neutral, from cue rules
 * (src/rules/polarity.json). Each sentence is judged on its main clause: a leading
 * concession ("While some parents have helpful experiences, ...") only qualifies it, and
 * after a contrast ("..., but this work is at an early stage") the later clause counts.
 * A finding with a positive sentence and a negative one is mixed.
 */
import rules from '../rules/polarity.json' with { type: 'json' };
import { cleanText } from '../layout/text.js';
import type { Polarity } from '../types.js';
import { sentences } from './engine.js';
import { LiteralIndex } from '../match/literal-index.js';

interface CueSet {
  id: string;
  res: RegExp[];
  /** Each pattern's number in CUE_INDEX. */
  ids: number[];
}

/** Every cue and neutraliser pattern, numbered: a clause is only tested with those its words allow. */
const CUE_SOURCES: string[] = [];
const compileSet = (sets: { id: string; patterns: string[] }[]): CueSet[] =>
  sets.map((s) => ({ id: s.id, res: s.patterns.map((p) => new RegExp(p, 'i')), ids: s.patterns.map((p) => CUE_SOURCES.push(p) - 1) }));
const NEGATIVE = compileSet(rules.negative);
const POSITIVE = compileSet(rules.positive);
const NEUTRALISERS = rules.neutralisers.map((p) => ({ re: new RegExp(p, 'gi'), id: CUE_SOURCES.push(p) - 1 }));
const CUE_INDEX = new LiteralIndex(CUE_SOURCES);
const CONCESSIVE = new RegExp(rules.concessive, 'i');
const CONTRAST_BREAK = new RegExp(rules.contrastBreak, 'i');
const CONTRAST_OPENER = new RegExp(rules.contrastOpener, 'i');

export interface PolarityExplanation {
  polarity: Polarity;
  sentences: { text: string; clause: string; polarity: Polarity; cues: string[] }[];
}

/** The clause of a sentence that carries its claim. */
export function mainClause(sentence: string): string {
  let s = sentence.trim();
  // "Although X, Y." -> "Y."
  if (CONCESSIVE.test(s)) {
    const comma = s.indexOf(',');
    if (comma > 0 && comma < s.length - 5) s = s.slice(comma + 1).trim();
  }
  // "X, but Y." -> "Y."; "However, Y." -> "Y."
  const parts = s.split(CONTRAST_BREAK);
  s = parts[parts.length - 1].replace(CONTRAST_OPENER, '');
  return s;
}

function cuesIn(clause: string, sets: CueSet[], possible: Uint8Array): string[] {
  const found: string[] = [];
  for (const set of sets) for (let i = 0; i < set.res.length; i++) if (possible[set.ids[i]] === 1 && set.res[i].test(clause)) found.push(set.id);
  return found;
}

export function clausePolarity(clause: string): { polarity: Polarity; cues: string[] } {
  const possible = CUE_INDEX.candidates(clause);
  const neutral = NEUTRALISERS.reduce((acc, n) => (possible[n.id] === 1 ? acc.replace(n.re, ' ') : acc), clause);
  const neg = cuesIn(neutral, NEGATIVE, possible);
  const pos = cuesIn(neutral, POSITIVE, possible);
  // A negative cue outweighs praise in the same clause ("not ... improving").
  if (neg.length) return { polarity: 'weakness', cues: neg.map((c) => `-${c}`) };
  if (pos.length) return { polarity: 'strength', cues: pos.map((c) => `+${c}`) };
  return { polarity: 'neutral', cues: [] };
}

export function explainPolarity(text: string): PolarityExplanation {
  const out: PolarityExplanation['sentences'] = [];
  for (const s of sentences(cleanText(text))) {
    const clause = mainClause(s);
    const { polarity, cues } = clausePolarity(clause);
    out.push({ text: s, clause, polarity, cues });
  }
  const pos = out.some((s) => s.polarity === 'strength');
  const neg = out.some((s) => s.polarity === 'weakness');
  const polarity: Polarity = pos && neg ? 'mixed' : pos ? 'strength' : neg ? 'weakness' : 'neutral';
  return { polarity, sentences: out };
}

export function polarityOf(text: string): Polarity {
  return explainPolarity(text).polarity;
}

