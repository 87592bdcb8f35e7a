/** parseMonitoring2023: monitoring inspections of areas with a priority action plan. */
import type { Block } from '../layout/index.js';
import { endsSentence } from '../layout/text.js';
import type { Item, Report } from '../types.js';
import { INSUFFICIENT_RE, nextSteps, reportHead, SUFFICIENT_RE } from './common.js';
import { item, rowItems, sections } from './sections.js';
import type { ParseContext } from './index.js';

const APA_LABEL = /^(?:area for priority action|priority action)\s*(?:\d+|[a-z])?\s*[:.-]\s*/i;

export function parseMonitoring2023(blocks: Block[], ctx: ParseContext, report: Report): Report {
  reportHead(blocks, ctx.title, report);
  report.actionPlan = 'priority-action-plan';

  const secs = sections(blocks);
  const outcomeSec = secs.find((s) => s.id === 'inspection-outcome');
  const outcomeText = (outcomeSec ? outcomeSec.blocks : blocks.slice(0, 30)).map((b) => b.text).join(' ');
  report.outcome = INSUFFICIENT_RE.test(outcomeText) ? 'insufficient-progress' : SUFFICIENT_RE.test(outcomeText) ? 'sufficient-progress' : null;
  if (!report.outcome) report.warnings.push('no statement of progress found');
  report.nextSteps = nextSteps(blocks.map((b) => b.text).join(' '));

  const apa = secs.find((s) => s.id === 'priority-actions');
  if (apa) report.priorityActions = priorityAreas(apa.blocks);
  return report;
}

/** Each area for priority action is restated (a heading, a labelled lead or a table row), then judged. */
function priorityAreas(blocks: Block[]): Item[] {
  if (blocks.some((b) => b.type === 'row')) return tableAreas(blocks);
  const out: Item[] = [];
  let current: Item | null = null;
  for (const b of blocks) {
    const labelled = APA_LABEL.test(b.text);
    const lead = b.type === 'heading' || labelled || (b.type === 'bullet' && !current) || (b.type === 'para' && b.bold && !endsSentence(b.text));
    if (lead) {
      current = item(b, labelled ? 'monitoring2023/labelled-area' : 'monitoring2023/area-heading', b.text.replace(APA_LABEL, ''));
      out.push(current);
      continue;
    }
    if (current) judge(current, b);
  }
  return out;
}

/** The progress statement in the text that follows an area, if it has none yet. */
function judge(area: Item, b: Block): void {
  if (area.progress !== undefined) return;
  if (INSUFFICIENT_RE.test(b.text)) area.progress = 'insufficient';
  else if (SUFFICIENT_RE.test(b.text)) area.progress = 'sufficient';
}

/**
 * Areas restated as table rows, each followed by its evaluation. rowItems makes one item
 * per row with an action (a row without one carries on the row above), so the n-th such
 * row is the n-th item, and the text after it judges that item.
 */
function tableAreas(blocks: Block[]): Item[] {
  const areas = rowItems(blocks.filter((b) => b.type === 'row'), 'monitoring2023/priority-action');
  let n = -1;
  for (const b of blocks) {
    if (b.type === 'row' && b.text !== '') n++;
    else if (b.type !== 'row' && n >= 0 && areas[n]) judge(areas[n], b);
  }
  return areas;
}
