import { describe, expect, it } from 'vitest';
import { crossFramework, daysBetween, timeline } from '../../src/analyse/timeline.js';
import { emptyReport } from '../../src/parse/common.js';
import { timelineCsv, timelineTable } from '../../src/output/timeline-format.js';
import type { Report } from '../../src/types.js';

const doc = (over: Partial<Report>): Report => ({ ...emptyReport(`${over.area}-${over.kind}.md`), ...over });
const item = (text: string) => ({ text, page: 1 });

const reports: Report[] = [
  doc({ kind: 'area-send-initial-2016', area: 'Telford & Wrekin', inspectionStart: '2017-05-22', outcome: 'wsoa-required', significantWeaknesses: [item('a'), item('b')] }),
  doc({ kind: 'area-send-revisit-2016', area: 'Telford and Wrekin', inspectionStart: '2019-06-03', outcome: 'insufficient-progress', revisit: { addressed: 1, total: 2 } }),
  doc({ kind: 'area-send-full-2023', area: 'Telford and Wrekin', inspectionStart: '2023-03-20', outcome: 'systemic-failings', priorityActions: [item('x')] }),
  doc({ kind: 'area-send-monitoring-2023', area: 'Telford and Wrekin', inspectionStart: '2024-09-16', outcome: 'sufficient-progress' }),
  doc({ kind: 'area-send-initial-2016', area: 'Hull', inspectionStart: '2019-10-15', outcome: 'no-wsoa' }),
  doc({ kind: 'area-send-full-2023', area: 'Kingston upon Hull', inspectionStart: '2023-11-20', outcome: 'inconsistent' }),
  doc({ kind: 'not-send-inspection', area: null }),
];

describe('timeline', () => {
  it('puts one area’s inspections on one row, whatever the spelling', () => {
    const rows = timeline(reports);
    expect(rows.map((r) => r.area)).toEqual(['Kingston upon Hull', 'Telford and Wrekin']);
    expect(rows[1]).toMatchObject({
      initial_outcome: 'wsoa-required',
      initial_significant_weaknesses: 2,
      revisit_addressed: 1,
      revisit_total: 2,
      full_outcome: 'systemic-failings',
      full_priority_actions: 1,
      monitoring_outcome: 'sufficient-progress',
      days_initial_to_revisit: daysBetween('2017-05-22', '2019-06-03'),
      days_to_full: daysBetween('2019-06-03', '2023-03-20'),
      days_full_to_monitoring: 546,
    });
  });

  it('filters by area name', () => {
    expect(timeline(reports, { area: 'hull' }).map((r) => r.area)).toEqual(['Kingston upon Hull']);
  });

  it('says what became of the areas that needed a WSoA', () => {
    expect(crossFramework(timeline(reports))).toEqual({
      wsoa: { positive: 0, inconsistent: 0, 'systemic-failings': 1, 'not-yet': 0 },
      noWsoa: { positive: 0, inconsistent: 1, 'systemic-failings': 0, 'not-yet': 0 },
    });
  });

  it('formats as CSV and as a table', () => {
    const rows = timeline(reports);
    expect(timelineCsv(rows).split('\n')[0]).toMatch(/^area,code,region,initial_date/);
    expect(timelineTable(rows)).toMatch(/Telford and Wrekin\s+2017-05-22 WSoA \(2 SW\)\s+2019-06-03 insufficient \(1\/2\)/);
  });
});
