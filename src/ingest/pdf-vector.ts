/**
 * Horizontal rules (table grid lines) read straight from a page's content stream.
 *
 * pdf.js's getOperatorList() evaluates a whole page for display (fonts, glyphs, images)
 * to give us a handful of lines. This reader does only what placing paths needs: it finds
 * the page's content through the cross-reference data, inflates it, and follows the
 * transformation matrix and the path operators. Anything it does not understand
 * (encryption, filters other than FlateDecode, damage a scan for objects cannot mend)
 * gives null, and the caller asks pdf.js instead.
 */
import { inflateSync } from 'fflate';
import type { Rule } from '../types.js';

// ---------------------------------------------------------------------------------------
// Geometry, shared with the pdf.js reader so both keep the same lines.

export type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m applied after n: the PDF `cm` operator's concatenation order. */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/**
 * A path's box (user space, corners (x1, y1) and (x2, y2)) seen through the CTM, as a rule
 * when it is a thin horizontal line: at most 3 high, at least 30 wide. `height` is the
 * page's, to measure y from the top as text lines do.
 */
export function toRule(ctm: Matrix, x1: number, y1: number, x2: number, y2: number, height: number): Rule | null {
  const [ax, ay] = apply(ctm, x1, y1);
  const [bx, by] = apply(ctm, x2, y2);
  const [left, right] = [Math.min(ax, bx), Math.max(ax, bx)];
  const [bottom, top] = [Math.min(ay, by), Math.max(ay, by)];
  return top - bottom <= 3 && right - left >= 30 ? { y: height - (bottom + top) / 2, x1: left, x2: right } : null;
}

// ---------------------------------------------------------------------------------------
// Lexer: one for the file's objects and for content streams.

/** Thrown inside this module for anything unexpected; the public methods turn it into null. */
class Unsupported extends Error {}
function fail(why: string): never {
  throw new Unsupported(why);
}

const EOF = 0;
const NUM = 1;
const NAME = 2;
const STR = 3; // literal or hex string: its contents are never needed
const WORD = 4; // keyword or operator
const OPEN_ARRAY = 5;
const CLOSE_ARRAY = 6;
const OPEN_DICT = 7;
const CLOSE_DICT = 8;

const WHITE = 1;
const DELIM = 2;
const CLASS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) CLASS[c] = WHITE;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = DELIM;

function latin1(buf: Uint8Array, start: number, end: number): string {
  if (end - start > 32) return Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('latin1');
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(buf[i]);
  return s;
}

class Lexer {
  /** The value of the last NUM token. */
  num = 0;
  /** The text of the last NAME (without the slash) or WORD token. */
  word = '';

  constructor(
    readonly buf: Uint8Array,
    public pos = 0,
    readonly end = buf.length,
  ) {}

