/** Small builders for hand-made gold/predicted pairs (the texts are invented for the tests). */
import type { Item, Report } from '../../src/types.js';
import type { GoldDoc, GoldItem } from '../../src/check/gold.js';

export function goldDoc(overrides: Partial<GoldDoc> = {}): GoldDoc {
  return {
    schema: 'send-gold/1',
    goldFile: '/corpus/x/gold/doc.json',
    path: '/corpus/x/pdf/doc.pdf',
    label: 'x/pdf/doc.pdf',
    file: 'pdf/doc.pdf',
    kind: 'area-send-full-2023',
    area: 'Northmoor',
    inspectionStart: '2024-01-08',
    inspectionEnd: '2024-01-12',
    previousInspectionStart: null,
    previousInspectionEnd: null,
    letterDate: null,
    outcome: 'inconsistent',
    actionPlan: null,
    nextSteps: { monitoringWithinMonths: null, nextFullInspectionWithinYears: 3 },
    revisit: null,
    mainFindings: [],
    strengths: [],
    weaknesses: [],
    priorityActions: [],
    improvements: [],
    significantWeaknesses: [],
    ...overrides,
  };
}

/** A report that agrees with `gold` on every scalar field and has no items. */
export function reportFor(gold: GoldDoc, overrides: Partial<Report> & { furniture?: string[] } = {}): Report {
  return {
    file: gold.path,
    kind: gold.kind,
    area: gold.area,
    inspectionStart: gold.inspectionStart,
    inspectionEnd: gold.inspectionEnd,
    previousInspectionStart: gold.previousInspectionStart,
    previousInspectionEnd: gold.previousInspectionEnd,
    letterDate: gold.letterDate,
    outcome: gold.outcome,
    actionPlan: gold.actionPlan,
    nextSteps: gold.nextSteps,
    revisit: gold.revisit,
    mainFindings: [],
    strengths: [],
    weaknesses: [],
    priorityActions: [],
    improvements: [],
    significantWeaknesses: [],
    sha256: null,
    pages: 1,
    parserVersion: 'test',
    reason: null,
    warnings: [],
    ...overrides,
  };
}

/** A gold item for a text: its first 60 and last 40 characters, as the corpus tool writes them. */
export function g(text: string, extra: Partial<GoldItem> = {}): GoldItem {
  return { start: text.slice(0, 60), end: text.slice(-40), ...extra };
}

export function item(text: string, extra: Partial<Item> = {}): Item {
  return { text, page: 1, ...extra };
}

/** Invented findings, long enough that start and end do not overlap. */
export const T = {
  a: 'Leaders in Northmoor listen carefully to families and have changed how short breaks are offered as a result of what they heard.',
  b: 'Too many education, health and care plans are finished late, and annual reviews often do not lead to the plan being updated.',
  c: 'Children wait far too long for speech and language therapy, and families are not told how long the wait is likely to be.',
  d: 'School staff are well trained to spot emerging needs early, and the specialist teaching service supports them to do so.',
};
