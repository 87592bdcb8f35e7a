/** parseFull2023: Area SEND full inspection reports (2023 framework). */
import type { Block } from '../layout/index.js';
import type { Report } from '../types.js';
import { FULL_OUTCOMES, nextSteps, PAP_RE, reportHead } from './common.js';
import { item, listItems, rowItems, sections } from './sections.js';
import { bodiesFor, mergeContinuedActions, unstackBodyColumn } from './stacked-table.js';
import { sentences } from '../nlp/engine.js';
import type { ParseContext } from './index.js';

export function parseFull2023(blocks: Block[], ctx: ParseContext, report: Report): Report {
  reportHead(blocks, ctx.title, report);

  const secs = sections(blocks);
  const outcomeSec = secs.find((s) => s.id === 'inspection-outcome');
  // The outcome is stated in its own section; fall back to the opening pages.
  const outcomeText = outcomeSec ? outcomeSec.blocks.map((b) => b.text).join(' ') : blocks.slice(0, 40).map((b) => b.text).join(' ');
  const found = FULL_OUTCOMES.find((o) => o.re.test(outcomeText)) ?? FULL_OUTCOMES.find((o) => o.re.test(blocks.map((b) => b.text).join(' ')));
  report.outcome = found?.outcome ?? null;
  if (!found) report.warnings.push('no outcome statement found');
  report.actionPlan = report.outcome === 'systemic-failings' || PAP_RE.test(outcomeText) ? 'priority-action-plan' : null;
  report.nextSteps = nextSteps(outcomeText) ?? { monitoringWithinMonths: null, nextFullInspectionWithinYears: null };

  for (const s of secs) {
    if (s.id === 'effective') report.strengths.push(...listItems(s.blocks, 'full2023/effective'));
    else if (s.id === 'better') report.weaknesses.push(...listItems(s.blocks, 'full2023/better'));
    else if (s.id === 'priority-actions') {
      const { blocks, cells } = unstackBodyColumn(s.blocks);
      const actions = mergeContinuedActions(rowItems(blocks, 'full2023/priority-action'), cells.length);
      const bodies = bodiesFor(actions.length, cells);
      actions.forEach((a, i) => {
        const body = bodies[i];
        if (body && !a.body) a.body = body;
      });
      report.priorityActions.push(...actions);
    }
    else if (s.id === 'areas-for-improvement' || s.id === 'areas-for-development') report.improvements.push(...rowItems(s.blocks, 'full2023/improvement'));
    else if (s.id === 'experience') report.narrative.push(...narrativeSentences(s.blocks));
  }
  if (report.outcome === 'systemic-failings' && report.priorityActions.length === 0) report.warnings.push('systemic failings but no areas for priority action found');
  return report;
}

/** The narrative section, one item per sentence: it is not sorted into strengths and weaknesses. */
function narrativeSentences(blocks: Block[]): Report['narrative'] {
  return blocks
    .filter((b) => b.type === 'para' || b.type === 'bullet')
    .flatMap((b) => sentences(b.text).map((s) => item(b, 'full2023/narrative-sentence', s)));
}
