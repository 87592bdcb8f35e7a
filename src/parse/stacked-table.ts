/**
 * A priority-action table whose two columns came out one after the other. Text tools that
 * do not keep the layout (pdftotext without -layout, copying from a PDF viewer) write the
 * "Responsible body" column as loose paragraphs: all before the actions, or between them,
 * sometimes inside a bullet, sometimes cut at a page break. The table's rows are lost, so
 * the body cells are recognised by their text: the body named after the column's header,
 * and any block made only of bodies' names (src/rules/bodies.json).
 */
import type { Block } from '../layout/index.js';
import type { Item } from '../types.js';
import rules from '../rules/bodies.json' with { type: 'json' };
import layoutRules from '../rules/layout.json' with { type: 'json' };
import { joinText, RECOMMENDATION_START, squash } from '../layout/text.js';
import { bodyNameEnds, bodyJoiners, escapeRegExp, splitBodies } from './bodies.js';

/** The body column's header ("Responsible body"), with anything read after it on its line. */
export const BODY_HEADER = /^responsible bod(?:y|ies)\b:?\s*/i;

const startsWithAny = (text: string, words: readonly string[]) => words.some((w) => text === w || text.startsWith(`${w} `) || (/^\W/.test(w) && text.startsWith(w)));

/**
 * The bodies' names at the start of a header cell's text: the shortest run that ends with a
 * name's end and is not followed by a joiner or another name's end ("Council and NHS ...",
 * "Board (ICB)"), so a cell repeated down the column is read once.
 */
export function leadingBodies(text: string): string | null {
  const s = squash(text);
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && s[i - 1] !== ' ') continue;
    const end = bodyNameEnds.find((e) => s.startsWith(e, i) && (i + e.length === s.length || s[i + e.length] === ' '));
    if (!end) continue;
    const cut = i + end.length;
    const rest = s.slice(cut).trim();
    if (rest === '' || !(startsWithAny(rest, bodyJoiners) || startsWithAny(rest, bodyNameEnds) || rest.startsWith(','))) return s.slice(0, cut);
  }
  return null;
}

/** A block that is only bodies' names (a cell of the column): every part ends as a name does, and it says nothing else. */
export function isBodyCell(text: string): boolean {
  const s = squash(text);
  if (s === '' || /[.;:!?]$/.test(s) || s.split(' ').length > 40) return false;
  const parts = splitBodies(s);
  return parts.length > 0 && parts.every((p) => /^\p{Lu}/u.test(p) && bodyNameEnds.some((e) => p === e || p.endsWith(` ${e}`)) && p.split(' ').length <= 14);
}

export interface Unstacked {
  blocks: Block[];
  /** The column's cells in the order read: one per action when the column was read whole. */
  cells: string[];
}

/**
 * The cells at the start of a text, in order: the first cell's body (whole, or the end of
 * it after a page break, which finishes a cell whose start was read earlier) or any other
 * run of bodies' names. Stops at the first word that is not a cell's.
 */
function leadingCells(text: string, first: string | null, tails: readonly string[]): { cells: string[]; rest: string } {
  const cells: string[] = [];
  // Where the text still stands after each cell taken, and whether that cell was the first body's.
  const steps: { rest: string; known: boolean }[] = [];
  let rest = text;
  while (rest !== '') {
    const whole = first !== null && startsWithWords(rest, first);
    const tail = first && !whole ? tails.find((t) => startsWithWords(rest, t) && (rest.length === t.length || startsWithWords(rest.slice(t.length).trim(), first))) : undefined;
    const cell = whole ? first : (tail ?? leadingBodies(rest));
    if (!cell || (!whole && !tail && !isBodyCell(cell))) break;
    // "Northmoor Borough Council should ...": the name is the action's subject.
    if (AFTER.has((rest.slice(cell.length).trim().split(/[\s,.;:]/)[0] ?? '').toLowerCase())) break;
    cells.push(whole || tail ? first! : cell);
    rest = rest.slice(cell.length).trim();
    steps.push({ rest, known: whole || tail !== undefined });
  }
  if (rest === '') return { cells, rest };
  // The names are followed by a recommendation of its own ("... ICB Leaders across the
  // partnership should ..."): they were the row's cell, read into the line before its action.
  if (cells.length > 0 && RECOMMENDATION_START.test(rest)) return { cells, rest };
  // Text follows: other names at its start may be an action's subject ("Kent County Council
  // should ..."), so only the first body's cells before it are taken.
  let keep = 0;
  while (keep < steps.length && steps[keep].known) keep++;
  return { cells: cells.slice(0, keep), rest: keep === 0 ? text : steps[keep - 1].rest };
}

const startsWithWords = (text: string, words: string) => text === words || text.startsWith(`${words} `);

/** The other column's header, read on the same line as "Responsible body". */
export const ACTION_HEADER = /^areas? for priority action\b\s*/i;

/** A body's name at the start of a text, when a recommendation follows it there (a row read whole, in order). */
function firstCell(text: string): string | null {
  const name = leadingBodies(text);
  return name && RECOMMENDATION_START.test(text.slice(name.length).trim()) ? name : null;
}

/** The ends of a body's name, longest first ("... Integrated Care Board", ..., "Board"). */
function tailsOf(body: string): string[] {
  const words = body.split(' ');
  return Array.from({ length: words.length - 1 }, (_, k) => words.slice(k + 1).join(' '));
}

/**
 * Takes the body column's cells out of a priority-action section whose table rows were
 * lost. Does nothing to a section that has rows or no "Responsible body" header.
 */
