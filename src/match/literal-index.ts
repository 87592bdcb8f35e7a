/**
 * A literal-word index over regex phrase patterns: which patterns could match a text,
 * found from the words the text holds, so that a theme's patterns run only on the items
 * that hold one of their first words (V8 otherwise tries every alternative of every
 * pattern at every position of every item).
 *
 * For a pattern such as `\b(?:professionals|practitioners)\b[^.]{0,40}\bwork`, every
 * match starts with a word beginning "professionals" or "practitioners": those are its
 * keys. A pattern that may start inside a word (no `\b` first) needs its literal start
 * somewhere in the text instead; one whose start is not literal at all (a character class
 * or `\w` first) always runs. The index only ever rules patterns out, never in: a pattern
 * it lets through still has to match.
 */

/**
 * The words one of which every match of `source` (matched case-insensitively) starts
 * with, when each of its alternatives starts at a word boundary (`\b`); null when one
 * does not, or its start is not a literal word.
 */
export function leadingWords(source: string): string[] | null {
  const parser = new PrefixParser(source, true);
  const prefixes = parser.alternation(false);
  if (prefixes === null || parser.pos !== source.length) return null;
  const words = new Set<string>();
  for (const p of prefixes) {
    // Only the first word counts: a token of the text must start with it.
    let w = '';
    for (const ch of p.toLowerCase()) {
      if (symbolOf(ch.charCodeAt(0)) < 0) break;
      w += ch;
    }
    if (w === '') return null;
    words.add(w);
  }
  return words.size ? [...words] : null;
}

/**
 * Reads a regex source far enough to know its literal prefixes. Each method returns the
 * prefixes of what it read (null: not a literal start), and leaves `pos` after it. With
 * `words`, a prefix counts only where a `\b` before it (in its own alternative or
 * around its group) puts it at the start of a word.
 */
class PrefixParser {
  pos = 0;

  constructor(
    readonly src: string,
    private readonly words: boolean,
  ) {}

  /** a|b|c up to a closing `)` or the end; `bounded`: a `\b` stands just before it. */
  alternation(bounded: boolean): string[] | null {
    const out: string[] = [];
    let unknown = false;
    for (;;) {
      const seq = this.sequence(bounded);
      if (seq === null) unknown = true;
      else out.push(...seq);
      if (this.src[this.pos] === '|') {
        this.pos++;
        continue;
      }
      break;
    }
    return unknown ? null : out;
  }

