/**
 * Detecting running page headers/footers ("page furniture") that leaked into an item's text.
 */
import patternFile from './furniture-patterns.json' with { type: 'json' };
import { normaliseForMatch } from './normalise.js';

export interface FurniturePattern {
  id: string;
  source: string;
  flags?: string;
  comment: string;
}

/** What leaked, and how it was recognised. */
export interface FurnitureHit {
  /** `furniture` when the text is one of the lines the extractor itself removed; else the pattern id. */
  via: 'furniture' | string;
  /** The matching text, normalised. */
  match: string;
}

/** Furniture lines shorter than this ("2", "Ofsted") would also match ordinary prose. */
export const MIN_FURNITURE_LENGTH = 12;

// Compiled once: a broken pattern should fail loudly at start-up, not mid-check.
const COMPILED = (patternFile.patterns as FurniturePattern[]).map((p) => {
  if (p.flags?.includes('g')) throw new Error(`furniture pattern ${p.id}: the g flag makes test() stateful`);
  return { id: p.id, regex: new RegExp(p.source, p.flags ?? '') };
});

export const FURNITURE_PATTERNS: readonly FurniturePattern[] = patternFile.patterns;

/**
 * Prepare the extractor's own furniture lines for searching: normalised, deduplicated,
 * and only those long enough to be distinctive.
 */
export function furnitureNeedles(furniture: readonly string[] | undefined): string[] {
  const out = new Set<string>();
  for (const line of furniture ?? []) {
    const needle = normaliseForMatch(line);
    if (needle.length >= MIN_FURNITURE_LENGTH) out.add(needle);
  }
  return [...out];
}

/** The first piece of page furniture found in an item's text, or null when it is clean. */
export function findFurniture(text: string, needles: readonly string[]): FurnitureHit | null {
  const normalised = normaliseForMatch(text);
  for (const needle of needles) {
    if (normalised.includes(needle)) return { via: 'furniture', match: needle };
  }
  for (const { id, regex } of COMPILED) {
    const m = regex.exec(normalised);
    if (m) return { via: id, match: m[0] };
  }
  return null;
}