  /** The next token's kind. Every call moves forward, so loops over tokens end. */
  next(): number {
    const { buf, end } = this;
    let p = this.pos;
    for (;;) {
      if (p >= end) {
        this.pos = end;
        return EOF;
      }
      const c = buf[p];
      if (c === 0x25) while (p < end && buf[p] !== 10 && buf[p] !== 13) p++; // % comment
      else if (CLASS[c] === WHITE) p++;
      else break;
    }
    const c = buf[p];
    this.pos = p + 1;
    switch (c) {
      case 0x28: // (
        this.skipLiteral();
        return STR;
      case 0x3c: // < or <<
        if (buf[this.pos] === 0x3c) {
          this.pos++;
          return OPEN_DICT;
        }
        while (this.pos < end && buf[this.pos++] !== 0x3e);
        return STR;
      case 0x3e: // >>
        if (buf[this.pos] === 0x3e) {
          this.pos++;
          return CLOSE_DICT;
        }
        break;
      case 0x5b:
        return OPEN_ARRAY;
      case 0x5d:
        return CLOSE_ARRAY;
      case 0x2f: // /Name
        this.word = this.readName();
        return NAME;
    }
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      this.num = this.readNumber(p);
      return NUM;
    }
    // A keyword is a run of regular bytes; a stray delimiter stands alone.
    let q = p + 1;
    if (CLASS[c] !== DELIM) while (q < end && CLASS[buf[q]] === 0) q++;
    this.pos = q;
    this.word = latin1(buf, p, q);
    return WORD;
  }

  /** The next token's text when it is a keyword. */
  nextWord(): string | undefined {
    return this.next() === WORD ? this.word : undefined;
  }

  /** Numbers as pdf.js reads them (digits accumulated, then divided), so both readers agree to the bit. */
  private readNumber(p: number): number {
    const { buf, end } = this;
    let sign = 1;
    if (buf[p] === 0x2d) {
      sign = -1;
      if (buf[++p] === 0x2d) p++; // "--5" is read as -5
    } else if (buf[p] === 0x2b) p++;
    let value = 0;
    let divideBy = 0;
    for (; p < end; p++) {
      const c = buf[p];
      if (c >= 0x30 && c <= 0x39) {
        value = value * 10 + (c - 0x30);
        if (divideBy !== 0) divideBy *= 10;
      } else if (c === 0x2e && divideBy === 0) divideBy = 1;
      else if (c !== 0x2d) break; // a minus sign inside a number is ignored
    }
    this.pos = p;
    return sign * (divideBy !== 0 ? value / divideBy : value);
  }

  private readName(): string {
    const { buf, end } = this;
    const start = this.pos;
    let p = start;
    while (p < end && CLASS[buf[p]] === 0) p++;
    this.pos = p;
    const raw = latin1(buf, start, p);
    return raw.includes('#') ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : raw;
  }

  /** Past a literal string: parentheses nest, a backslash escapes the next byte. */
  private skipLiteral(): void {
    const { buf, end } = this;
    let depth = 1;
    let p = this.pos;
    while (p < end) {
      const c = buf[p++];
      if (c === 0x5c) p++;
      else if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) break;
    }
    this.pos = Math.min(p, end);
  }
}

// ---------------------------------------------------------------------------------------
// Objects.

class Name {
  constructor(readonly name: string) {}
}
class Ref {
  constructor(readonly num: number) {}
}
class Stream {
  constructor(
    readonly dict: Dict,
    readonly start: number,
    readonly end: number,
  ) {}
}
const STRING = Symbol('string');
type Dict = Map<string, PdfObject>;
type PdfObject = null | boolean | number | typeof STRING | Name | Ref | Stream | Dict | PdfObject[];

const MAX_NESTING = 64;

/** One object whose first token, `tok`, has just been read. */
function parseObject(lex: Lexer, tok: number, depth = 0): PdfObject {
  if (depth > MAX_NESTING) fail('objects nested too deep');
  switch (tok) {
    case NUM: {
      // `N G R` is a reference: look two tokens ahead, and step back if it is not one.
      const n = lex.num;
      const back = lex.pos;
      if (Number.isInteger(n) && n >= 0 && lex.next() === NUM && lex.next() === WORD && lex.word === 'R') return new Ref(n);
      lex.pos = back;
      return n;
    }
    case NAME:
      return new Name(lex.word);
    case STR:
      return STRING;
    case OPEN_ARRAY: {
      const items: PdfObject[] = [];
      for (let t = lex.next(); t !== CLOSE_ARRAY; t = lex.next()) {
        if (t === EOF) fail('unterminated array');
        items.push(parseObject(lex, t, depth + 1));
      }
      return items;
    }
    case OPEN_DICT: {
      const dict: Dict = new Map();
      for (let t = lex.next(); t !== CLOSE_DICT; t = lex.next()) {
        if (t !== NAME) fail('dictionary key is not a name');
        const key = lex.word;
        dict.set(key, parseObject(lex, lex.next(), depth + 1));
      }
      return dict;
    }
    case WORD:
      if (lex.word === 'true' || lex.word === 'false') return lex.word === 'true';
      if (lex.word === 'null') return null;
  }
  return fail('unexpected token');
}

function nameOf(obj: PdfObject | undefined): string | undefined {
  return obj instanceof Name ? obj.name : undefined;
}

function isDict(obj: PdfObject | undefined): obj is Dict {
  return obj instanceof Map;
}

