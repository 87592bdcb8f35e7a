/**
 * Loading and validating gold answer files (`send-gold/1`, see the corpus README).
 */
import { readdir, readFile, stat, access } from 'node:fs/promises';
import path from 'node:path';
import {
  ITEM_LISTS,
  type ActionPlan,
  type DocumentKind,
  type ItemListName,
  type NextSteps,
  type Outcome,
  type Polarity,
  type Revisit,
} from '../types.js';

export const GOLD_SCHEMA = 'send-gold/1';

/** One expected item: identified by its normalised first 60 and last 40 characters. */
export interface GoldItem {
  start: string;
  end: string;
  /** 2016 main findings. */
  polarity?: Polarity;
  /** Priority actions: the responsible body. */
  body?: string;
  themes?: string[];
}

export interface GoldDoc {
  schema: typeof GOLD_SCHEMA;
  /** Absolute path of the gold JSON file itself (for error messages). */
  goldFile: string;
  /** Absolute path of the document the gold describes. */
  path: string;
  /** Short, stable name of the document for reports (relative to the folder it was found under). */
  label: string;
  /** `file` exactly as the gold file states it. */
  file: string;
  kind: DocumentKind;
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
  mainFindings: GoldItem[];
  strengths: GoldItem[];
  weaknesses: GoldItem[];
  priorityActions: GoldItem[];
  improvements: GoldItem[];
  significantWeaknesses: GoldItem[];
}

/** Thrown with every problem found, so one run shows all broken gold files at once. */
export class GoldError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid gold data:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'GoldError';
  }
}

const KINDS: readonly DocumentKind[] = [
  'area-send-initial-2016',
  'area-send-revisit-2016',
  'area-send-full-2023',
  'area-send-monitoring-2023',
  'not-send-inspection',
];
const OUTCOMES: readonly Outcome[] = [
  'wsoa-required',
  'no-wsoa',
  'sufficient-progress',
  'insufficient-progress',
  'positive',
  'inconsistent',
  'systemic-failings',
];
const ACTION_PLANS: readonly ActionPlan[] = ['written-statement-of-action', 'priority-action-plan'];
const POLARITIES: readonly Polarity[] = ['strength', 'weakness', 'mixed', 'neutral'];
const DATE_FIELDS = [
  'inspectionStart',
  'inspectionEnd',
  'previousInspectionStart',
  'previousInspectionEnd',
  'letterDate',
] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/**
 * Find every `send-gold/1` file under the given folders (or the given files), validate them and
 * resolve the documents they describe. Throws a GoldError listing every problem.
 */
export async function loadGoldDirs(dirs: string[]): Promise<GoldDoc[]> {
  const problems: string[] = [];
  const docs: GoldDoc[] = [];
  const seenGold = new Set<string>();
  const goldSchemaFiles = new Set<string>();

  for (const dir of dirs) {
    const root = path.resolve(dir);
    let info;
    try {
      info = await stat(root);
    } catch {
      problems.push(`${dir}: no such file or folder`);
      continue;
    }
    const candidates = info.isDirectory() ? await findJsonFiles(root) : [root];
    let goldHere = 0;
    for (const file of candidates) {
      // Overlapping folders name the same file twice: load it once, but count it for both.
      if (seenGold.has(file)) {
        if (goldSchemaFiles.has(file)) goldHere++;
        continue;
      }
      seenGold.add(file);
      // A JSON file under a folder called `gold`, or one named explicitly, is meant to be gold,
      // so unreadable JSON there is an error; anywhere else it is just some other file.
      const meantAsGold = !info.isDirectory() || file.split(path.sep).includes('gold');
      let data: unknown;
      try {
        data = JSON.parse(await readFile(file, 'utf8'));
      } catch (err) {
        if (meantAsGold) problems.push(`${file}: not valid JSON (${(err as Error).message})`);
        continue;
      }
      if (!isObject(data) || data.schema !== GOLD_SCHEMA) {
        if (!info.isDirectory()) problems.push(`${file}: schema is ${show(isObject(data) ? data.schema : undefined)}, expected "${GOLD_SCHEMA}"`);
        continue;
      }
      goldSchemaFiles.add(file);
      goldHere++;
      const doc = validateGold(data, file, root, problems);
      if (doc) docs.push(doc);
    }
    if (goldHere === 0 && info.isDirectory()) problems.push(`${dir}: no ${GOLD_SCHEMA} files found`);
  }

  // Every document must exist, and only one gold file may describe it.
  const byDocument = new Map<string, string>();
  for (const doc of docs) {
    const other = byDocument.get(doc.path);
    if (other) problems.push(`${doc.goldFile}: describes ${doc.path}, which ${other} also describes`);
    byDocument.set(doc.path, doc.goldFile);
    try {
      await access(doc.path);
    } catch {
      problems.push(`${doc.goldFile}: "file" ${JSON.stringify(doc.file)} does not exist (looked for ${doc.path})`);
    }
  }

  if (problems.length > 0) throw new GoldError(problems);
  // Sorted so reports and JSON output are stable whatever order the file system lists.
  return docs.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

async function findJsonFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    // Dependencies and hidden folders hold no gold and can be huge.
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await findJsonFiles(full)));
    else if (entry.isFile() && entry.name.endsWith('.json')) out.push(full);
  }
  return out.sort();
}

/**
 * Check one parsed gold file's shape; push problems (naming the file) and return the document,
 * or null when it is unusable.
 */
