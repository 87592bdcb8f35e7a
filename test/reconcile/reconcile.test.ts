import { describe, expect, it } from 'vitest';
import { reconcile, RECONCILE_SCHEMA } from '../../src/analyse/reconcile.js';
import type { OfficialRecord } from '../../src/ingest/official.js';
import { formatReconcileText, reconcileToJson } from '../../src/output/reconcile-format.js';
import { items, report } from './support.js';

const SRC = 'official.csv';

function full2023(area: string, inspectionStart: string, outcome: OfficialRecord['outcome'], priorityActions?: number, more: Partial<OfficialRecord> = {}): OfficialRecord {
  return {
    source: SRC,
    row: 2,
    framework: '2023',
    kind: 'area-send-full-2023',
    area,
    inspectionStart,
    outcome,
    priorityActionPlan: outcome === 'systemic-failings',
    ...(priorityActions === undefined ? {} : { priorityActions }),
    ...more,
  };
}

function initial2016(area: string, inspectionStart: string, significantWeaknesses: number | undefined, more: Partial<OfficialRecord> = {}): OfficialRecord {
  return {
    source: 'official.ods',
    row: 10,
    framework: '2016',
    kind: 'area-send-initial-2016',
    area,
    inspectionStart,
    wsoaRequired: significantWeaknesses !== undefined,
    ...(significantWeaknesses === undefined ? {} : { significantWeaknesses }),
    ...more,
  };
}

const positive = (area: string, inspectionStart: string | null, more = {}) =>
  report({ kind: 'area-send-full-2023', area, inspectionStart, outcome: 'positive', ...more });