function numbers(obj: PdfObject, n: number): number[] | null {
  return Array.isArray(obj) && obj.length === n && obj.every((v) => typeof v === 'number') ? (obj as number[]) : null;
}

// ---------------------------------------------------------------------------------------
// The file: cross-reference data, objects, streams.

type Entry = { offset: number } | { stream: number; index: number };

const MAX_XREF_SECTIONS = 256;

class PdfFile {
  private entries = new Map<number, Entry>();
  private readonly cache = new Map<number, PdfObject>();
  private readonly pending = new Set<number>();
  private readonly decoded = new WeakMap<Stream, Uint8Array>();
  private readonly objectStreams = new Map<number, { data: Uint8Array; first: number; pairs: number[] }>();
  private scanned = false;
  trailer: Dict = new Map();

  constructor(readonly buf: Uint8Array) {
    try {
      this.readXref();
      this.cache.clear(); // objects fetched while the index was incomplete may be wrong
    } catch {
      this.rescan(); // a broken or missing xref: find objects by scanning for `N G obj`
    }
    if (this.trailer.has('Encrypt')) fail('encrypted');
  }

  /** Follows startxref and every /Prev (and /XRefStm): classic tables and xref streams. */
  private readXref(): void {
    const { buf } = this;
    const tail = latin1(buf, Math.max(0, buf.length - 1024), buf.length);
    const at = tail.lastIndexOf('startxref');
    if (at < 0) fail('no startxref');
    const lex = new Lexer(buf, buf.length - tail.length + at + 9);
    if (lex.next() !== NUM) fail('bad startxref');
    const queue = [lex.num];
    const seen = new Set<number>();
    while (queue.length > 0) {
      const offset = queue.shift()!;
      if (seen.has(offset) || !Number.isInteger(offset) || offset < 0 || offset >= buf.length) continue;
      if (seen.add(offset).size > MAX_XREF_SECTIONS) fail('too many xref sections');
      const section = new Lexer(buf, offset);
      const trailer = section.nextWord() === 'xref' ? this.readXrefTable(section) : this.readXrefStream(offset);
      // The newest section comes first: its trailer counts, and its entries win (set only when absent).
      if (this.trailer.size === 0) this.trailer = trailer;
      for (const key of ['XRefStm', 'Prev']) {
        const next = trailer.get(key);
        if (typeof next === 'number') queue.push(next);
      }
    }
    if (!(this.trailer.get('Root') instanceof Ref)) fail('no root');
  }

  private readXrefTable(lex: Lexer): Dict {
    for (;;) {
      const t = lex.next();
      if (t === WORD && lex.word === 'trailer') break;
      if (t !== NUM) fail('bad xref table');
      const first = lex.num;
      if (lex.next() !== NUM) fail('bad xref table');
      const count = lex.num;
      if (!Number.isInteger(first) || !Number.isInteger(count) || count < 0 || count > this.buf.length / 18) fail('bad xref subsection');
      for (let k = 0; k < count; k++) {
        if (lex.next() !== NUM) fail('bad xref entry');
        const offset = lex.num;
        if (lex.next() !== NUM || lex.next() !== WORD) fail('bad xref entry');
        // Free entries are not recorded, so an older section or an /XRefStm can fill them.
        if (lex.word === 'n' && !this.entries.has(first + k)) this.entries.set(first + k, { offset });
      }
    }
    const trailer = parseObject(lex, lex.next());
    return isDict(trailer) ? trailer : fail('bad trailer');
  }

