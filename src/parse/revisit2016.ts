/** parseRevisit2016: revisit letters on progress against a Written Statement of Action. */
import type { Block } from '../layout/index.js';
import { endsSentence } from '../layout/text.js';
import type { Item, Report } from '../types.js';
import { areaFromTitle, INSUFFICIENT_RE, letterDate, SUFFICIENT_RE, titleText } from './common.js';
import { parseDateRange, parseNumber } from './dates.js';
import { enderOf, item } from './sections.js';
import { visitDates } from './initial2016.js';
import type { ParseContext } from './index.js';

const COUNT_RE = /sufficient progress in (?:addressing|improving|tackling) (all|each|any|none|no|\w+(?:-\w+)?) (?:of )?(?:the )?(?:(\w+(?:-\w+)?) )?(?:areas? of )?significant weakness/i;
const WEAKNESS_LABEL = /^(?:(?:area of )?significant weakness|area of (?:significant )?weakness|weakness)\s*(?:\d+|[a-z])?\s*[:.-]\s*/i;

export function parseRevisit2016(blocks: Block[], ctx: ParseContext, report: Report): Report {
  report.area = areaFromTitle(titleText(blocks, ctx.title));
  report.letterDate = letterDate(blocks, ctx.title);
  report.actionPlan = 'written-statement-of-action';
  const d = visitDates(blocks, /\brevisited\b|\brevisit (?:of|to) the\b/i);
  report.inspectionStart = d.start;
  report.inspectionEnd = d.end;
  const initial = blocks.slice(0, 60).find((b) => /\binitial inspection\b|\bprevious inspection\b/i.test(b.text) && parseDateRange(b.text.slice(b.text.search(/initial inspection|previous inspection/i))));
  if (initial) {
    const r = parseDateRange(initial.text.slice(initial.text.search(/initial inspection|previous inspection/i)));
    report.previousInspectionStart = r?.start ?? null;
    report.previousInspectionEnd = r?.end ?? null;
  }

  report.significantWeaknesses = weaknesses(blocks);
  const total = report.significantWeaknesses.length;
  const judged = report.significantWeaknesses.filter((w) => w.progress !== undefined);
  let addressed: number | null = judged.length === total && total > 0 ? judged.filter((w) => w.progress === 'sufficient').length : null;
  let stated: number | null = null;
  const all = blocks.map((b) => b.text).join(' ');
  const m = COUNT_RE.exec(all);
  if (m) {
    const what = m[1].toLowerCase();
    const of = m[2] ? parseNumber(m[2]) : null;
    const statedTotal = of ?? total;
    const negated = /not made sufficient progress/i.test(m[0]) || /\bnot\s+(?:yet\s+)?made\s*$/i.test(all.slice(Math.max(0, m.index - 20), m.index));
    stated = what === 'all' || what === 'each' ? statedTotal : what === 'any' && negated ? 0 : parseNumber(what);
    if (stated !== null) {
      if (addressed !== null && addressed !== stated) report.warnings.push(`letter says ${stated} weaknesses addressed; per-weakness judgements give ${addressed}`);
      addressed = stated;
      if (of !== null && of !== total) report.warnings.push(`letter says ${of} significant weaknesses; ${total} found`);
      report.revisit = { addressed, total: of ?? total };
    }
  }
  if (!report.revisit && addressed !== null) report.revisit = { addressed, total };
  if (report.revisit) report.outcome = report.revisit.addressed >= report.revisit.total ? 'sufficient-progress' : 'insufficient-progress';
  else {
    report.outcome = INSUFFICIENT_RE.test(all) ? 'insufficient-progress' : SUFFICIENT_RE.test(all) ? 'sufficient-progress' : null;
    report.warnings.push('no count of significant weaknesses addressed found');
  }
  return report;
}

/** A sentence that judges one weakness ("... addressing this significant weakness"). */
const JUDGEMENT = /progress in (?:addressing|improving|tackling) (?:this|the) (?:area of )?(?:significant )?weakness/i;
const SUBHEADING = /^(?:findings?|progress|evidence|what inspectors found|progress made|summary)$/i;

/**
 * The weaknesses open each part of the main findings, and each part closes with a
 * judgement on progress. A weakness is named by a heading, a bold or labelled lead
 * line ("Significant weakness 2: ..."), or, in plain text, by the first short block
 * after the previous judgement.
 */
function weaknesses(blocks: Block[]): Item[] {
  const start = blocks.findIndex((b) => b.type === 'heading' && b.headingId === 'main-findings');
  const body = blocks.slice(start >= 0 ? start + 1 : 0);
  const out: Item[] = [];
  let current: Item | null = null;
  let expectTitle = start >= 0;
  for (const b of body) {
    if (enderOf(b) === 'letter-close') break;
    if (b.type === 'heading' && b.headingId && b.headingId !== 'significant-weaknesses') break;
    if (SUBHEADING.test(b.text.replace(/[:.]$/, ''))) continue;
    const labelled = WEAKNESS_LABEL.test(b.text);
    const judged = SUFFICIENT_RE.test(b.text) || INSUFFICIENT_RE.test(b.text);
    const emphasised = (b.type === 'heading' && !b.headingId) || (b.type === 'para' && b.bold && b.text.split(' ').length <= 60);
    const lead = b.type !== 'row' && !judged && b.text.split(' ').length <= 60 && (expectTitle || (b.type === 'para' && !endsSentence(b.text)));
    if (labelled || (emphasised && !judged) || lead) {
      const rule = labelled ? 'revisit2016/labelled-weakness' : emphasised ? 'revisit2016/weakness-heading' : 'revisit2016/weakness-lead';
      current = item(b, rule, b.text.replace(WEAKNESS_LABEL, ''));
      out.push(current);
      expectTitle = false;
      continue;
    }
    if (current && current.progress === undefined && (JUDGEMENT.test(b.text) || judged)) {
      if (INSUFFICIENT_RE.test(b.text)) current.progress = 'insufficient';
      else if (SUFFICIENT_RE.test(b.text)) current.progress = 'sufficient';
    }
    if (JUDGEMENT.test(b.text)) expectTitle = true;
  }
  return out;
}
