/**
 * The rule matcher: patterns as data, every match explainable (after spaCy's rule-based
 * matcher). A rule fires on one sentence of an item when one of its patterns matches
 * and none of its `unless` patterns does; masks hide spans (such as "children with an
 * EHC plan", where the plan only names the population) from every rule of a theme.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { WordTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import { cleanText } from '../layout/text.js';
import { UsageProblem } from '../usage-problem.js';
import { LiteralIndex } from '../match/literal-index.js';

export interface RuleSpec {
  id: string;
  /** Regex sources, matched case-insensitively on the sentence (masked). */
  phrases?: string[];
  /** Word stem sequences (Porter): ["exclus"], ["annual", "review"]. */
  stems?: string[][];
  /** compromise match patterns, tried only on sentences the `if` regex lets through. */
  match?: { if: string; patterns: string[] };
  /** The rule does not fire when one of these matches the same sentence. */
  unless?: string[];
  /** The rule fires only when one of these also matches the same sentence. */
  requires?: string[];
  /**
   * The rule fires only when one of these matches somewhere in the item (any sentence):
   * what the whole finding is about, such as plans, when the cue itself sits in a later
   * sentence ("Health and care advice is often missing" in a finding about EHC plans).
   */
  context?: string[];
  /**
   * The rule does not fire when one of these matches anywhere in the item: a cue that
   * means another topic when the finding is about something else ("partnership working"
   * in a finding about strategy and governance is leadership, not day-to-day joint work).
   */
  notInItem?: string[];
  /** Only on items of these lists. */
  lists?: string[];
  /**
   * Where in the item: `any` sentence (default), or only the `lead` sentence, which
   * states what the finding is about; later sentences often only give context.
   */
  scope?: 'any' | 'lead';
  /**
   * A general cue ("strategy", "oversight of ...") gives way to the specific theme it
   * is about: the hit is dropped when another theme fires on the item, or, given a
   * list of theme ids, only when one of those does ("waits" give way to the autism
   * pathway or EHC plans the wait is for, not to leadership).
   */
  defer?: boolean | string[];
  comment?: string;
}

export interface ThemeSpec {
  id: string;
  label: string;
  /** Regex sources whose spans are hidden from this theme's rules. */
  masks?: string[];
  rules: RuleSpec[];
  /**
   * In items of these lists, when this theme is the only one the lead sentence states,
   * themes found only in later sentences are its context and are dropped: a strength
   * about the parent carer forum goes on to name the services the forum helped shape,
   * and what it judges is the engagement, not those services. `keep` names themes that
   * belong with it and stay (the children's voice beside the parents').
   */
  leadFramesItem?: { lists: string[]; keep?: string[] };
}

export interface RuleFile {
  schema: 'sendmine-theme-rules/1';
  themes: ThemeSpec[];
}

export interface Hit {
  theme: string;
  rule: string;
  /** The words that matched. */
  words: string;
  /** Which sentence of the item they are in (0 = the lead sentence). */
  sentence: number;
  /** From a general rule that gives way to a specific theme. */
  deferred?: boolean;
  /** The themes it gives way to (all others when absent). */
  deferTo?: string[];
}

/** A hit that did not make its theme, and why. */
export interface DroppedHit extends Hit {
  droppedFor: string;
}

interface CompiledRule {
  spec: RuleSpec;
  phrases: RegExp[];
  /** Each phrase's number in the tagger's literal index. */
  phraseIds: number[];
  stems: string[][];
  unless: RegExp[];
  requires: RegExp[];
  context: RegExp[];
  notInItem: RegExp[];
  matchIf: RegExp | null;
  lists: Set<string> | null;
}

interface CompiledTheme {
  id: string;
  leadFramesItem: { lists: Set<string>; keep: Set<string> } | null;
  masks: RegExp[];
  rules: CompiledRule[];
  /** Every phrase of the theme's rules, by number in the literal index. */
  phraseIds: number[];
  /** Each mask's number in the literal index. */
  maskIds: number[];
}

export class RuleError extends UsageProblem {}

function compile(source: string, where: string): RegExp {
  try {
    return new RegExp(source, 'gi');
  } catch (err) {
    throw new RuleError(`${where}: invalid pattern /${source}/: ${(err as Error).message}`);
  }
}

