/** Escaping for the HTML report: every string that came from a document goes through `esc`. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// C0 controls (but tab, LF, CR) and DEL are parse errors in HTML; documents may hold them.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Text safe in element content and in double- or single-quoted attribute values (HTML and inline SVG). */
export function esc(value: string | number | null | undefined): string {
  return String(value ?? '').replace(CONTROLS, '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

export { squash } from '../layout/text.js';

/** A fragment id made of [a-z0-9-] only. */
export function slugify(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'unnamed';
}
