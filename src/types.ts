/**
 * The types that flow between sendmine's pipeline stages:
 * ingest -> layout -> classify -> parse -> nlp -> analyse -> output.
 */

/** One run of text as ingest saw it, with its position on the page. */
export interface TextRun {
  text: string;
  /** Left edge, in points from the page's left (text inputs: character column * CHAR_WIDTH). */
  x: number;
  /** Right edge. */
  right: number;
  fontSize: number;
  /** True when the run is set in a bold face (PDF font name, or markdown `**`). */
  bold: boolean;
}

/** A physical line: runs sharing a baseline. */
export interface Line {
  page: number;
  /** Baseline, in points from the page's top (grows downwards). Text inputs: line index * line height. */
  y: number;
  runs: TextRun[];
  /** The runs joined with single spaces where a gap separates them. */
  text: string;
  x: number;
  right: number;
  fontSize: number;
  bold: boolean;
  /** Markdown heading level (`#`), when the input said so. */
  headingLevel?: number;
  /** Number of blank lines that stood before this one in a text input. */
  blankBefore?: number;
  /** Cells of a markdown pipe-table row. */
  tableCells?: string[];
}

/** A horizontal ruled line (table grid), y from the page top. */
export interface Rule {
  y: number;
  x1: number;
  x2: number;
}

export interface Page {
  number: number;
  width: number;
  height: number;
  lines: Line[];
  /** Horizontal rules, read only on pages that may hold a table. */
  rules?: Rule[];
}

export type SourceFormat = 'pdf' | 'text' | 'markdown';

/** What ingest hands to layout. */
export interface IngestedDocument {
  file: string;
  format: SourceFormat;
  sha256: string;
  pages: Page[];
  warnings: string[];
}

export type DocumentKind =
  | 'area-send-initial-2016'
  | 'area-send-revisit-2016'
  | 'area-send-full-2023'
  | 'area-send-monitoring-2023'
  | 'not-send-inspection';

export type Outcome =
  | 'wsoa-required'
  | 'no-wsoa'
  | 'sufficient-progress'
  | 'insufficient-progress'
  | 'positive'
  | 'inconsistent'
  | 'systemic-failings';

export type ActionPlan = 'written-statement-of-action' | 'priority-action-plan';

export type Polarity = 'strength' | 'weakness' | 'mixed' | 'neutral';

/** Where an extracted value came from: the vfile-style evidence on every item. */
export interface Evidence {
  /** Id of the layout or parse rule that produced the item. */
  rule: string;
  page: number | null;
  /** Line index within the page (0-based) the item starts on. */
  line: number | null;
}

export interface Item {
  text: string;
  page: number | null;
  evidence?: Evidence;
  /** Priority actions: the responsible body column. */
  body?: string;
  /** 2016 main findings, and (with the nlp stage) everything narrative. */
  polarity?: Polarity;
  themes?: string[];
  /** Revisit letters: whether this significant weakness was judged to be addressed. */
  progress?: 'sufficient' | 'insufficient';
  /** With --explain: the theme rules that fired and the polarity cues. */
  explain?: ItemExplanation;
}

export interface ItemExplanation {
  /**
   * Every theme rule that fired: the words it matched and the sentence of the item they
   * are in (1 = the lead). A hit set aside carries `dropped`, the reason its theme was not
   * given (a general cue giving way to a specific theme, a framed item's later sentence).
   */
  themes: { theme: string; rule: string; words: string; sentence?: number; deferred?: boolean; dropped?: string }[];
  polarity?: { sentence: string; polarity: Polarity; cues: string[] }[];
}

export interface NextSteps {
  monitoringWithinMonths: number | null;
  nextFullInspectionWithinYears: number | null;
}

export interface Revisit {
  addressed: number;
  total: number;
}

export const ITEM_LISTS = [
  'mainFindings',
  'strengths',
  'weaknesses',
  'priorityActions',
  'improvements',
  'significantWeaknesses',
] as const;
export type ItemListName = (typeof ITEM_LISTS)[number];

/** One document's record: the gold schema's fields plus provenance. */
export interface Report {
  file: string;
  kind: DocumentKind | 'error';
  area: string | null;
  inspectionStart: string | null;
  inspectionEnd: string | null;
  previousInspectionStart: string | null;
  previousInspectionEnd: string | null;
  letterDate: string | null;
  outcome: Outcome | null;
  actionPlan: ActionPlan | null;
  nextSteps: NextSteps | null;
  revisit: Revisit | null;
  mainFindings: Item[];
  strengths: Item[];
  weaknesses: Item[];
  priorityActions: Item[];
  improvements: Item[];
  significantWeaknesses: Item[];
  /** 2023 reports: each sentence of "What is it like to be a child or young person with SEND in this area?". */
  narrative: Item[];
  sha256: string | null;
  pages: number | null;
  parserVersion: string;
  /** Why a document is not a SEND inspection, or why it could not be read. */
  reason: string | null;
  warnings: string[];
}
