/**
 * Parse stage: one parser per family, each filling the one Report type.
 */
import type { Block } from '../layout/index.js';
import type { Classification } from '../classify/index.js';
import type { Report } from '../types.js';
import { parseFull2023 } from './full2023.js';
import { parseInitial2016 } from './initial2016.js';
import { parseMonitoring2023 } from './monitoring2023.js';
import { parseRevisit2016 } from './revisit2016.js';

export { emptyReport, PARSER_VERSION } from './common.js';

export interface ParseContext {
  title: Block | null;
}

export function parseReport(blocks: Block[], cls: Classification, report: Report): Report {
  report.kind = cls.kind;
  const ctx: ParseContext = { title: cls.titleBlock };
  switch (cls.kind) {
    case 'area-send-full-2023':
      return parseFull2023(blocks, ctx, report);
    case 'area-send-monitoring-2023':
      return parseMonitoring2023(blocks, ctx, report);
    case 'area-send-initial-2016':
      return parseInitial2016(blocks, ctx, report);
    case 'area-send-revisit-2016':
      return parseRevisit2016(blocks, ctx, report);
    default:
      report.reason = cls.reason;
      return report;
  }
}
