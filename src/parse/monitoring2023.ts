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
  if (blocks.some((b) => b.type === 'row')) return rowItems(blocks.filter((b) => b.type === 'row'), 'monitoring2023/priority-action');
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
    if (current && current.progress === undefined) {
      if (INSUFFICIENT_RE.test(b.text)) current.progress = 'insufficient';
      else if (SUFFICIENT_RE.test(b.text)) current.progress = 'sufficient';
    }
  }
  return out;
}
