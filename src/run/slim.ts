/** Records without their item texts: enough for counts, outcomes and themes, and far smaller. */
import type { ExtractedReport } from '../pipeline.js';
import { ITEM_LISTS, type Item } from '../types.js';
import { areaLine, isSendReport } from '../output/csv.js';

/**
 * A record reduced to its areas CSV line and what is needed around it (kind, reason,
 * warnings, the sort keys): what `areas` keeps, and far cheaper to send between threads.
 */
export function areaLineReport(r: ExtractedReport, raw: boolean): ExtractedReport {
  const out = withItems(r, () => []);
  if (isSendReport(r)) out.areaLine = { raw, line: areaLine(r, raw) };
  return out;
}

export function slimReport(r: ExtractedReport): ExtractedReport {
  return withItems(r, (items) => items.map(({ text: _t, evidence: _e, explain: _x, ...rest }) => ({ ...rest, text: '' })));
}

/** A copy of the record, no narrative or furniture, each item list passed through `lists`. */
function withItems(r: ExtractedReport, lists: (items: Item[]) => Item[]): ExtractedReport {
  const out: ExtractedReport = { ...r, narrative: [], furniture: undefined };
  for (const list of ITEM_LISTS) out[list] = lists(r[list]);
  return out;
}
