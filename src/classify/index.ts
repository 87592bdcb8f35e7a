/**
 * Classify stage: which document family a block stream belongs to, and why.
 */
import rules from '../rules/classify.json' with { type: 'json' };
import type { Block } from '../layout/index.js';
import { cleanText } from '../layout/text.js';
import type { DocumentKind } from '../types.js';

export interface Classification {
  kind: DocumentKind;
  /** Rule id that decided it. */
  rule: string;
  /** For not-send documents: why. */
  reason: string | null;
  /** The block holding the title, when one was found. */
  titleBlock: Block | null;
}

const FAMILIES = rules.families.map((f) => ({
  kind: f.kind as DocumentKind,
  titles: f.titles.map((t) => new RegExp(t, 'i')),
  sections: f.sections,
}));
const TITLE_LEADS = rules.titleLeads.patterns.map((p) => new RegExp(p, 'i'));
const withoutLead = (text: string) => TITLE_LEADS.reduce((t, re) => t.replace(re, ''), text);
const NEGATIVES = rules.negativeReasons.map((n) => ({ ...n, re: new RegExp(n.pattern, 'im') }));

export function classify(blocks: Block[]): Classification {
  const head = blocks.slice(0, rules.titleSearchBlocks).map((b) => ({ b, text: withoutLead(cleanText(b.text)) }));
  for (const f of FAMILIES) {
    for (const { b, text } of head) {
      if (f.titles.some((re) => re.test(text))) return { kind: f.kind, rule: `title:${f.kind}`, reason: null, titleBlock: b };
    }
  }
  // No title: a document with the framework's sections is still that family.
  const ids = new Set(blocks.filter((b) => b.type === 'heading' && b.headingId).map((b) => b.headingId));
  for (const f of FAMILIES) {
    if (f.sections.some((need) => need.every((id) => ids.has(id)))) return { kind: f.kind, rule: `sections:${f.kind}`, reason: null, titleBlock: null };
  }
  const sample = blocks
    .slice(0, 60)
    .map((b) => b.text)
    .join('\n');
  const neg = NEGATIVES.find((n) => n.re.test(sample));
  return { kind: 'not-send-inspection', rule: neg ? `negative:${neg.id}` : 'negative:default', reason: neg ? neg.reason : rules.defaultReason, titleBlock: null };
}