describe('reconcile: matching', () => {
  it('matches areas however the report spells them, through the local authority table', () => {
    const official = [
      full2023('Telford and Wrekin', '2023-03-20', 'positive'),
      full2023('Kingston upon Hull', '2023-11-20', 'positive'),
      full2023('Bedford', '2024-11-18', 'positive'),
      full2023('Southend-on-Sea', '2023-03-06', 'positive'),
      full2023('Hackney', '2023-06-05', 'positive'),
    ];
    const reports = [
      positive('Telford & Wrekin', '2023-03-20'),
      positive('Hull', '2023-11-20'),
      positive('Bedford Borough', '2024-11-18'),
      positive('Southend on Sea', '2023-03-06'),
      positive('London Borough of Hackney', '2023-06-05'),
    ];
    const r = reconcile(reports, official);
    expect(r.counts).toMatchObject({ matched: 5, unmatchedReports: 0, unmatchedOfficial: 0, disagreements: 0 });
    expect(r.matches.map((m) => [m.area, m.officialArea, m.code])).toEqual([
      ['Telford & Wrekin', 'Telford and Wrekin', 'E06000020'],
      ['Hull', 'Kingston upon Hull', 'E06000010'],
      ['Bedford Borough', 'Bedford', 'E06000055'],
      ['Southend on Sea', 'Southend-on-Sea', 'E06000033'],
      ['London Borough of Hackney', 'Hackney', 'E09000012'],
    ]);
  });

  it('matches a row by its ONS code, including a county code from before the area became unitary', () => {
    const official = [
      initial2016('Buckinghamshire', '2022-03-07', 6, { laCode: 'E10000002' }),
      initial2016('Hull (unitary)', '2018-05-14', undefined, { laCode: 'E06000010' }),
    ];
    const reports = [
      report({ kind: 'area-send-initial-2016', area: 'Buckinghamshire Council', inspectionStart: '2022-03-07', outcome: 'wsoa-required', significantWeaknesses: items(6) }),
      report({ kind: 'area-send-initial-2016', area: 'Kingston upon Hull', inspectionStart: '2018-05-14', outcome: 'no-wsoa' }),
    ];
    const r = reconcile(reports, official);
    expect(r.counts.matched).toBe(2);
    expect(r.disagreements).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('does not match across a reorganisation: North Northamptonshire is not Northamptonshire', () => {
    const r = reconcile([positive('North Northamptonshire', '2024-01-22')], [full2023('Northamptonshire', '2024-01-22', 'positive')]);
    expect(r.counts.matched).toBe(0);
    expect(r.unmatchedReports[0].reason).toBe('no official area-send-full-2023 record for North Northamptonshire');
    expect(r.unmatchedOfficial).toHaveLength(1);
  });

  it('takes the same start date, else the nearest within 60 days; farther is no match', () => {
    const official = [full2023('Rutland', '2023-05-15', 'positive'), full2023('Rutland', '2023-08-14', 'positive', undefined, { row: 3 })];
    const same = reconcile([positive('Rutland', '2023-08-14')], official);
    expect(same.matches.map((m) => [m.row, m.daysApart])).toEqual([[3, 0]]);
    const near = reconcile([positive('Rutland', '2023-05-20')], official);
    expect(near.matches.map((m) => [m.officialStart, m.daysApart])).toEqual([['2023-05-15', 5]]);
    expect(near.unmatchedOfficial.map((u) => u.inspectionStart)).toEqual(['2023-08-14']);
    const far = reconcile([positive('Rutland', '2023-12-04')], official);
    expect(far.matches).toEqual([]);
    expect(far.unmatchedReports[0].reason).toBe('nearest official area-send-full-2023 record for Rutland starts 2023-08-14 (112 days apart; window 60)');
    expect(reconcile([positive('Rutland', '2023-12-04')], official, { windowDays: 120 }).counts.matched).toBe(1);
  });

  it('matches an undated report only to its area\'s one record of the kind', () => {
    expect(reconcile([positive('Rutland', null)], [full2023('Rutland', '2023-05-15', 'positive')]).matches[0]).toMatchObject({ daysApart: null });
    const two = reconcile([positive('Rutland', null)], [full2023('Rutland', '2023-05-15', 'positive'), full2023('Rutland', '2023-08-14', 'positive')]);
    expect(two.unmatchedReports[0].reason).toMatch(/no inspection date and 2 official area-send-full-2023 records/);
  });

  it('keeps kinds apart: a revisit letter matches the revisit, not the initial inspection', () => {
    const official: OfficialRecord[] = [
      initial2016('Wokingham', '2019-03-11', 6),
      { source: 'official.ods', row: 10, framework: '2016', kind: 'area-send-revisit-2016', area: 'Wokingham', inspectionStart: '2021-05-11', initialInspectionStart: '2019-03-11', revisitOutcome: 'some', revisit: { addressed: 5, total: 6 } },
    ];
    const revisit = report({ kind: 'area-send-revisit-2016', area: 'Wokingham', inspectionStart: '2021-05-11', outcome: 'insufficient-progress', revisit: { addressed: 5, total: 6 } });
    const r = reconcile([revisit], official);
    expect(r.matches.map((m) => m.kind)).toEqual(['area-send-revisit-2016']);
    expect(r.agreement.map((a) => [a.field, a.agree, a.compared])).toEqual([
      ['revisitOutcome', 1, 1],
      ['revisitAddressed', 1, 1],
      ['revisitTotal', 1, 1],
    ]);
    expect(r.unmatchedOfficial.map((u) => u.kind)).toEqual(['area-send-initial-2016']);
  });

  it('lists reports the official data cannot hold, and ignores non-inspections, failures and duplicates', () => {
    const reports = [
      positive('Rutland', '2023-05-15', { sha256: 'aa', file: 'a.pdf' }),
      positive('Rutland', '2023-05-15', { sha256: 'aa', file: 'copy-of-a.pdf' }),
      report({ kind: 'area-send-monitoring-2023', area: 'Rutland', inspectionStart: '2025-01-13', file: 'monitoring.pdf' }),
      report({ kind: 'not-send-inspection', file: 'ilacs.pdf', reason: 'an ILACS report' }),
      report({ kind: 'error', file: 'broken.pdf' }),
      positive('Atlantis', '2023-05-15'),
      positive('Cornwall', '2025-02-03'),
    ];
    const r = reconcile(reports, [full2023('Rutland', '2023-05-15', 'positive')]);
    expect(r.counts).toMatchObject({ reports: 7, sendReports: 3, matched: 1, ignored: 3, unmatchedReports: 3 });
    expect(r.ignored).toEqual([
      { file: 'copy-of-a.pdf', kind: 'area-send-full-2023', reason: 'same document as a.pdf' },
      { file: 'ilacs.pdf', kind: 'not-send-inspection', reason: 'an ILACS report' },
      { file: 'broken.pdf', kind: 'error', reason: 'could not be read' },
    ]);
    expect(r.unmatchedReports.map((u) => u.reason)).toEqual([
      'official outcome data has no area-send-monitoring-2023 records',
      'area "Atlantis" is not in the local authority table',
      "inspected 2025-02-03, outside the official data's area-send-full-2023 inspections (2023-05-15 to 2023-05-15)",
    ]);
  });

  it('warns about official rows it cannot place', () => {
    const r = reconcile([], [full2023('Atlantis', '2023-05-15', 'positive'), initial2016('Rutland', '2018-06-04', undefined, { laCode: 'E09000002' })]);
    expect(r.warnings).toEqual([
      'official.csv row 2: area "Atlantis" is not in the local authority table',
      'official.ods row 10: "Rutland" is Rutland (E06000017) by name but the row\'s code E09000002 is Barking and Dagenham',
    ]);
  });
});

describe('reconcile: comparing', () => {
  it('agrees field by field, reading blank and NA counts as none where no plan was required', () => {
    const official = [
      full2023('Rutland', '2023-05-15', 'positive'),
      full2023('Oxfordshire', '2023-07-17', 'systemic-failings', 5),
      initial2016('Barking and Dagenham', '2017-03-27', undefined),
      initial2016('Leicestershire', '2020-02-03', 2),
    ];
    const reports = [
      positive('Rutland', '2023-05-15'),
      report({ kind: 'area-send-full-2023', area: 'Oxfordshire', inspectionStart: '2023-07-13', outcome: 'systemic-failings', actionPlan: 'priority-action-plan', priorityActions: items(5) }),
      report({ kind: 'area-send-initial-2016', area: 'Barking and Dagenham', inspectionStart: '2017-03-27', outcome: 'no-wsoa' }),
      report({ kind: 'area-send-initial-2016', area: 'Leicestershire', inspectionStart: '2020-02-03', outcome: 'wsoa-required', actionPlan: 'written-statement-of-action', significantWeaknesses: items(2) }),
    ];
    const r = reconcile(reports, official);
    expect(r.disagreements).toEqual([]);
    expect(r.agreement.map((a) => [a.field, a.compared, a.agree])).toEqual([
      ['wsoaRequired', 2, 2],
      ['significantWeaknesses', 2, 2],
      ['outcome', 2, 2],
      ['priorityActionPlan', 2, 2],
      ['priorityActions', 2, 2],
    ]);
  });

  it('reports every disagreement with both values and where each came from', () => {
    const official = [
      full2023('Hertfordshire', '2023-07-10', 'systemic-failings', 2, { row: 8 }),
      full2023('Gateshead', '2023-05-22', 'inconsistent', undefined, { row: 5 }),
      initial2016('Leicestershire', '2020-02-03', 2, { row: 76 }),
    ];
    const reports = [
      // Extraction missed the plan and found 3 priority actions.
      report({ kind: 'area-send-full-2023', area: 'Hertfordshire', inspectionStart: '2023-07-10', outcome: 'systemic-failings', priorityActions: items(3), file: 'herts.pdf' }),
      report({ kind: 'area-send-full-2023', area: 'Gateshead', inspectionStart: '2023-05-22', outcome: null, file: 'gateshead.pdf' }),
      report({ kind: 'area-send-initial-2016', area: 'Leicestershire', inspectionStart: '2020-02-03', outcome: 'no-wsoa', significantWeaknesses: items(3), file: 'leics.md' }),
    ];
    const r = reconcile(reports, official);
    expect(r.disagreements).toEqual([
      { area: 'Hertfordshire', kind: 'area-send-full-2023', field: 'priorityActionPlan', letter: false, official: true, file: 'herts.pdf', source: SRC, row: 8 },
      { area: 'Hertfordshire', kind: 'area-send-full-2023', field: 'priorityActions', letter: 3, official: 2, file: 'herts.pdf', source: SRC, row: 8 },
      { area: 'Gateshead', kind: 'area-send-full-2023', field: 'outcome', letter: null, official: 'inconsistent', file: 'gateshead.pdf', source: SRC, row: 5 },
      { area: 'Gateshead', kind: 'area-send-full-2023', field: 'priorityActionPlan', letter: null, official: false, file: 'gateshead.pdf', source: SRC, row: 5 },
      { area: 'Leicestershire', kind: 'area-send-initial-2016', field: 'wsoaRequired', letter: false, official: true, file: 'leics.md', source: 'official.ods', row: 76 },
      { area: 'Leicestershire', kind: 'area-send-initial-2016', field: 'significantWeaknesses', letter: 3, official: 2, file: 'leics.md', source: 'official.ods', row: 76 },
    ]);
    expect(r.agreement.find((a) => a.field === 'priorityActions')).toMatchObject({ compared: 2, agree: 1, disagree: 1 });
  });

  it('compares revisit outcomes: counts when the letter gives them, all/not-all when it does not', () => {
    const revisit = (outcome: 'some' | 'none' | 'all', addressed: number, total: number): OfficialRecord => ({
      source: 'official.ods', row: 12, framework: '2016', kind: 'area-send-revisit-2016', area: 'Derby', inspectionStart: '2021-10-04', revisitOutcome: outcome, revisit: { addressed, total },
    });
    const letter = (fields: object) => report({ kind: 'area-send-revisit-2016', area: 'Derby', inspectionStart: '2021-10-04', ...fields });
    const vague = reconcile([letter({ outcome: 'insufficient-progress' })], [revisit('none', 0, 4)]);
    expect(vague.disagreements.map((d) => [d.field, d.letter, d.official])).toEqual([
      ['revisitAddressed', null, 0],
      ['revisitTotal', null, 4],
    ]);
    expect(vague.agreement[0]).toMatchObject({ field: 'revisitOutcome', agree: 1 });
    const wrong = reconcile([letter({ outcome: 'sufficient-progress', revisit: { addressed: 4, total: 4 } })], [revisit('some', 3, 4)]);
    expect(wrong.disagreements.map((d) => [d.field, d.letter, d.official])).toEqual([
      ['revisitOutcome', 'all', 'some'],
      ['revisitAddressed', 4, 3],
    ]);
  });

  it('does not compare what the official data leaves blank', () => {
    const o = full2023('Plymouth', '2023-06-26', 'systemic-failings'); // plan required, count not given
    const r = reconcile([report({ kind: 'area-send-full-2023', area: 'Plymouth', inspectionStart: '2023-06-26', outcome: 'systemic-failings', actionPlan: 'priority-action-plan', priorityActions: items(5) })], [o]);
    expect(r.matches[0].fields.map((f) => f.field)).toEqual(['outcome', 'priorityActionPlan']);
  });
});

describe('reconcile output', () => {
  const r = reconcile(
    [
      positive('Rutland', '2023-05-15'),
      report({ kind: 'area-send-full-2023', area: 'Oxfordshire', inspectionStart: '2023-07-13', outcome: 'inconsistent', file: 'oxon.pdf' }),
      positive('Bolton', '2024-06-17'),
    ],
    [full2023('Rutland', '2023-05-15', 'positive'), full2023('Oxfordshire', '2023-07-17', 'systemic-failings', 5, { row: 11 }), full2023('Cornwall', '2023-02-06', 'inconsistent', undefined, { row: 3 })],
  );

  it('prints agreement, then disagreements, then what one side lacks', () => {
    const text = formatReconcileText(r, { color: false });
    expect(text).not.toMatch(/\x1b\[/);
    const order = ['Agreement by field', 'Disagreements (3)', 'Matched on a different start date (1)', 'Reports with no official record (1)', 'Official records with no report (1)'];
    const at = order.map((h) => text.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toMatch(/\n  2023 outcome +1\/2 agree, 1 disagree\n/);
    expect(text).toContain('✗ Oxfordshire (area-send-full-2023) outcome: letter inconsistent, official systemic-failings');
    expect(text).toContain('      oxon.pdf; official.csv row 11');
    expect(text).toContain('Oxfordshire (area-send-full-2023): report 2023-07-13, official 2023-07-17 (4 days apart)');
    expect(text).toContain('Bolton (area-send-full-2023, 2024-06-17): inspected 2024-06-17, outside');
    expect(text).toContain('Cornwall (area-send-full-2023, 2023-02-06)  official.csv row 3');
    expect(formatReconcileText(r, { color: true })).toMatch(/\x1b\[/);
  });

  it('writes JSON with its schema', () => {
    const json = JSON.parse(reconcileToJson(r));
    expect(json.schema).toBe(RECONCILE_SCHEMA);
    expect(RECONCILE_SCHEMA).toBe('sendmine-reconcile/1');
    expect(Object.keys(json)[0]).toBe('schema');
    expect(json.counts).toMatchObject({ reports: 3, matched: 2, disagreements: 3, unmatchedReports: 1, unmatchedOfficial: 1 });
    expect(json.disagreements[0]).toEqual({ area: 'Oxfordshire', kind: 'area-send-full-2023', field: 'outcome', letter: 'inconsistent', official: 'systemic-failings', file: 'oxon.pdf', source: SRC, row: 11 });
  });
});
