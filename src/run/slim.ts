/** Records without their item texts: enough for counts, outcomes and themes, and far smaller. */
import type { ExtractedReport } from '../pipeline.js';
import { ITEM_LISTS, type Item } from '../types.js';
import { areaLine, isSendReport } from '../output/csv.js';

/**
 * A record reduced to its areas CSV line and what is needed around it (kind, reason,
 * warnings, the sort keys): what `areas` keeps, and far cheaper to send between threads.
 */
export function areaLineReport(r: ExtractedReport, raw: boolean): ExtractedReport {
  const out: ExtractedReport = { ...r, narrative: [], furniture: undefined };
  for (const list of ITEM_LISTS) out[list] = [];
  if (isSendReport(r)) out.areaLine = { raw, line: areaLine(r, raw) };
  return out;
}

export function slimReport(r: ExtractedReport): ExtractedReport {
  const strip = (items: Item[]) => items.map(({ text: _t, evidence: _e, explain: _x, ...rest }) => ({ ...rest, text: '' }));
  const out: ExtractedReport = { ...r, narrative: [], furniture: undefined };
  for (const list of ITEM_LISTS) out[list] = strip(r[list]);
  return out;
}