  private readXrefStream(offset: number): Dict {
    const stream = this.readObjectAt(offset, -1);
    if (!(stream instanceof Stream) || nameOf(stream.dict.get('Type')) !== 'XRef') fail('no xref at startxref');
    const { dict } = stream;
    const w = numbers(this.resolve(dict.get('W') ?? null), 3);
    const size = dict.get('Size');
    const index = this.resolve(dict.get('Index') ?? [0, typeof size === 'number' ? size : 0]);
    if (!w || w.some((n) => !Number.isInteger(n) || n < 0 || n > 8) || !Array.isArray(index)) fail('bad xref stream');
    const data = this.decode(stream);
    const field = (p: number, width: number) => {
      let v = 0;
      for (let i = 0; i < width; i++) v = v * 256 + data[p + i];
      return v;
    };
    const rowLength = w[0] + w[1] + w[2];
    if (rowLength === 0) fail('bad xref stream widths');
    let p = 0;
    for (let i = 0; i + 1 < index.length; i += 2) {
      const [first, count] = [index[i], index[i + 1]];
      if (typeof first !== 'number' || typeof count !== 'number') fail('bad xref stream index');
      for (let k = 0; k < count && p + rowLength <= data.length; k++, p += rowLength) {
        const type = w[0] === 0 ? 1 : field(p, w[0]);
        const a = field(p + w[0], w[1]);
        const b = field(p + w[0] + w[1], w[2]);
        if (this.entries.has(first + k)) continue;
        if (type === 1) this.entries.set(first + k, { offset: a });
        else if (type === 2) this.entries.set(first + k, { stream: a, index: b });
      }
    }
    return dict;
  }

  /** Rebuilds the index from every `N G obj` in the file (later ones win), and finds a trailer. */
  private rescan(): void {
    if (this.scanned) return;
    this.scanned = true;
    const text = latin1(this.buf, 0, this.buf.length);
    const found = new Map<number, Entry>();
    for (const m of text.matchAll(/(?<![0-9])(\d{1,10})[ \t\r\n\f\0]+\d{1,5}[ \t\r\n\f\0]+obj\b/g)) found.set(Number(m[1]), { offset: m.index });
    // Objects in object streams are not found by the scan: keep what the xref said of them.
    for (const [num, entry] of this.entries) if (!found.has(num) && 'stream' in entry) found.set(num, entry);
    this.entries = found;
    this.cache.clear();
    if (!(this.trailer.get('Root') instanceof Ref)) {
      const at = text.lastIndexOf('trailer');
      const lex = new Lexer(this.buf, at + 7);
      const trailer = at < 0 ? null : parseObject(lex, lex.next());
      this.trailer = isDict(trailer) ? trailer : fail('no trailer');
    }
  }

  /** Follows references (a chain of them, too) to a direct object. */
  resolve(obj: PdfObject | undefined): PdfObject {
    for (let hops = 0; obj instanceof Ref; hops++) {
      if (hops > 32) fail('reference chain too long');
      obj = this.object(obj.num);
    }
    return obj ?? null;
  }

  private object(num: number): PdfObject {
    const cached = this.cache.get(num);
    if (cached !== undefined) return cached;
    if (this.pending.has(num)) fail('reference cycle');
    this.pending.add(num);
    try {
      let entry = this.entries.get(num);
      let value: PdfObject | undefined = null;
      if (entry && 'offset' in entry) {
        value = this.readObjectAt(entry.offset, num);
        if (value === undefined && !this.scanned) {
          this.rescan(); // the offset does not point at the object: the xref is off
          entry = this.entries.get(num);
          value = entry && 'offset' in entry ? this.readObjectAt(entry.offset, num) : undefined;
        }
        if (value === undefined) fail(`object ${num} not found`);
      } else if (entry) value = this.fromObjectStream(entry.stream, entry.index, num);
      this.cache.set(num, value);
      return value;
    } finally {
      this.pending.delete(num);
    }
  }

  /** The indirect object at `offset` (any number when `num` is -1); undefined when it is not there. */
  private readObjectAt(offset: number, num: number): PdfObject | undefined {
    const lex = new Lexer(this.buf, offset);
    if (lex.next() !== NUM || (num >= 0 && lex.num !== num) || lex.next() !== NUM || lex.nextWord() !== 'obj') return undefined;
    const value = parseObject(lex, lex.next());
    const back = lex.pos;
    if (!isDict(value) || lex.nextWord() !== 'stream') {
      lex.pos = back;
      return value;
    }
    // Data starts after the EOL that follows `stream`; /Length says where it ends, unless it
    // is wrong, when `endstream` does.
    let start = lex.pos;
    if (this.buf[start] === 13) start++;
    if (this.buf[start] === 10) start++;
    const length = this.resolve(value.get('Length'));
    let end = typeof length === 'number' && length >= 0 ? start + length : -1;
    if (end < 0 || end > this.buf.length || !this.endstreamAt(end)) {
      end = Buffer.from(this.buf.buffer, this.buf.byteOffset, this.buf.length).indexOf('endstream', start, 'latin1');
      if (end < 0) fail('unterminated stream');
    }
    return new Stream(value, start, end);
  }

