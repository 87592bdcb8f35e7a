/** Records without their item texts: enough for counts, outcomes and themes, and far smaller. */
import type { ExtractedReport } from '../pipeline.js';
import { ITEM_LISTS, type Item } from '../types.js';

export function slimReport(r: ExtractedReport): ExtractedReport {
  const strip = (items: Item[]) => items.map(({ text: _t, evidence: _e, explain: _x, ...rest }) => ({ ...rest, text: '' }));
  const out: ExtractedReport = { ...r, narrative: [], furniture: undefined };
  for (const list of ITEM_LISTS) out[list] = strip(r[list]);
  return out;
}
