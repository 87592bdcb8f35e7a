/**
 * Layout stage: IngestedDocument -> blocks, with page furniture removed.
 */
import type { IngestedDocument } from '../types.js';
import { buildBlocks, matchHeading, resetHeadingMemo, type Block } from './blocks.js';
import { removeFurniture } from './furniture.js';
import { splitBullet } from './text.js';

export type { Block } from './blocks.js';

export interface LayoutResult {
  blocks: Block[];
  /** Running header/footer texts removed from the pages. */
  furniture: string[];
}

export function runLayout(doc: IngestedDocument): LayoutResult {
  const textual = doc.format !== 'pdf';
  resetHeadingMemo();
  // Headings and bullets are never furniture, however often a short one repeats at a page top.
  const { pages, removed } = removeFurniture(doc.pages, doc.format, (l) => !!matchHeading(l.text) || !!splitBullet(l.text, textual));
  return { blocks: buildBlocks(pages, { format: doc.format }), furniture: removed };
}
