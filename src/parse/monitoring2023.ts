/** parseMonitoring2023: monitoring inspections of areas with a priority action plan. */
import type { Block } from '../layout/index.js';
import { endsSentence, joinText } from '../layout/text.js';
import type { Item, Report } from '../types.js';
import { INSUFFICIENT_RE, nextSteps, reportHead, SUFFICIENT_RE } from './common.js';
import { item, rowItems, sections } from './sections.js';
import { ACTION_HEADER, BODY_HEADER, leadingBodies } from './stacked-table.js';
import type { ParseContext } from './index.js';

const APA_LABEL = /^(?:area for priority action|priority action)\s*(?:\d+|[a-z])?\s*[:.-]\s*/i;
/**
 * The framework's "Progress" sub-heading where a text tool ran it into the words around it
 * ("... specific to the child Progress The timeliness of ..."): what follows it is the
 * inspectors' evaluation, not the area.
 */
const PROGRESS_RUN_IN = /(?:^|\s)Progress\s+(?=\p{Lu})/u;

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
  if (apa) report.priorityActions = apa.blocks.some((b) => b.type === 'row') ? tableAreas(apa.blocks) : priorityAreas(withRepeatedLabels(blocks, apa));
  return report;
}

/**
 * The section's blocks with the heading repeated over each area kept in place. Layout
 * reads "Area for priority action" over every one-row table as the section's heading
 * again, and sections() folds a repeated heading into the section; where the table rows
 * were lost (plain text) that repeated label is what says the next paragraph is an area.
 */
function withRepeatedLabels(blocks: Block[], apa: { heading: Block }): Block[] {
  const start = blocks.indexOf(apa.heading);
  const out: Block[] = [];
  for (const b of blocks.slice(start + 1)) {
    if (b.type === 'heading' && b.headingId && b.headingId !== 'priority-actions') break;
    out.push(b);
  }
  return out;
}

/**
 * Each area for priority action is restated (a heading, a labelled lead, or the paragraph
 * under a repeated "Area for priority action" label), then judged. A "Responsible body"
 * paragraph before an area names its body; bullets straight after an area's lead are its
 * sub-points.
 */
function priorityAreas(blocks: Block[]): Item[] {
  const out: Item[] = [];
  let current: Item | null = null;
  // The next paragraph or bullet is an area: it follows a repeated section label.
  let underLabel = false;
  // The area is still being read: its lead or sub-points, before any evaluation.
  let open = false;
  let body: string | null = null;
  /** Opens an area from a block's text: the body read before it, any evaluation run into it. */
  const openArea = (b: Block, rule: string, raw: string): Item => {
    const [text, evaluation] = splitProgress(raw);
    const area = item(b, rule, text);
    if (body) area.body = body;
    out.push(area);
    body = null;
    underLabel = false;
    open = evaluation === null;
    if (evaluation !== null) judge(area, { ...b, text: evaluation });
    return area;
  };
  for (const b of blocks) {
    if (b.type === 'heading' && b.headingId === 'priority-actions') {
      underLabel = true;
      continue;
    }
    if (b.type === 'para' && BODY_HEADER.test(b.text)) {
      // "Responsible body <body>", or the whole row read as one line with no blank lines
      // around it: "Responsible body Area for priority action <body> <the area> ...".
      const rest = b.text.replace(BODY_HEADER, '');
      const row = ACTION_HEADER.test(rest) ? rest.replace(ACTION_HEADER, '') : null;
      body = leadingBodies(row ?? rest);
      const area = row !== null && body ? row.slice(body.length).trim() : '';
      if (area !== '') current = openArea(b, 'monitoring2023/area-in-row', area);
      continue;
    }
    const labelled = APA_LABEL.test(b.text);
    const lead = underLabel || b.type === 'heading' || labelled || (b.type === 'bullet' && !current) || (b.type === 'para' && b.bold && !endsSentence(b.text));
    if (lead) {
      const rule = underLabel ? 'monitoring2023/area-under-label' : labelled ? 'monitoring2023/labelled-area' : 'monitoring2023/area-heading';
      current = openArea(b, rule, b.text.replace(APA_LABEL, ''));
      continue;
    }
    if (!current) continue;
    if (open && b.type === 'bullet') {
      const [text, evaluation] = splitProgress(b.text);
      current.text = joinText(current.text, text);
      if (evaluation !== null) {
        open = false;
        judge(current, { ...b, text: evaluation });
      }
      continue;
    }
    open = false;
    judge(current, { ...b, text: splitProgress(b.text)[1] ?? b.text });
  }
  return out;
}

/** An area's text, and the evaluation run into it after a "Progress" sub-heading (null if none). */
function splitProgress(text: string): [string, string | null] {
  const m = PROGRESS_RUN_IN.exec(text);
  if (!m) return [text, null];
  return [text.slice(0, m.index).trim(), text.slice(m.index + m[0].length).trim()];
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
