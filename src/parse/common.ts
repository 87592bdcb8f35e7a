/** Fields every family shares: area from the title, dates, outcome language. */
import outcomeRules from '../rules/outcomes.json' with { type: 'json' };
import classifyRules from '../rules/classify.json' with { type: 'json' };
import type { Block } from '../layout/index.js';
import { cleanText, joinText } from '../layout/text.js';
import type { NextSteps, Report } from '../types.js';
import { parseDateRange, parseLeadingDate, parseNumber, parseStandaloneDate } from './dates.js';

export const PARSER_VERSION = '1.2.0';

export function emptyReport(file: string): Report {
  return {
    file,
    kind: 'not-send-inspection',
    area: null,
    inspectionStart: null,
    inspectionEnd: null,
    previousInspectionStart: null,
    previousInspectionEnd: null,
    letterDate: null,
    outcome: null,
    actionPlan: null,
    nextSteps: null,
    revisit: null,
    mainFindings: [],
    strengths: [],
    weaknesses: [],
    priorityActions: [],
    improvements: [],
    significantWeaknesses: [],
    narrative: [],
    sha256: null,
    pages: null,
    parserVersion: PARSER_VERSION,
    reason: null,
    warnings: [],
  };
}

/** The end of a title that ran into the next sentence (src/rules/classify.json titleTails). */
const TITLE_TAILS = classifyRules.titleTails.patterns.map((p) => new RegExp(p, 'i'));

/** The area named by a title such as "Area SEND inspection of X Local Area Partnership". */
export function areaFromTitle(title: string): string | null {
  let t = cleanText(title);
  for (const re of TITLE_TAILS) t = t.replace(re, '');
  const m =
    /\b(?:inspection|revisit) (?:in|of)\s+(?:the\s+)?(.+?)(?:\s+local area partnership\b.*|\s+local area\b.*)?$/i.exec(t);
  if (!m) return null;
  const area = m[1].replace(/[.:,]+$/, '').trim();
  return area === '' ? null : area;
}

/** The title may be cut over several blocks: join the first few from the title block on. */
export function titleText(blocks: Block[], title: Block | null): string {
  if (!title) return '';
  const i = blocks.indexOf(title);
  let text = title.text;
  // A following heading in the same style that carries no framework id is the title's tail.
  for (let k = i + 1; k < Math.min(blocks.length, i + 3); k++) {
    const b = blocks[k];
    if (b.type !== 'heading' || b.headingId || Math.abs(b.fontSize - title.fontSize) > 1 || /^(?:inspection dates?|dates? of)/i.test(b.text)) break;
    text = joinText(text, b.text);
  }
  return text;
}

export function findLabelled(blocks: Block[], label: RegExp): { block: Block; rest: string } | null {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const m = label.exec(b.text);
    if (!m) continue;
    const rest = b.text.slice(m.index + m[0].length);
    // "Inspection dates:" alone, with its value in the next block (text read in PDF order).
    if (rest.trim() === '' && blocks[i + 1]) return { block: b, rest: blocks[i + 1].text };
    return { block: b, rest };
  }
  return null;
}

export function inspectionDates(blocks: Block[]): { start: string | null; end: string | null } {
  const f = findLabelled(blocks.slice(0, 40), /\binspection dates?\s*:?\s*/i);
  const r = f ? parseDateRange(f.rest) : null;
  return { start: r?.start ?? null, end: r?.end ?? null };
}

export function previousDates(blocks: Block[]): { start: string | null; end: string | null } {
  const f = findLabelled(blocks.slice(0, 40), /\bdates? of (?:the )?previous (?:full |area send )?inspection\s*:?\s*/i);
  if (!f) return { start: null, end: null };
  // Only the first sentence speaks of the full inspection; a revisit may follow.
  const r = parseDateRange(f.rest.split(/(?<=\.)\s+(?=[A-Z])/)[0]) ?? parseDateRange(f.rest);
  return { start: r?.start ?? null, end: r?.end ?? null };
}

/** The date printed at the head of a letter: the first block that is only a date. */
export function letterDate(blocks: Block[], before: Block | null): string | null {
  const stop = before ? blocks.indexOf(before) : 30;
  const head = blocks.slice(0, stop >= 0 ? stop : 30);
  for (const b of head) {
    const d = parseStandaloneDate(b.text);
    if (d) return d;
  }
  // Text without layout runs the date into the addressee ("24 April 2019 Mr J Smith
  // Director of ..."): a block before the title that opens with a whole date.
  for (const b of head) {
    const d = parseLeadingDate(b.text);
    if (d) return d;
  }
  return null;
}

const MONITORING_RE = new RegExp(outcomeRules.monitoringMonths, 'i');
const NEXT_FULL_RE = new RegExp(outcomeRules.nextFullYears, 'i');

export function nextSteps(text: string): NextSteps | null {
  const mon = MONITORING_RE.exec(text);
  const full = NEXT_FULL_RE.exec(text);
  if (!mon && !full) return null;
  return {
    monitoringWithinMonths: mon ? parseNumber(mon[1]) : null,
    nextFullInspectionWithinYears: full ? parseNumber(full[1]) : null,
  };
}

export const WSOA_REQUIRED = outcomeRules.wsoaRequired.map((p) => new RegExp(p, 'i'));
export const WSOA_NOT_REQUIRED = outcomeRules.wsoaNotRequired.map((p) => new RegExp(p, 'i'));
export const PAP_RE = new RegExp(outcomeRules.priorityActionPlan, 'i');
export const SUFFICIENT_RE = new RegExp(outcomeRules.progressSufficient, 'i');
export const INSUFFICIENT_RE = new RegExp(outcomeRules.progressInsufficient, 'i');
export const FULL_OUTCOMES = outcomeRules.full2023.map((o) => ({ outcome: o.outcome as 'positive' | 'inconsistent' | 'systemic-failings', re: new RegExp(o.pattern, 'i') }));

/** Title, inspection dates and previous inspection: the head of every 2023-framework report. */
export function reportHead(blocks: Block[], title: Block | null, report: Report): void {
  report.area = areaFromTitle(titleText(blocks, title));
  const dates = inspectionDates(blocks);
  report.inspectionStart = dates.start;
  report.inspectionEnd = dates.end;
  const prev = previousDates(blocks);
  report.previousInspectionStart = prev.start;
  report.previousInspectionEnd = prev.end;
}