/** Validates a rule file and compiles it; every problem names the rule. */
export function compileRules(file: RuleFile): CompiledTheme[] {
  if (!file || file.schema !== 'sendmine-theme-rules/1' || !Array.isArray(file.themes)) {
    throw new RuleError('rule file must have schema "sendmine-theme-rules/1" and a "themes" array');
  }
  const ids = new Set<string>();
  const themeIds = new Set(file.themes.map((t) => t?.id));
  // Phrases and masks are numbered across the whole set, in order: the tagger's literal index uses these numbers.
  let nextPattern = 0;
  return file.themes.map((t) => {
    if (!t.id || !Array.isArray(t.rules)) throw new RuleError(`theme ${JSON.stringify(t.id)}: needs an id and a rules array`);
    const rules = t.rules.map((r) => {
      if (!r.id) throw new RuleError(`theme ${t.id}: a rule has no id`);
      if (ids.has(r.id)) throw new RuleError(`rule ${r.id}: duplicate id`);
      ids.add(r.id);
      if (!r.phrases?.length && !r.stems?.length && !r.match) throw new RuleError(`rule ${r.id}: needs phrases, stems or match`);
      if (Array.isArray(r.defer)) {
        const unknown = r.defer.filter((d) => !themeIds.has(d));
        if (unknown.length) throw new RuleError(`rule ${r.id}: defer names unknown themes: ${unknown.join(', ')}`);
      } else if (r.defer !== undefined && typeof r.defer !== 'boolean') throw new RuleError(`rule ${r.id}: defer must be true or a list of theme ids`);
      const phrases = (r.phrases ?? []).map((p) => compile(p, `rule ${r.id}`));
      return {
        spec: r,
        phrases,
        phraseIds: phrases.map(() => nextPattern++),
        stems: r.stems ?? [],
        unless: (r.unless ?? []).map((p) => compile(p, `rule ${r.id} unless`)),
        requires: (r.requires ?? []).map((p) => compile(p, `rule ${r.id} requires`)),
        context: (r.context ?? []).map((p) => compile(p, `rule ${r.id} context`)),
        notInItem: (r.notInItem ?? []).map((p) => compile(p, `rule ${r.id} notInItem`)),
        matchIf: r.match ? compile(r.match.if, `rule ${r.id} match.if`) : null,
        lists: r.lists ? new Set(r.lists) : null,
      };
    });
    const masks = (t.masks ?? []).map((m, i) => compile(m, `${t.id} mask ${i}`));
    const frames = t.leadFramesItem;
    if (frames !== undefined) {
      const strings = (x: unknown) => Array.isArray(x) && x.every((l) => typeof l === 'string');
      if (!frames || !strings(frames.lists) || (frames.keep !== undefined && !strings(frames.keep))) {
        throw new RuleError(`theme ${t.id}: leadFramesItem needs "lists" (item lists) and may have "keep" (theme ids)`);
      }
      const unknown = (frames.keep ?? []).filter((k) => !themeIds.has(k));
      if (unknown.length) throw new RuleError(`theme ${t.id}: leadFramesItem keeps unknown themes: ${unknown.join(', ')}`);
    }
    return {
      id: t.id,
      leadFramesItem: frames ? { lists: new Set(frames.lists), keep: new Set(frames.keep ?? []) } : null,
      masks,
      phraseIds: rules.flatMap((r) => r.phraseIds),
      maskIds: masks.map(() => nextPattern++),
      rules,
    };
  });
}

const tokenizer = new WordTokenizer();

export function stemsOf(text: string): { stems: string[]; words: string[] } {
  const words = tokenizer.tokenize(text.toLowerCase()) ?? [];
  return { stems: words.map((w) => PorterStemmer.stem(w)), words };
}

