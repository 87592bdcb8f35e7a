/** parseInitial2016: joint local area SEND inspection letters (2016 framework). */
import type { Block } from '../layout/index.js';
import type { Report } from '../types.js';
import { parseDateRange } from './dates.js';
import { areaFromTitle, letterDate, titleText, WSOA_NOT_REQUIRED, WSOA_REQUIRED } from './common.js';
import { enderOf, item, listItems, sections } from './sections.js';
import type { ParseContext } from './index.js';

/** "Between 3 and 7 February 2020, Ofsted and ... conducted a joint inspection". */
export function visitDates(blocks: Block[], verb: RegExp): { start: string | null; end: string | null } {
  for (const b of blocks.slice(0, 60)) {
    if (!verb.test(b.text)) continue;
    const r = parseDateRange(b.text);
    if (r) return { start: r.start, end: r.end };
  }
  return { start: null, end: null };
}

export function parseInitial2016(blocks: Block[], ctx: ParseContext, report: Report): Report {
  report.area = areaFromTitle(titleText(blocks, ctx.title));
  report.letterDate = letterDate(blocks, ctx.title);
  const d = visitDates(blocks, /\b(?:conducted|carried out|undertook) a joint inspection|\binspected the local area\b|\bjoint inspection of\b/i);
  report.inspectionStart = d.start;
  report.inspectionEnd = d.end;

  const all = blocks.map((b) => b.text).join(' ');
  const required = WSOA_REQUIRED.some((re) => re.test(all)) && !WSOA_NOT_REQUIRED.some((re) => re.test(all));
  report.outcome = required ? 'wsoa-required' : 'no-wsoa';
  report.actionPlan = required ? 'written-statement-of-action' : null;

  for (const s of sections(blocks)) {
    if (s.id === 'main-findings') report.mainFindings.push(...listItems(s.blocks, 'initial2016/main-findings'));
    else if (s.id === 'strengths') report.strengths.push(...listItems(s.blocks, 'initial2016/strengths'));
    else if (s.id === 'areas-for-development' || s.id === 'areas-for-improvement') report.weaknesses.push(...listItems(s.blocks, 'initial2016/areas-for-development'));
  }

  if (required) report.significantWeaknesses = significantWeaknesses(blocks);
  if (required && report.significantWeaknesses.length === 0) report.warnings.push('a WSoA is required but no areas of significant weakness were found');
  return report;
}

/** The list after "... tackle the following areas of significant weakness:". */
function significantWeaknesses(blocks: Block[]): Report['significantWeaknesses'] {
  const start = blocks.findIndex((b) => enderOf(b) === 'wsoa-required-list' || /areas? of significant weakness(?:es)?:?\s*$/i.test(b.text));
  if (start < 0) return [];
  const list: Block[] = [];
  for (const b of blocks.slice(start + 1)) {
    if (b.type === 'heading' || enderOf(b) === 'letter-close') break;
    list.push(b);
  }
  const bullets = listItems(list, 'initial2016/significant-weakness', { stopAtEnders: false });
  return bullets.length > 0 ? bullets : list.filter((b) => b.type === 'para').map((b) => item(b, 'initial2016/significant-weakness/paragraph'));
}
