/** Splitting a block stream into sections by the framework's headings. */
import headingRules from '../rules/headings.json' with { type: 'json' };
import type { Block } from '../layout/index.js';
import { endsSentence, joinText } from '../layout/text.js';
import type { Item } from '../types.js';

export interface Section {
  id: string;
  heading: Block;
  blocks: Block[];
}

const ENDERS = headingRules.sectionEnders.map((e) => ({ id: e.id, re: new RegExp(e.pattern, 'i') }));

export function enderOf(b: Block): string | undefined {
  return ENDERS.find((e) => e.re.test(b.text))?.id;
}

/** Sections open at each known heading and run to the next known heading. */
export function sections(blocks: Block[]): Section[] {
  const out: Section[] = [];
  let cur: Section | null = null;
  for (const b of blocks) {
    if (b.type === 'heading' && b.headingId) {
      // The same heading twice in a row (a heading and a table's header row, or the heading
      // again over the next page or column) is one section.
      if (cur && cur.id === b.headingId) continue;
      cur = { id: b.headingId, heading: b, blocks: [] };
      out.push(cur);
    } else if (cur) {
      cur.blocks.push(b);
    }
  }
  return out;
}

export function item(b: Block, rule: string, text = b.text): Item {
  return { text, page: b.page, evidence: { rule, page: b.page, line: b.line } };
}

/**
 * The bullet items of a list section. Paragraphs that follow a bullet before any
 * section ender belong to it (a page break that left a blank line between two
 * sentences); a list with no bullets at all is a list of paragraphs.
 */
export function listItems(blocks: Block[], rule: string, opts: { stopAtEnders?: boolean } = {}): Item[] {
  const body: Block[] = [];
  for (const b of blocks) {
    if (opts.stopAtEnders !== false && enderOf(b)) break;
    if (b.type === 'heading') continue;
    body.push(b);
  }
  const hasBullets = body.some((b) => b.type === 'bullet');
  const items: Item[] = [];
  for (const b of body) {
    if (!hasBullets) {
      if (b.type === 'para' || b.type === 'row') items.push(item(b, `${rule}/paragraph`));
      continue;
    }
    if (b.type === 'bullet') {
      if (b.text !== '') items.push(item(b, `${rule}/bullet`));
    }
    else if (items.length > 0) items[items.length - 1].text = joinText(items[items.length - 1].text, b.text);
  }
  return items;
}

/**
 * Items of a recommendations table or list: each row or paragraph opens an item, and
 * bullets indented under it (or after a colon) are its sub-points.
 */
export function rowItems(blocks: Block[], rule: string): Item[] {
  // `points`: the item already holds sub-points, so the bullets that follow are more of them
  // (a lead-in ends with a colon; its second bullet follows the first, not the colon).
  const items: (Item & { x: number; points?: boolean })[] = [];
  const hasLeads = blocks.some((b) => b.type === 'para' || b.type === 'row');
  for (const b of blocks) {
    if (b.type === 'heading') continue;
    const last = items[items.length - 1];
    if (b.type === 'bullet' && last && hasLeads && (b.x > last.x + 4 || /:$/.test(last.text) || last.points)) {
      last.text = joinText(last.text, b.text);
      last.points = true;
      continue;
    }
    // A paragraph that starts in lower case finishes the previous item's sentence (cut by a page break).
    if (b.type === 'para' && last && /^\p{Ll}/u.test(b.text) && !endsSentence(last.text)) {
      last.text = joinText(last.text, b.text);
      continue;
    }
    // A row whose action cell is empty holds only the tail of the previous row's body.
    if (b.type === 'row' && b.cells && b.text === '' && last) {
      last.body = joinText(last.body ?? '', b.cells[0]);
      continue;
    }
    const it = { ...item(b, `${rule}/${b.type}`), x: b.x };
    if (b.type === 'row' && b.cells) it.body = b.cells[0];
    items.push(it);
  }
  return items.filter((it) => it.text !== '').map(({ x: _x, points: _p, ...it }) => it);
}