export function validateGold(data: Json, goldFile: string, root: string, problems: string[]): GoldDoc | null {
  const start = problems.length;
  const bad = (field: string, expected: string, value: unknown) =>
    problems.push(`${goldFile}: "${field}" should be ${expected}, got ${show(value)}`);

  const oneOf = <T extends string>(field: string, allowed: readonly T[], nullable: boolean): T | null => {
    const value = data[field];
    if (nullable && value === null) return null;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    bad(field, `${nullable ? 'null or ' : ''}one of ${allowed.join(', ')}`, value);
    return null;
  };
  const stringOrNull = (field: string, pattern?: RegExp): string | null => {
    const value = data[field];
    if (value === null) return null;
    if (typeof value === 'string' && (!pattern || pattern.test(value))) return value;
    bad(field, pattern ? 'null or a YYYY-MM-DD date' : 'null or a string', value);
    return null;
  };

  const file = data.file;
  if (typeof file !== 'string' || file.trim() === '') bad('file', 'a path relative to the gold folder\'s parent', file);
  const kind = oneOf('kind', KINDS, false);
  const area = stringOrNull('area');
  const dates = Object.fromEntries(DATE_FIELDS.map((f) => [f, stringOrNull(f, ISO_DATE)])) as Record<
    (typeof DATE_FIELDS)[number],
    string | null
  >;
  const outcome = oneOf('outcome', OUTCOMES, true);
  const actionPlan = oneOf('actionPlan', ACTION_PLANS, true);

  let nextSteps: NextSteps | null = null;
  if (data.nextSteps !== null) {
    const ns = data.nextSteps;
    const ok =
      isObject(ns) &&
      (ns.monitoringWithinMonths === null || typeof ns.monitoringWithinMonths === 'number') &&
      (ns.nextFullInspectionWithinYears === null || typeof ns.nextFullInspectionWithinYears === 'number');
    if (ok) nextSteps = { monitoringWithinMonths: ns.monitoringWithinMonths as number | null, nextFullInspectionWithinYears: ns.nextFullInspectionWithinYears as number | null };
    else bad('nextSteps', 'null or { monitoringWithinMonths, nextFullInspectionWithinYears } (numbers or null)', ns);
  }

  let revisit: Revisit | null = null;
  if (data.revisit !== null) {
    const rv = data.revisit;
    if (isObject(rv) && Number.isInteger(rv.addressed) && Number.isInteger(rv.total)) {
      revisit = { addressed: rv.addressed as number, total: rv.total as number };
    } else bad('revisit', 'null or { addressed, total } (whole numbers)', rv);
  }

  const lists = {} as Record<ItemListName, GoldItem[]>;
  for (const list of ITEM_LISTS) lists[list] = validateItems(data[list], list, goldFile, problems);

  if (problems.length > start || typeof file !== 'string' || kind === null) return null;

  // `pdf/x.pdf` in `<root>/gold/x.json` means `<root>/pdf/x.pdf`: paths are relative to the
  // gold folder's parent.
  const docPath = path.resolve(path.dirname(path.dirname(goldFile)), file);
  return {
    schema: GOLD_SCHEMA,
    goldFile,
    path: docPath,
    label: labelFor(root, docPath),
    file,
    kind,
    area,
    ...dates,
    outcome,
    actionPlan,
    nextSteps,
    revisit,
    ...lists,
  };
}

function validateItems(value: unknown, list: ItemListName, goldFile: string, problems: string[]): GoldItem[] {
  if (!Array.isArray(value)) {
    problems.push(`${goldFile}: "${list}" should be an array of items, got ${show(value)}`);
    return [];
  }
  const items: GoldItem[] = [];
  value.forEach((raw, i) => {
    const where = `${goldFile}: ${list}[${i}]`;
    if (!isObject(raw)) {
      problems.push(`${where} should be an object, got ${show(raw)}`);
      return;
    }
    const item: GoldItem = { start: '', end: '' };
    for (const key of ['start', 'end'] as const) {
      const text = raw[key];
      if (typeof text === 'string' && text.trim() !== '') item[key] = text;
      else problems.push(`${where}: "${key}" should be a non-empty string, got ${show(text)}`);
    }
    if (raw.polarity !== undefined) {
      if (typeof raw.polarity === 'string' && (POLARITIES as readonly string[]).includes(raw.polarity)) item.polarity = raw.polarity as Polarity;
      else problems.push(`${where}: "polarity" should be one of ${POLARITIES.join(', ')}, got ${show(raw.polarity)}`);
    }
    // null: the document does not name the responsible body.
    if (raw.body !== undefined && raw.body !== null) {
      if (typeof raw.body === 'string') item.body = raw.body;
      else problems.push(`${where}: "body" should be a string or null, got ${show(raw.body)}`);
    }
    if (raw.themes !== undefined) {
      if (Array.isArray(raw.themes) && raw.themes.every((t) => typeof t === 'string')) item.themes = raw.themes as string[];
      else problems.push(`${where}: "themes" should be an array of theme ids, got ${show(raw.themes)}`);
    }
    items.push(item);
  });
  return items;
}

/**
 * Name the document relative to the deepest folder it shares with the search root, so
 * `check corpus/` says `area-send-2023/pdf/x.pdf` and `check corpus/x/gold` says `pdf/x.pdf`.
 */
function labelFor(root: string, docPath: string): string {
  let base = root;
  while (path.relative(base, docPath).startsWith('..') && path.dirname(base) !== base) base = path.dirname(base);
  return path.relative(base, docPath).split(path.sep).join('/');
}
