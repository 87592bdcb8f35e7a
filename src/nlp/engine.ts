/**
 * The rule matcher: patterns as data, every match explainable (after spaCy's rule-based
 * matcher). A rule fires on one sentence of an item when one of its patterns matches
 * and none of its `unless` patterns does; masks hide spans (such as "children with an
 * EHC plan", where the plan only names the population) from every rule of a theme.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { WordTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import { cleanText } from '../layout/text.js';

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
  /** Only on items of these lists. */
  lists?: string[];
  /**
   * Where in the item: `any` sentence (default), or only the `lead` sentence, which
   * states what the finding is about; later sentences often only give context.
   */
  scope?: 'any' | 'lead';
  /**
   * A general cue ("strategy", "oversight of ...") gives way to the specific theme it
   * is about: the hit is dropped when another theme fires on the item.
   */
  defer?: boolean;
  comment?: string;
}

export interface ThemeSpec {
  id: string;
  label: string;
  /** Regex sources whose spans are hidden from this theme's rules. */
  masks?: string[];
  rules: RuleSpec[];
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
  /** From a general rule that gives way to a specific theme. */
  deferred?: boolean;
}

interface CompiledRule {
  spec: RuleSpec;
  phrases: RegExp[];
  stems: string[][];
  unless: RegExp[];
  requires: RegExp[];
  context: RegExp[];
  matchIf: RegExp | null;
  lists: Set<string> | null;
  /**
   * All the rule's phrases in one alternation: one scan of a sentence finds the leftmost
   * match of any of them (about twice as fast as trying them one by one).
   */
  anyPhrase: RegExp | null;
}

interface CompiledTheme {
  id: string;
  masks: RegExp[];
  rules: CompiledRule[];
  /** All phrase patterns of the theme in one: a text it misses cannot fire a phrase rule. */
  quick: RegExp | null;
}

export class RuleError extends Error {}

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
  return file.themes.map((t) => {
    if (!t.id || !Array.isArray(t.rules)) throw new RuleError(`theme ${JSON.stringify(t.id)}: needs an id and a rules array`);
    const rules = t.rules.map((r) => {
      if (!r.id) throw new RuleError(`theme ${t.id}: a rule has no id`);
      if (ids.has(r.id)) throw new RuleError(`rule ${r.id}: duplicate id`);
      ids.add(r.id);
      if (!r.phrases?.length && !r.stems?.length && !r.match) throw new RuleError(`rule ${r.id}: needs phrases, stems or match`);
      return {
        spec: r,
        phrases: (r.phrases ?? []).map((p) => compile(p, `rule ${r.id}`)),
        stems: r.stems ?? [],
        unless: (r.unless ?? []).map((p) => compile(p, `rule ${r.id} unless`)),
        requires: (r.requires ?? []).map((p) => compile(p, `rule ${r.id} requires`)),
        context: (r.context ?? []).map((p) => compile(p, `rule ${r.id} context`)),
        matchIf: r.match ? compile(r.match.if, `rule ${r.id} match.if`) : null,
        lists: r.lists ? new Set(r.lists) : null,
        anyPhrase: combinable(r.phrases) ? compile(r.phrases!.map((p) => `(?:${p})`).join('|'), `rule ${r.id} (all phrases)`) : null,
      };
    });
    // Compiled after the rules, so that a bad pattern is reported against its rule.
    const phrases = t.rules.flatMap((r) => r.phrases ?? []);
    return {
      id: t.id,
      masks: (t.masks ?? []).map((m, i) => compile(m, `${t.id} mask ${i}`)),
      quick: phrases.length ? compile(phrases.map((p) => `(?:${p})`).join('|'), `${t.id} (all phrases)`) : null,
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

function mask(text: string, masks: RegExp[]): string {
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

/**
 * Texts tagged before the per-theme prefilter is used. Compiling the prefilters (one large
 * alternation per theme) costs more than they save on a short run, such as one worker's
 * share of a handful of documents; on a long run they pay for themselves.
 */
const PREFILTER_AFTER = 400;

export class ThemeTagger {
  private tagged = 0;

  constructor(private readonly themes: CompiledTheme[]) {}

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
    const out: Hit[] = [];
    const prefilter = ++this.tagged > PREFILTER_AFTER;
    for (const theme of this.themes) {
      // Most themes are absent from most items: one pass over the text rules them out.
      const phrasesPossible = !prefilter || theme.quick === null || test(theme.quick, clean);
      if (!phrasesPossible && theme.rules.every((r) => r.stems.length === 0 && r.matchIf === null)) continue;
      const masked = theme.masks.length ? sents.map((s) => mask(s, theme.masks)) : sents;
      for (const rule of theme.rules) {
        if (rule.lists && (!list || !rule.lists.has(list))) continue;
        if (!phrasesPossible && rule.stems.length === 0 && rule.matchIf === null) continue;
        let hit = this.fire(rule, masked, stemCache);
        if (hit === NEEDS_GRAMMAR) {
          // Matching stays synchronous; compromise is loaded the first time a sentence needs it.
          await loadNlp();
          hit = this.fire(rule, masked, stemCache);
        }
        // The item's context is looked at only once the rule has fired (rarely).
        if (hit !== null && hit !== NEEDS_GRAMMAR && rule.context.length && !rule.context.some((re) => masked.some((s) => test(re, s)))) hit = null;
        if (hit !== null && hit !== NEEDS_GRAMMAR) out.push({ theme: theme.id, rule: rule.spec.id, words: hit, ...(rule.spec.defer ? { deferred: true } : {}) });
      }
    }
    return out;
  }

  async tag(text: string, list?: string): Promise<{ themes: string[]; hits: Hit[] }> {
    const all = await this.hits(text, list);
    // Prefer the specific theme to the general one.
    const firm = new Set(all.filter((h) => !h.deferred).map((h) => h.theme));
    const hits = all.filter((h) => !h.deferred || ![...firm].some((t) => t !== h.theme));
    const themes = [...new Set(hits.map((h) => h.theme))].sort();
    return { themes, hits };
  }

  private fire(rule: CompiledRule, sents: string[], stemCache: StemCache): string | null | typeof NEEDS_GRAMMAR {
    const scoped = rule.spec.scope === 'lead' ? sents.slice(0, 1) : sents;
    for (const s of scoped) {
      const found = this.matchSentence(rule, s, stemCache);
      if (found === NEEDS_GRAMMAR) return found;
      if (found === null) continue;
      if (rule.unless.some((re) => test(re, s))) continue;
      if (rule.requires.length && !rule.requires.some((re) => test(re, s))) continue;
      return found;
    }
    return null;
  }

  private matchSentence(rule: CompiledRule, s: string, stemCache: StemCache): string | null | typeof NEEDS_GRAMMAR {
    for (const re of rule.anyPhrase ? [rule.anyPhrase] : rule.phrases) {
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

/** Stems and words of each sentence of the item being tagged. */
type StemCache = Map<string, ReturnType<typeof stemsOf>>;

/** A rule's cheap filter passed but compromise is not loaded yet. */
const NEEDS_GRAMMAR = Symbol('needs-grammar');

/** Phrases that can share one alternation: two or more, none with a back-reference or a named group. */
function combinable(phrases: string[] | undefined): boolean {
  return !!phrases && phrases.length > 1 && phrases.every((p) => !/\\[1-9k]|\(\?<(?![=!])/.test(p));
}

function test(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
}