  /**
   * A sequence of atoms: the literal text before the first non-literal atom; when the
   * sequence starts with an optional group, its prefixes and those of what follows it.
   */
  private sequence(inherited: boolean): string[] | null {
    let literal = '';
    let bounded = inherited;
    let result: string[] | null | undefined;
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atom = this.atom(bounded);
      const times = this.quantifier();
      const optional = times === 'optional';
      if (result !== undefined) continue; // the prefixes are known: read the rest only to find the end
      if (atom.kind === 'zero-width') {
        // `\b` puts what follows at a word start; `\B` and lookarounds say nothing of it.
        if (literal === '') bounded = atom.boundary ?? bounded;
        continue;
      }
      if (atom.kind === 'char') {
        if (this.words && !bounded) {
          // Without a `\b` first, a match may start inside a word: no word prefix.
          result = null;
          continue;
        }
        if (optional) result = literal ? [literal] : null;
        // a+ : one 'a' is certain, what follows it is not.
        else if (times === 'repeat') result = [literal + atom.text];
        else literal += atom.text;
        continue;
      }
      if (atom.kind === 'group') {
        if (literal) result = [literal];
        else if (atom.prefixes === null) result = null;
        else if (optional) {
          // (?:send )?young ...: either the group's words or what follows start the match.
          const rest = this.sequence(bounded);
          result = rest === null ? null : [...atom.prefixes, ...rest];
        } else result = atom.prefixes;
        continue;
      }
      // A class, `.`, `\w` and the like: the literal so far, if any, is the prefix.
      result = literal ? [literal] : null;
    }
    if (result !== undefined) return result;
    return literal ? [literal] : null;
  }

  private atom(bounded: boolean):
    | { kind: 'char'; text: string }
    | { kind: 'group'; prefixes: string[] | null }
    | { kind: 'zero-width'; boundary?: boolean }
    | { kind: 'other' } {
    const s = this.src;
    const c = s[this.pos];
    if (c === '\\') {
      const n = s[this.pos + 1] ?? '';
      this.pos += 2;
      if (n === 'b') return { kind: 'zero-width', boundary: true };
      if (n === 'B') return { kind: 'zero-width', boundary: false };
      if (/[dDwWsSnrtfv0-9pPuxck]/.test(n)) {
        // \u{…}, \x41, \p{…}: skip their payloads; none is a plain literal here.
        if (s[this.pos] === '{') this.pos = s.indexOf('}', this.pos) + 1 || s.length;
        return { kind: 'other' };
      }
      return { kind: 'char', text: n };
    }
    if (c === '(') {
      this.pos++;
      let lookaround = false;
      if (s[this.pos] === '?') {
        const kind = s.slice(this.pos, this.pos + 3);
        if (kind.startsWith('?:')) this.pos += 2;
        else if (kind.startsWith('?=') || kind.startsWith('?!')) (this.pos += 2), (lookaround = true);
        else if (kind === '?<=' || kind === '?<!') (this.pos += 3), (lookaround = true);
        else if (kind.startsWith('?<')) this.pos = s.indexOf('>', this.pos) + 1;
      }
      const prefixes = this.alternation(bounded);
      if (s[this.pos] === ')') this.pos++;
      return lookaround ? { kind: 'zero-width' } : { kind: 'group', prefixes };
    }
    if (c === '[') {
      // Skip the class, minding escapes and a leading ].
      let i = this.pos + 1;
      if (s[i] === '^') i++;
      if (s[i] === ']') i++;
      while (i < s.length && s[i] !== ']') i += s[i] === '\\' ? 2 : 1;
      this.pos = i + 1;
      return { kind: 'other' };
    }
    this.pos++;
    if (c === '^' || c === '$') return { kind: 'zero-width' };
    if (c === '.') return { kind: 'other' };
    return { kind: 'char', text: c };
  }

  /**
   * Reads a quantifier after an atom: `once` (none, or {1}), `optional` (it may be
   * absent) or `repeat` (once or more).
   */
  private quantifier(): 'once' | 'optional' | 'repeat' {
    const s = this.src;
    const c = s[this.pos];
    let times: 'once' | 'optional' | 'repeat';
    if (c === '?' || c === '*') {
      this.pos++;
      times = 'optional';
    } else if (c === '+') {
      this.pos++;
      times = 'repeat';
    } else if (c === '{') {
      const m = /^\{(\d*)(,?)(\d*)\}/.exec(s.slice(this.pos));
      if (!m) return 'once'; // a literal {
      this.pos += m[0].length;
      const min = Number(m[1] || 0);
      times = min === 0 ? 'optional' : m[2] === '' && min === 1 ? 'once' : 'repeat';
    } else return 'once';
    if (s[this.pos] === '?') this.pos++; // lazy
    return times;
  }
}

/**
 * For a pattern that does not start at a word boundary: the literal texts one of which
 * every match starts with (lower-cased), so the text must contain one; null when the
 * start is not literal.
 */
export function leadingTexts(source: string): string[] | null {
  const parser = new PrefixParser(source, false);
  const prefixes = parser.alternation(false);
  if (prefixes === null || parser.pos !== source.length || prefixes.some((p) => p === '')) return null;
  return [...new Set(prefixes.map((p) => p.toLowerCase()))];
}

/**
 * Patterns (by number) indexed by the first words of their matches: `candidates(text)`
 * is every pattern that might match the text, in order.
 */
