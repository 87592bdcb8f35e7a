/**
 * The responsible bodies of a priority action, as a set: "Kent County Council and NHS Kent
 * and Medway ICB" and "NHS Kent and Medway ICB and Kent County Council" are the same
 * partnership, and count as one. Where the bodies' names end is data (src/rules/bodies.json).
 */
import rules from '../rules/bodies.json' with { type: 'json' };
import { squash } from '../layout/text.js';

/** The words a body's name ends with (longest first, so "Integrated Care Board" wins over a shorter end), and what joins two names. */
export const bodyNameEnds: readonly string[] = [...rules.nameEnds].sort((a, b) => b.length - a.length);
export const bodyJoiners: readonly string[] = rules.joiners;

/** A literal string as a regex source. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ends = bodyNameEnds.map(escapeRegExp).join('|');
const joiners = [...rules.joiners].sort((a, b) => b.length - a.length).map((j) => escapeRegExp(j).replace(/ /g, '\\s*')).join('|');
// A joiner only right after a name's end; a word-start after a word-end ("ICB" not "ICBs").
const SPLIT = new RegExp(`(?<=(?:^|\\s)(?:${ends}))(?![\\w])\\s*(?:${joiners})\\s*`, 'g');

/** The bodies named, in the order written; white space normalised. */
export function splitBodies(text: string): string[] {
  return squash(text)
    .split(SPLIT)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

/** One key per set of bodies, whatever their order or spacing (case kept: names are proper nouns). */
export function partnershipKey(text: string): string {
  return [...new Set(splitBodies(text))].sort((a, b) => a.localeCompare(b, 'en')).join(' | ');
}
