/**
 * The shared reference corpus against Ofsted's published outcome data: every area both
 * know must agree on every field compared.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../src/analyse/reconcile.js';
import { readOfficial } from '../../src/ingest/official.js';
import { formatReconcileText } from '../../src/output/reconcile-format.js';
import { extractFile } from '../../src/pipeline.js';
import { CORPUS_DIR, CSV_2023, ODS_2016, sharedDataAvailable } from './support.js';

const run = sharedDataAvailable();

describe.runIf(run)('official outcome data as published', () => {
  it('the 2016-framework ODS reproduces the published national figures', async () => {
    const records = await readOfficial(ODS_2016);
    const initial = records.filter((r) => r.kind === 'area-send-initial-2016');
    const revisits = records.filter((r) => r.kind === 'area-send-revisit-2016');
    expect(initial).toHaveLength(149);
    expect(initial.filter((r) => r.wsoaRequired)).toHaveLength(82);
    expect(initial.reduce((n, r) => n + (r.significantWeaknesses ?? 0), 0)).toBe(436);
    expect(revisits).toHaveLength(46);
    expect(['all', 'some', 'none'].map((o) => revisits.filter((r) => r.revisitOutcome === o).length)).toEqual([20, 24, 2]);
    // Every revisit's counts add up to the weaknesses its inspection named.
    for (const v of revisits) {
      const first = initial.find((i) => i.row === v.row)!;
      expect(v.revisit?.total, v.area).toBe(first.significantWeaknesses);
    }
    expect(initial.every((r) => /^E\d{8}$/.test(r.laCode ?? ''))).toBe(true);
  });

  it('the 2023-framework MI CSV has its 16 inspections', async () => {
    const records = await readOfficial(CSV_2023);
    expect(records).toHaveLength(16);
    expect(['positive', 'inconsistent', 'systemic-failings'].map((o) => records.filter((r) => r.outcome === o).length)).toEqual([5, 6, 5]);
    expect(records.filter((r) => r.priorityActionPlan).map((r) => r.priorityActions)).toEqual([2, 2, 2, 5, 5]);
  });
});

describe.runIf(run)('the reference corpus reconciled with the official data', () => {
  it('agrees on every field for every 2023 area both know', { timeout: 240_000 }, async () => {
    const dir = join(CORPUS_DIR, 'area-send-2023', 'pdf');
    const pdfs = readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort();
    expect(pdfs).toHaveLength(35);
    const reports = [];
    for (const f of pdfs) reports.push(await extractFile(join(dir, f)));
    const result = reconcile(reports, await readOfficial(CSV_2023));
    const shared = result.matches.map((m) => m.officialArea).sort();
    console.log(`reconcile: ${shared.length} of the 35 corpus 2023 reports are among the MI's 16 inspections (${shared.join(', ')}); ${result.counts.disagreements} disagreements`);
    if (result.disagreements.length > 0) console.log(formatReconcileText(result, { color: false }));
    expect(shared).toEqual([
      'Brighton and Hove', 'Enfield', 'Gateshead', 'Hartlepool', 'Hertfordshire', 'Oxfordshire', 'Rutland', 'Southend-on-Sea', 'Telford and Wrekin',
    ]);
    expect(result.disagreements).toEqual([]);
    expect(result.agreement.map((a) => [a.field, a.compared, a.agree])).toEqual([
      ['outcome', 9, 9],
      ['priorityActionPlan', 9, 9],
      ['priorityActions', 9, 9],
    ]);
    // The rest were inspected after the MI's winter 2022-23 period; its other 7 areas are not in the corpus.
    expect(result.unmatchedReports).toHaveLength(26);
    expect(result.unmatchedReports.every((u) => /^inspected \d{4}-\d{2}-\d{2}, outside the official data's/.test(u.reason))).toBe(true);
    expect(result.unmatchedOfficial.map((u) => u.area)).toEqual(['Cornwall', 'Greenwich', 'Nottinghamshire', 'Oldham', 'Plymouth', 'Sandwell', 'Warrington']);
    // The report says "13 to 21 July 2023"; the MI gives a start of 17/07/2023.
    expect(result.matches.filter((m) => m.daysApart !== 0).map((m) => [m.officialArea, m.reportStart, m.officialStart])).toEqual([['Oxfordshire', '2023-07-13', '2023-07-17']]);
    expect(result.warnings).toEqual([]);
  });

  it('agrees with the ODS on the 2016 Leicestershire letter: WSoA required, 2 significant weaknesses', { timeout: 60_000 }, async () => {
    const dir = join(CORPUS_DIR, 'letters-2016', 'text');
    const letters = [];
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.md'))) letters.push(await extractFile(join(dir, f)));
    const result = reconcile(letters, await readOfficial(ODS_2016));
    expect(result.matches).toHaveLength(1);
    const [m] = result.matches;
    expect(m).toMatchObject({ officialArea: 'Leicestershire', code: 'E10000018', reportStart: '2020-02-03', officialStart: '2020-02-03', daysApart: 0 });
    expect(m.fields).toEqual([
      { field: 'wsoaRequired', letter: true, official: true, agree: true },
      { field: 'significantWeaknesses', letter: 2, official: 2, agree: true },
    ]);
    expect(result.disagreements).toEqual([]);
  });
});