  private endstreamAt(p: number): boolean {
    const lex = new Lexer(this.buf, p, Math.min(this.buf.length, p + 64));
    return lex.nextWord()?.startsWith('endstream') === true;
  }

  private fromObjectStream(streamNum: number, index: number, num: number): PdfObject {
    let objStm = this.objectStreams.get(streamNum);
    if (!objStm) {
      const stream = this.resolve(new Ref(streamNum));
      if (!(stream instanceof Stream) || nameOf(stream.dict.get('Type')) !== 'ObjStm') fail('not an object stream');
      const n = this.resolve(stream.dict.get('N'));
      const first = this.resolve(stream.dict.get('First'));
      if (typeof n !== 'number' || typeof first !== 'number' || n < 0) fail('bad object stream');
      const data = this.decode(stream);
      // The header: n pairs of (object number, offset from /First).
      const lex = new Lexer(data, 0, Math.min(first, data.length));
      const pairs: number[] = [];
      while (pairs.length < 2 * n && lex.next() === NUM) pairs.push(lex.num);
      objStm = { data, first, pairs };
      this.objectStreams.set(streamNum, objStm);
    }
    const { data, first, pairs } = objStm;
    let i = 2 * index;
    if (pairs[i] !== num) i = pairs.findIndex((v, k) => k % 2 === 0 && v === num); // a wrong index: look it up
    if (i < 0 || i + 1 >= pairs.length) return null;
    const lex = new Lexer(data, first + pairs[i + 1]);
    return parseObject(lex, lex.next());
  }

  /** A stream's data, inflated when it is FlateDecode'd. Any other filter is not read. */
  decode(stream: Stream): Uint8Array {
    const done = this.decoded.get(stream);
    if (done) return done;
    let data = this.buf.subarray(stream.start, stream.end);
    let filter = this.resolve(stream.dict.get('Filter'));
    let parms = this.resolve(stream.dict.get('DecodeParms') ?? stream.dict.get('DP'));
    if (Array.isArray(filter)) {
      if (filter.length > 1) fail('chained filters');
      filter = this.resolve(filter[0]);
      parms = Array.isArray(parms) ? this.resolve(parms[0]) : parms;
    }
    if (filter !== null) {
      if (nameOf(filter) !== 'FlateDecode' && nameOf(filter) !== 'Fl') fail(`filter ${nameOf(filter)}`);
      data = this.inflate(data, isDict(parms) ? parms : null);
    }
    this.decoded.set(stream, data);
    return data;
  }

  private inflate(data: Uint8Array, parms: Dict | null): Uint8Array {
    // The zlib header as pdf.js checks it; past it, raw deflate data (the checksum is not needed).
    if (data.length < 2 || (data[0] & 0x0f) !== 8 || ((data[0] << 8) | data[1]) % 31 !== 0 || data[1] & 0x20) fail('bad zlib header');
    const out = inflateSync(data.subarray(2));
    const predictor = parms ? this.resolve(parms.get('Predictor')) : null;
    if (predictor === null || predictor === 1) return out;
    if (typeof predictor !== 'number' || predictor < 10) fail('TIFF predictor');
    const int = (key: string, fallback: number) => {
      const v = this.resolve(parms!.get(key));
      return typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 1 << 16 ? v : fallback;
    };
    return unpredictPng(out, int('Colors', 1), int('BitsPerComponent', 8), int('Columns', 1));
  }