export function unstackBodyColumn(blocks: Block[]): Unstacked {
  if (blocks.some((b) => b.type === 'row')) return { blocks, cells: [] };
  const headerAt = blocks.findIndex((b) => BODY_HEADER.test(squash(b.text)));
  if (headerAt < 0) return { blocks, cells: [] };
  // The first cell, under the header: the body most often named again, whole or cut, inside other blocks.
  // Where the header row came out whole ("Responsible body Areas for priority action"), the
  // first cell opens the next block, in front of its action.
  const underHeader = squash(blocks[headerAt].text).replace(BODY_HEADER, '');
  const rowRead = ACTION_HEADER.test(underHeader);
  const afterHeaders = underHeader.replace(ACTION_HEADER, '').trim();
  const first = rowRead ? firstCell(afterHeaders || squash(blocks[headerAt + 1]?.text ?? '')) : leadingBodies(underHeader);
  const words = first ? first.split(' ') : [];
  const tails = first ? tailsOf(first) : [];
  const cells: string[] = [];
  const out: Block[] = [];
  // Words of the first body's name left at the end of the block before (a cell cut by a page break).
  let cutAfter = 0;
  blocks.forEach((b, i) => {
    let text = squash(i === headerAt ? b.text.replace(BODY_HEADER, '') : b.text);
    if (i === headerAt && rowRead) text = text.replace(ACTION_HEADER, '').trim();
    if (first && cutAfter > 0) {
      const tail = words.slice(cutAfter).join(' ');
      if (startsWithWords(text, tail)) {
        cells.push(first);
        text = text.slice(tail.length).trim();
      }
    }
    cutAfter = 0;
    const lead = leadingCells(text, first, tails);
    cells.push(...lead.cells);
    text = lead.rest;
    if (first) {
      text = takeInner(text, first, cells);
      const cut = trimHead(text, first);
      text = cut.text;
      cutAfter = cut.words;
    }
    // An emptied bullet keeps its place: the text that follows is its own (its marker came out on a line of its own).
    if (text !== '' || b.type === 'bullet') out.push({ ...b, text });
  });
  return { blocks: mergeEmptyBullets(out), cells };
}

const BEFORE = new Set(rules.wordsBefore);
const AFTER = new Set(rules.wordsAfter);

/** The first body read into the middle of an action (its cell sat beside that line), unless the action's sentence uses the name. */
function takeInner(text: string, body: string, cells: string[]): string {
  const re = new RegExp(`(?<=^|\\s)${escapeRegExp(body).replace(/ /g, '\\s+')}(?=\\s|$)`, 'g');
  return squash(
    text.replace(re, (m, at: number) => {
      const before = text.slice(0, at).trim().split(' ').pop() ?? '';
      const after = text.slice(at + m.length).trim().split(/[\s,.;:]/)[0] ?? '';
      if (BEFORE.has(before.toLowerCase()) || AFTER.has(after.toLowerCase()) || /^['\u2019]s\b/.test(text.slice(at + m.length))) return m;
      cells.push(body);
      return ' ';
    }),
  );
}

/** Each action's body from the column's cells: in order when there is one cell per action, else the one body named, if only one was. */
export function bodiesFor(actions: number, cells: string[]): (string | null)[] {
  if (cells.length === actions) return cells;
  const distinct = new Set(cells);
  const only = distinct.size === 1 ? cells[0] : null;
  return Array.from({ length: actions }, () => only);
}

/**
 * A cell cut at a page break leaves the start of the body's name (two words or more) as a
 * block of its own, or (three or more) at the end of an action's unfinished sentence, where
 * the next page's cell was read into it. Its end, at the start of the next block, is counted
 * as the cell.
 */
function trimHead(text: string, body: string): { text: string; words: number } {
  const words = body.split(' ');
  for (let n = words.length - 1; n >= 2; n--) {
    const head = words.slice(0, n).join(' ');
    if (text === head) return { text: '', words: n };
    if (n >= 3 && text.endsWith(` ${head}`)) return { text: text.slice(0, text.length - head.length - 1).trim(), words: n };
  }
  return { text, words: 0 };
}

/** A bullet left with no text takes the paragraph after it. */
function mergeEmptyBullets(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const next = blocks[i + 1];
    if (b.type === 'bullet' && b.text === '' && next && next.type === 'para') {
      out.push({ ...b, text: next.text });
      i++;
    } else if (b.text !== '') out.push(b);
  }
  return out;
}

const CONTINUATION = layoutRules.actionContinuation.patterns.map((p) => new RegExp(p, 'i'));

/**
 * Actions read from a table whose rows were lost, put back together where one action of
 * several sentences was read as several: while the body column has fewer cells than there
 * are actions, the action that most plainly carries on from the one before it (it says
 * "also", or points back: src/rules/layout.json actionContinuation) joins that one. Only
 * actions that carry on are merged, so a cell lost from the column merges nothing.
 */
export function mergeContinuedActions(actions: Item[], cells: number): Item[] {
  const out = [...actions];
  const score = (it: Item) => CONTINUATION.filter((re) => re.test(it.text.slice(0, 120))).length;
  while (cells > 0 && out.length > cells) {
    let best = 0;
    let at = -1;
    for (let i = 1; i < out.length; i++) {
      const s = score(out[i]);
      if (s > best) [best, at] = [s, i];
    }
    if (at < 0) break;
    const [prev, next] = [out[at - 1], out[at]];
    out.splice(at - 1, 2, { ...prev, text: joinText(prev.text, next.text), body: prev.body ?? next.body });
  }
  return out;
}
