/**
 * Checking the report's `data-figure` numbers against the summary's JSON, independently of
 * the renderer: a path is walked through `JSON.parse(summaryToJson(summarise(reports)))`, and
 * a share is written as the summary's text formats write it (a whole percentage, "n/a" for none).
 */
import { summarise } from '../../src/analyse/summary.js';
import { summaryToJson } from '../../src/output/summary-format.js';
import type { Report } from '../../src/types.js';

export function summaryJson(reports: Report[]): unknown {
  return JSON.parse(summaryToJson(summarise(reports)));
}

export function expectedFigure(json: unknown, path: string): string | undefined {
  let v: unknown = json;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object' || !(key in v)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  if (path.endsWith('.share')) return v === null ? 'n/a' : typeof v === 'number' ? `${Math.round(v * 100)}%` : undefined;
  return typeof v === 'number' ? String(v) : undefined;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
export const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITY[e]);

/** Every `data-figure` element of a page's HTML: its path and its text. */
export function figuresIn(html: string): { path: string; text: string }[] {
  return [...html.matchAll(/<span data-figure="([^"]*)">([^<]*)<\/span>/g)].map((m) => ({ path: unescape(m[1]), text: unescape(m[2]) }));
}