  /** The document's pages in order, each with its resources (inherited when absent). */
  pages(): { dict: Dict; resources: PdfObject }[] {
    const catalog = this.resolve(this.trailer.get('Root'));
    if (!isDict(catalog)) fail('no catalog');
    const out: { dict: Dict; resources: PdfObject }[] = [];
    const seen = new Set<Dict>();
    const visit = (ref: PdfObject, resources: PdfObject, depth: number): void => {
      const node = this.resolve(ref);
      if (!isDict(node) || seen.has(node) || depth > MAX_NESTING || seen.size > 100_000) fail('bad page tree');
      seen.add(node);
      const own = node.get('Resources');
      const inherited = own === undefined ? resources : own;
      const kids = this.resolve(node.get('Kids'));
      if (Array.isArray(kids) && nameOf(node.get('Type')) !== 'Page') for (const kid of kids) visit(kid, inherited, depth + 1);
      else out.push({ dict: node, resources: inherited });
    };
    visit(catalog.get('Pages') ?? null, null, 0);
    return out;
  }
}

/** Undoes PNG row filters (the predictors xref streams use, /Predictor 10–15). */
function unpredictPng(data: Uint8Array, colors: number, bitsPerComponent: number, columns: number): Uint8Array {
  const bpp = Math.max(1, Math.ceil((colors * bitsPerComponent) / 8));
  const rowLength = Math.ceil((colors * bitsPerComponent * columns) / 8);
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)];
    const src = r * (rowLength + 1) + 1;
    const dst = r * rowLength;
    for (let i = 0; i < rowLength; i++) {
      const left = i >= bpp ? out[dst + i - bpp] : 0;
      const up = r > 0 ? out[dst - rowLength + i] : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowLength + i - bpp] : 0;
      let base: number;
      if (type === 0) base = 0;
      else if (type === 1) base = left;
      else if (type === 2) base = up;
      else if (type === 3) base = (left + up) >> 1;
      else if (type === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        base = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      } else return fail('bad PNG row filter');
      out[dst + i] = (data[src + i] + base) & 0xff;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Content streams.

const MAX_FORM_DEPTH = 12;
const PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);

class ContentInterpreter {
  private readonly activeForms = new Set<Stream>();

  constructor(
    private readonly file: PdfFile,
    private readonly height: number,
    readonly rules: Rule[] = [],
  ) {}