export class LiteralIndex {
  /** The key words' trie as a table: `step[node * SYMBOLS + symbol]` is the next node, or -1. */
  private readonly step: Int32Array;
  /** Patterns whose key ends at each node of the table (empty for most). */
  private readonly idsAt: (readonly number[])[] = [];
  private readonly always: number[] = [];
  /** Patterns that do not start at a word boundary: a literal the text must contain. */
  private readonly inside: { id: number; texts: string[] }[] = [];
  readonly size: number;

  constructor(sources: readonly string[]) {
    this.size = sources.length;
    // The key words go into a trie of nodes first (a node's `ids` are the patterns whose
    // key ends there), which is then laid out as the table and dropped.
    const root = newNode();
    sources.forEach((src, id) => {
      const words = leadingWords(src);
      if (words !== null) {
        for (const w of words) insert(root, w, id);
        return;
      }
      // Any literal start is a text the matched text must hold, at a word start or not.
      const texts = leadingTexts(src);
      if (texts !== null) this.inside.push({ id, texts });
      else this.always.push(id);
    });
    // Number the nodes breadth-first, then fill in the table.
    const nodes: TrieNode[] = [root];
    for (let i = 0; i < nodes.length; i++) for (const child of nodes[i].next) if (child) nodes.push(child);
    const number = new Map(nodes.map((n, i) => [n, i]));
    this.step = new Int32Array(nodes.length * SYMBOLS).fill(-1);
    nodes.forEach((n, i) => {
      this.idsAt.push(n.ids);
      n.next.forEach((child, code) => {
        if (child) this.step[i * SYMBOLS + symbolOf(code)] = number.get(child)!;
      });
    });
  }

  /** The number of patterns that have no keys and always run. */
  get unindexed(): number {
    return this.always.length;
  }

  /**
   * A mark per pattern: 1 when it might match `text`. The same marks are also set in
   * `alsoInto` when given (the marks of several texts together).
   */
  candidates(text: string, alsoInto?: Uint8Array): Uint8Array {
    const marks = new Uint8Array(this.size);
    const mark = (ids: readonly number[]) => {
      for (const id of ids) {
        marks[id] = 1;
        if (alsoInto) alsoInto[id] = 1;
      }
    };
    mark(this.always);
    const lower = text.toLowerCase();
    for (const { id, texts } of this.inside) if (texts.some((t) => lower.includes(t))) mark([id]);
    // At each word start, follow the trie as far as the word's characters go: every key
    // passed on the way is a prefix of the word.
    const { step, idsAt } = this;
    let prevWord = false;
    for (let i = 0; i < lower.length; i++) {
      const sym = symbolOf(lower.charCodeAt(i));
      if (sym >= 0 && !prevWord) {
        let node = 0;
        for (let j = i; j < lower.length; j++) {
          const d = symbolOf(lower.charCodeAt(j));
          if (d < 0) break;
          node = step[node * SYMBOLS + d];
          if (node < 0) break;
          if (idsAt[node].length) mark(idsAt[node]);
        }
      }
      prevWord = sym >= 0;
    }
    return marks;
  }
}

/** The word characters `\b` sees in lower-cased text: a-z, 0-9 and _. */
const SYMBOLS = 37;

/** A word character's place among the SYMBOLS, or -1 for any other character. */
function symbolOf(c: number): number {
  if (c >= 97 && c <= 122) return c - 97;
  if (c >= 48 && c <= 57) return c - 22;
  return c === 95 ? 36 : -1;
}

interface TrieNode {
  /** Children by character code (keys are lower-case word characters). */
  next: (TrieNode | undefined)[];
  ids: number[];
}

function newNode(): TrieNode {
  return { next: [], ids: [] };
}

function insert(root: TrieNode, word: string, id: number): void {
  let node = root;
  for (let i = 0; i < word.length; i++) node = node.next[word.charCodeAt(i)] ??= newNode();
  if (!node.ids.includes(id)) node.ids.push(id);
}