/** Sentences of an item; abbreviations common in the reports do not end one. */
export function sentences(text: string): string[] {
  return text
    .replace(/\b(e\.g|i\.e|etc|vs|no|St|Dr|Mr|Mrs|Ms)\.\s/gi, '$1\u2024 ')
    .split(/(?<=[.!?])\s+(?=["'(]?[A-Z0-9])/)
    .map((s) => s.replace(/\u2024/g, '.'));
}

/** Adds one sentence's marks to an item's, and gives them back. */
function orInto(all: Uint8Array, marks: Uint8Array): Uint8Array {
  for (let i = 0; i < marks.length; i++) all[i] |= marks[i];
  return marks;
}

function mask(text: string, masks: RegExp[]): string {
  if (masks.length === 0) return text;
  let out = text;
  for (const re of masks) out = out.replace(re, (m) => ' '.repeat(m.length));
  return out;
}

type Nlp = (text: string) => { match(p: string): { found: boolean; text(): string } };
let nlpModule: Nlp | null = null;
/** compromise costs ~0.3 s to load: only when a grammar rule's cheap filter lets a sentence through. */
async function loadNlp(): Promise<Nlp> {
  nlpModule ??= ((await import('compromise')).default as unknown as Nlp);
  return nlpModule;
}

export class ThemeTagger {
  /** Which phrases and masks could match an item, from the words it holds. */
  private readonly index: LiteralIndex;

  /** Each framing theme's lead frame (leadFramesItem), by theme id. */
  private readonly frames: Map<string, NonNullable<CompiledTheme['leadFramesItem']>>;

  constructor(private readonly themes: CompiledTheme[]) {
    this.frames = new Map(themes.flatMap((t) => (t.leadFramesItem ? [[t.id, t.leadFramesItem] as const] : [])));
    const sources: string[] = [];
    for (const t of themes) {
      for (const r of t.rules) r.phrases.forEach((re, i) => (sources[r.phraseIds[i]] = re.source));
      t.masks.forEach((re, i) => (sources[t.maskIds[i]] = re.source));
    }
    this.index = new LiteralIndex(sources);
  }

  get ids(): string[] {
    return this.themes.map((t) => t.id);
  }

  ruleCounts(): Record<string, number> {
    return Object.fromEntries(this.themes.map((t) => [t.id, t.rules.length]));
  }

  /** Every rule hit on an item's text (first hit per rule). */
  async hits(text: string, list?: string): Promise<Hit[]> {
    const clean = cleanText(text);
    const sents = sentences(clean);
    // Stems of a sentence serve every stem rule: worked out once per (masked) sentence.
    const stemCache: StemCache = new Map();
    // Most themes are absent from most items: the words of each sentence rule most
    // phrases (and masks) out for it, and the words of the item for the whole item.
    const possible = new Uint8Array(this.index.size);
    const marks = sents.map((s) => this.index.candidates(s, possible));
    const out: Hit[] = [];
    for (const theme of this.themes) {
      let masked = sents;
      let themeMarks = marks;
      let themePossible = possible;
      if (theme.masks.some((_, i) => possible[theme.maskIds[i]] === 1)) {
        masked = sents.map((s, k) => mask(s, theme.masks.filter((_, i) => marks[k][theme.maskIds[i]] === 1)));
        // The rules see the masked sentences: their words decide (a mask ending inside a
        // word would leave a word start the unmasked sentence does not have).
        if (masked.some((m, k) => m !== sents[k])) {
          themePossible = new Uint8Array(this.index.size);
          themeMarks = masked.map((m, k) => (m === sents[k] ? orInto(themePossible, marks[k]) : this.index.candidates(m, themePossible)));
        }
      }
      const phrasesPossible = theme.phraseIds.some((id) => themePossible[id] === 1);
      if (!phrasesPossible && theme.rules.every((r) => r.stems.length === 0 && r.matchIf === null)) continue;
      for (const rule of theme.rules) {
        if (rule.lists && (!list || !rule.lists.has(list))) continue;
        if (rule.stems.length === 0 && rule.matchIf === null && !rule.phraseIds.some((id) => themePossible[id] === 1)) continue;
        let hit = this.fire(rule, masked, stemCache, themeMarks);
        if (hit === NEEDS_GRAMMAR) {
          // Matching stays synchronous; compromise is loaded the first time a sentence needs it.
          await loadNlp();
          hit = this.fire(rule, masked, stemCache, themeMarks);
        }
        // The item's context is looked at only once the rule has fired (rarely).
        if (hit !== null && hit !== NEEDS_GRAMMAR && rule.context.length && !rule.context.some((re) => masked.some((s) => test(re, s)))) hit = null;
        if (hit !== null && hit !== NEEDS_GRAMMAR && rule.notInItem.some((re) => masked.some((s) => test(re, s)))) hit = null;
        if (hit !== null && hit !== NEEDS_GRAMMAR) out.push({ theme: theme.id, rule: rule.spec.id, words: hit.words, sentence: hit.sentence, ...deferral(rule.spec.defer) });
      }
    }
    return out;
  }

  /**
   * The item's themes, the hits behind them, and the hits that were set aside with the
   * reason (a general cue giving way to a specific theme; a later sentence that is the
   * context of the theme framing the item), so an explanation can say why a theme is
   * absent as well as why one is present.
   */
  async tag(text: string, list?: string): Promise<{ themes: string[]; hits: Hit[]; dropped: DroppedHit[] }> {
    const all = await this.hits(text, list);
    const dropped: DroppedHit[] = [];
    // Prefer the specific theme to the general one.
    const firm = [...new Set(all.filter((h) => !h.deferred).map((h) => h.theme))];
    let hits: Hit[] = [];
    for (const h of all) {
      const winners = h.deferred ? firm.filter((t) => t !== h.theme && (!h.deferTo || h.deferTo.includes(t))) : [];
      if (winners.length === 0) hits.push(h);
      else dropped.push({ ...h, droppedFor: `gives way to ${winners.sort().join(', ')}` });
    }
    hits = this.dropLeadContext(hits, dropped, list);
    const themes = [...new Set(hits.map((h) => h.theme))].sort();
    return { themes, hits, dropped };
  }

  /** A theme that frames the item (leadFramesItem) keeps the themes of later sentences out. */
  private dropLeadContext(hits: Hit[], dropped: DroppedHit[], list?: string): Hit[] {
    if (!list) return hits;
    const lead = new Set(hits.filter((h) => h.sentence === 0).map((h) => h.theme));
    if (lead.size !== 1) return hits;
    const [only] = lead;
    const framing = this.frames.get(only);
    if (!framing?.lists.has(list)) return hits;
    const kept: Hit[] = [];
    for (const h of hits) {
      if (lead.has(h.theme) || framing.keep.has(h.theme)) kept.push(h);
      else dropped.push({ ...h, droppedFor: `a later sentence of a ${list.replace(/s$/, '')} whose lead is ${only} only` });
    }
    return kept;
  }

  private fire(rule: CompiledRule, sents: string[], stemCache: StemCache, marks: Uint8Array[]): { words: string; sentence: number } | null | typeof NEEDS_GRAMMAR {
    const n = rule.spec.scope === 'lead' ? Math.min(1, sents.length) : sents.length;
    for (let k = 0; k < n; k++) {
      const s = sents[k];
      const found = this.matchSentence(rule, s, stemCache, marks[k]);
      if (found === NEEDS_GRAMMAR) return found;
      if (found === null) continue;
      if (rule.unless.some((re) => test(re, s))) continue;
      if (rule.requires.length && !rule.requires.some((re) => test(re, s))) continue;
      return { words: found, sentence: k };
    }
    return null;
  }

  private matchSentence(rule: CompiledRule, s: string, stemCache: StemCache, possible: Uint8Array): string | null | typeof NEEDS_GRAMMAR {
    for (let i = 0; i < rule.phrases.length; i++) {
      if (possible[rule.phraseIds[i]] !== 1) continue;
      const re = rule.phrases[i];
      re.lastIndex = 0;
      const m = re.exec(s);
      if (m) return m[0].trim();
    }
    if (rule.stems.length) {
      let st = stemCache.get(s);
      if (!st) stemCache.set(s, (st = stemsOf(s)));
      const { stems, words } = st;
      for (const seq of rule.stems) {
        for (let i = 0; i + seq.length <= stems.length; i++) {
          if (seq.every((x, k) => stems[i + k] === x)) return words.slice(i, i + seq.length).join(' ');
        }
      }
    }
    if (rule.matchIf && test(rule.matchIf, s)) {
      if (!nlpModule) return NEEDS_GRAMMAR;
      const doc = nlpModule(s);
      for (const p of rule.spec.match!.patterns) {
        const m = doc.match(p);
        if (m.found) return m.text();
      }
    }
    return null;
  }
}

function deferral(defer: RuleSpec['defer']): Pick<Hit, 'deferred' | 'deferTo'> {
  if (!defer) return {};
  return Array.isArray(defer) ? { deferred: true, deferTo: defer } : { deferred: true };
}

/** Stems and words of each sentence of the item being tagged. */
type StemCache = Map<string, ReturnType<typeof stemsOf>>;

/** A rule's cheap filter passed but compromise is not loaded yet. */
const NEEDS_GRAMMAR = Symbol('needs-grammar');

function test(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
}