  /** Interprets one content stream (a page's, or a form's) with the given CTM. */
  run(data: Uint8Array, start: Matrix, resources: PdfObject, depth: number): void {
    const lex = new Lexer(data);
    const operands: (number | string | null)[] = []; // numbers, names; null for anything else
    // The CTM stack is the stream's own: unbalanced q/Q do not leak out of a form (as in pdf.js).
    const stack: Matrix[] = [];
    let ctm = start;
    // The path under construction: finished subpath boxes (x1, y1, x2, y2, ...) in user
    // space, the open subpath's box, the current point and the subpath's start.
    const boxes: number[] = [];
    let open = false;
    let [bx1, by1, bx2, by2] = [0, 0, 0, 0];
    let [cx, cy, sx, sy] = [0, 0, 0, 0];
    const extend = (x: number, y: number) => {
      if (!open) [open, bx1, by1, bx2, by2] = [true, cx, cy, cx, cy];
      bx1 = Math.min(bx1, x);
      by1 = Math.min(by1, y);
      bx2 = Math.max(bx2, x);
      by2 = Math.max(by2, y);
    };
    const closeSubpath = () => {
      if (open) boxes.push(bx1, by1, bx2, by2);
      open = false;
    };
    /** The last n operands when they are all numbers. */
    const args = (n: number): number[] | null => {
      if (operands.length < n) return null;
      const tail = operands.slice(operands.length - n);
      return tail.every((v) => typeof v === 'number') ? (tail as number[]) : null;
    };

    for (let tok = lex.next(); tok !== EOF; tok = lex.next()) {
      if (tok === NUM) operands.push(lex.num);
      else if (tok === NAME) operands.push(lex.word);
      else if (tok === STR || tok === CLOSE_ARRAY || tok === CLOSE_DICT) operands.push(null);
      else if (tok === OPEN_ARRAY || tok === OPEN_DICT) {
        skipGroup(lex, tok);
        operands.push(null);
      } else {
        const op = lex.word;
        let a: number[] | null;
        if (op === 'q') stack.push(ctm);
        else if (op === 'Q') ctm = stack.pop() ?? ctm;
        else if (op === 'cm') {
          if ((a = args(6))) ctm = multiply(ctm, a as Matrix);
        } else if (op === 'm') {
          if ((a = args(2))) {
            closeSubpath();
            [cx, cy, sx, sy] = [a[0], a[1], a[0], a[1]];
            extend(cx, cy);
          }
        } else if (op === 'l') {
          if ((a = args(2))) {
            extend(a[0], a[1]);
            [cx, cy] = a;
          }
        } else if (op === 'c' || op === 'v' || op === 'y') {
          // A curve lies inside its control points' box: counting them keeps a kept line flat.
          if ((a = args(op === 'c' ? 6 : 4))) {
            for (let i = 0; i < a.length; i += 2) extend(a[i], a[i + 1]);
            [cx, cy] = a.slice(-2);
          }
        } else if (op === 'h') [cx, cy] = [sx, sy];
        else if (op === 're') {
          if ((a = args(4))) {
            closeSubpath();
            boxes.push(Math.min(a[0], a[0] + a[2]), Math.min(a[1], a[1] + a[3]), Math.max(a[0], a[0] + a[2]), Math.max(a[1], a[1] + a[3]));
            [cx, cy, sx, sy] = [a[0], a[1], a[0], a[1]];
          }
        } else if (PAINT.has(op)) {
          // Painted, or only used as a clip (`W n`): pdf.js's paths count either way.
          closeSubpath();
          for (let i = 0; i < boxes.length; i += 4) {
            // pdf.js keeps path bounds in a Float32Array: round alike so both readers agree.
            const [x1, y1, x2, y2] = boxes.slice(i, i + 4).map(Math.fround);
            const rule = toRule(ctm, x1, y1, x2, y2, this.height);
            if (rule) this.rules.push(rule);
          }
          boxes.length = 0;
        } else if (op === 'Do') {
          const name = operands[operands.length - 1];
          if (typeof name === 'string') this.paintForm(name, ctm, resources, depth);
        } else if (op === 'BI') skipInlineImage(lex);
        operands.length = 0;
        continue;
      }
      if (operands.length > 64) operands.splice(0, operands.length - 8); // junk: bound memory
    }
  }

  private paintForm(name: string, ctm: Matrix, resources: PdfObject, depth: number): void {
    const { file } = this;
    const res = file.resolve(resources);
    const xobjects = isDict(res) ? file.resolve(res.get('XObject')) : null;
    const form = isDict(xobjects) ? file.resolve(xobjects.get(name)) : null;
    if (!(form instanceof Stream) || nameOf(form.dict.get('Subtype')) !== 'Form') return; // an image, or missing
    if (depth >= MAX_FORM_DEPTH || this.activeForms.has(form)) fail('forms nested too deep');
    const matrix = numbers(file.resolve(form.dict.get('Matrix') ?? null), 6);
    const own = form.dict.get('Resources');
    this.activeForms.add(form);
    try {
      // pdf.js hands the form matrix over as a Float32Array: round alike.
      this.run(file.decode(form), matrix ? multiply(ctm, matrix.map(Math.fround) as Matrix) : ctm, own === undefined ? resources : own, depth + 1);
    } finally {
      this.activeForms.delete(form);
    }
  }
}

/** Past the rest of an array or dictionary whose opening token was just read. */
function skipGroup(lex: Lexer, open: number): void {
  const close = open === OPEN_ARRAY ? CLOSE_ARRAY : CLOSE_DICT;
  for (let depth = 1, t = lex.next(); t !== EOF; t = lex.next()) {
    if (t === open) depth++;
    else if (t === close && --depth === 0) return;
  }
}

const COMPONENTS: Record<string, number> = { G: 1, DeviceGray: 1, CalGray: 1, I: 1, Indexed: 1, RGB: 3, DeviceRGB: 3, CalRGB: 3, CMYK: 4, DeviceCMYK: 4 };

/**
 * Past an inline image (`BI <dict> ID <data> EI`), `BI` just read. Unfiltered data of
 * known size is skipped by its length; otherwise the data ends at the first `EI` followed
 * by white space and text (binary data rarely looks like that), as pdf.js also guesses.
 */
function skipInlineImage(lex: Lexer): void {
  const dict: Dict = new Map();
  for (let t = lex.next(); t !== EOF && !(t === WORD && lex.word === 'ID'); t = lex.next()) {
    if (t === NAME) {
      const key = lex.word;
      dict.set(key, parseObject(lex, lex.next()));
    }
  }
  const { buf, end } = lex;
  const start = lex.pos + 1; // one white-space byte after ID
  const get = (long: string, short: string) => dict.get(long) ?? dict.get(short);
  const width = get('Width', 'W');
  const height = get('Height', 'H');
  const mask = get('ImageMask', 'IM') === true;
  const space = get('ColorSpace', 'CS');
  const components = mask ? 1 : COMPONENTS[nameOf(Array.isArray(space) ? space[0] : space) ?? ''];
  const bits = mask ? 1 : get('BitsPerComponent', 'BPC');
  if (get('Filter', 'F') === undefined && typeof width === 'number' && typeof height === 'number' && typeof bits === 'number' && components) {
    const after = new Lexer(buf, start + height * Math.ceil((width * components * bits) / 8), end);
    if (after.nextWord() === 'EI') {
      lex.pos = after.pos;
      return;
    }
  }
  for (let i = start; i + 1 < end; i++) {
    if (buf[i] === 0x45 && buf[i + 1] === 0x49 && (i + 2 === end || CLASS[buf[i + 2]] === WHITE) && textFollows(buf, i + 2, end)) {
      lex.pos = i + 2;
      return;
    }
  }
  lex.pos = end; // no end found: the rest of the stream is the image's
}

function textFollows(buf: Uint8Array, from: number, end: number): boolean {
  for (let i = from; i < Math.min(end, from + 15); i++) {
    const c = buf[i];
    if (c !== 10 && c !== 13 && (c < 0x20 || c > 0x7f)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// The public face.

/**
 * Reads rules from pages' content streams. Open it once per document; both methods
 * return null (never throw) when the document or page is beyond it.
 */
export class ContentStreamRuleReader {
  private constructor(
    private readonly file: PdfFile,
    private readonly pages: { dict: Dict; resources: PdfObject }[],
  ) {}

  /**
   * Indexes the document's objects and pages. Null when it is encrypted, damaged beyond a
   * scan, or has a page count other than `expectedPages` (pdf.js's): then page numbers
   * might not match.
   */
  static open(data: Uint8Array, expectedPages?: number): ContentStreamRuleReader | null {
    try {
      const file = new PdfFile(data);
      const pages = file.pages();
      if (expectedPages !== undefined && pages.length !== expectedPages) return null;
      return new ContentStreamRuleReader(file, pages);
    } catch {
      return null;
    }
  }

  /** The rules of page `pageNumber` (from 1), y measured down from the top of a page `height` high. */
  rules(pageNumber: number, height: number): Rule[] | null {
    try {
      const page = this.pages[pageNumber - 1];
      if (!page) return null;
      const interpreter = new ContentInterpreter(this.file, height);
      interpreter.run(this.contents(page.dict.get('Contents')), IDENTITY, page.resources, 0);
      return interpreter.rules;
    } catch {
      return null;
    }
  }

  /** /Contents: one stream, or an array of them joined by newlines (they may split a token). */
  private contents(obj: PdfObject | undefined): Uint8Array {
    const value = this.file.resolve(obj);
    const parts = (Array.isArray(value) ? value.map((v) => this.file.resolve(v)) : [value]).filter((v): v is Stream => v instanceof Stream);
    if (parts.length === 1) return this.file.decode(parts[0]);
    const decoded = parts.map((s) => this.file.decode(s));
    const out = new Uint8Array(decoded.reduce((n, d) => n + d.length + 1, 0));
    let p = 0;
    for (const d of decoded) {
      out.set(d, p);
      out[p + d.length] = 10;
      p += d.length + 1;
    }
    return out;
  }
}
