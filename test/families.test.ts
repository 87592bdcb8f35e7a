/**
 * Each family's parser on a short document written here, in the structure the
 * frameworks use (the sample documents in fixtures/ are the fuller examples).
 */
import { describe, expect, it } from 'vitest';
import { extractText } from './support/docs.js';

const letter2016 = (wsoa: boolean) => `
Ofsted
Piccadilly Gate

**12 June 2019**

Dear Ms Example

### **Joint local area SEND inspection in Anyshire**

Between 13 May and 17 May 2019, Ofsted and the Care Quality Commission (CQC) conducted a joint inspection of the local area of Anyshire to judge the effectiveness of the area in implementing the reforms.
${wsoa ? '\nHMCI has determined that a Written Statement of Action is required because of significant areas of weakness in the local area’s practice.\n' : ''}
## **Main findings**

- Leaders understand the area well.
- Plans for children arrive late and say little about health. However, the new team is starting to speed things up.

## **The effectiveness of the local area in identifying children and young people’s special educational needs and/or disabilities**

### **Strengths**

- Health visitors spot speech delay early.

### **Areas for development**

- Schools identify needs inconsistently across the

county, and some children wait a long time.

## **The effectiveness of the local area in improving outcomes for children and young people with special educational needs and/or disabilities**

### **Strengths**

- Young people move on to college in good numbers.

### **Areas for improvement**

- Too many pupils are excluded.
${wsoa ? `
**The inspection raises significant concerns about the effectiveness of the local area.**

The local area is required to produce and submit a Written Statement of Action to Ofsted that explains how the local area will tackle the following areas of significant weakness:

- The late and poor-quality EHC plans.
- The absence of a joint commissioning strategy.
` : ''}
Yours sincerely

A Inspector
`;

/** The head of a monitoring report with an insufficient-progress outcome: title, dates, outcome, then the areas. */
const MONITORING_HEAD = `# Area SEND monitoring inspection of Anyshire Local Area Partnership

Inspection dates: 3 to 5 March 2025

Date of previous full inspection: 8 to 12 January 2024

## Inspection outcome

The local area partnership has not made sufficient progress in addressing the areas for priority action identified at the last full inspection.

## Areas for priority action
`;

describe('parseInitial2016', () => {
  it('reads a letter that requires a Written Statement of Action', async () => {
    const r = await extractText(letter2016(true));
    expect(r).toMatchObject({ kind: 'area-send-initial-2016', area: 'Anyshire', letterDate: '2019-06-12', inspectionStart: '2019-05-13', inspectionEnd: '2019-05-17', outcome: 'wsoa-required', actionPlan: 'written-statement-of-action' });
    expect(r.mainFindings.map((i) => i.text)).toHaveLength(2);
    expect(r.strengths.map((i) => i.text)).toEqual(['Health visitors spot speech delay early.', 'Young people move on to college in good numbers.']);
    expect(r.weaknesses.map((i) => i.text)).toEqual(['Schools identify needs inconsistently across the county, and some children wait a long time.', 'Too many pupils are excluded.']);
    expect(r.significantWeaknesses.map((i) => i.text)).toEqual(['The late and poor-quality EHC plans.', 'The absence of a joint commissioning strategy.']);
  });

  it('reads the head of a letter converted without layout: the date runs into the addressee, the title into the first sentence', async () => {
    const head = [
      'Ofsted',
      'Piccadilly Gate',
      '',
      '12 June 2019',
      'Ms A Director',
      'Director of Children\u2019s Services',
      '',
      'Joint local area SEND inspection in Anyshire',
      'Between 13 May 2019 and 17 May 2019, Ofsted and the Care Quality Commission (CQC)',
      'conducted a joint inspection of the local area of Anyshire.',
    ].join('\n');
    const plain = letter2016(true).replace(/^[\s\S]*?(?=Main findings|## Main findings|### Main findings)/, `${head}\n\n`);
    const r = await extractText(plain);
    expect(r).toMatchObject({ kind: 'area-send-initial-2016', area: 'Anyshire', letterDate: '2019-06-12' });
  });

  it('reads a letter with no Written Statement of Action', async () => {
    const r = await extractText(letter2016(false));
    expect(r).toMatchObject({ kind: 'area-send-initial-2016', outcome: 'no-wsoa', actionPlan: null, significantWeaknesses: [] });
  });
});

describe('parseRevisit2016', () => {
  const revisit = (judgements: boolean[]) => `
3 March 2020

Dear Mr Example

Joint local area SEND revisit in Anyshire

Between 3 and 4 February 2020, Ofsted and the Care Quality Commission (CQC) revisited the area of Anyshire to decide whether sufficient progress has been made in addressing each of the areas of significant weakness detailed in the written statement of action (WSOA) issued on 1 August 2018.

The initial inspection took place between 14 and 18 May 2018.

Main findings

${judgements
  .map(
    (ok, i) => `Weakness number ${i + 1} about plans and services

Inspectors found changes in this area.

The area has ${ok ? '' : 'not '}made sufficient progress in addressing this significant weakness.
`,
  )
  .join('\n')}
Yours sincerely
`;

  it('counts the weaknesses addressed from the per-weakness judgements', async () => {
    const r = await extractText(revisit([true, false, true]), 'revisit.txt');
    expect(r).toMatchObject({ kind: 'area-send-revisit-2016', area: 'Anyshire', letterDate: '2020-03-03', inspectionStart: '2020-02-03', inspectionEnd: '2020-02-04', previousInspectionStart: '2018-05-14', previousInspectionEnd: '2018-05-18', outcome: 'insufficient-progress', revisit: { addressed: 2, total: 3 } });
    expect(r.significantWeaknesses.map((w) => w.progress)).toEqual(['sufficient', 'insufficient', 'sufficient']);
  });

  it('finds plain-text weaknesses that end with a full stop, after each judgement', async () => {
    const text = `Joint local area SEND revisit in Anyshire

Between 3 and 4 February 2020, Ofsted and the Care Quality Commission (CQC) revisited the area of Anyshire.

The area has not made sufficient progress in addressing any of the significant weaknesses identified at the initial inspection.

Main findings

•  The poor quality of EHC plans.

Plans are still inaccurate.

The area has not made sufficient progress in addressing this significant weakness.

•  The absence of a joint commissioning strategy.

No strategy has been agreed.

The area has not made sufficient progress in addressing this significant weakness.

Yours sincerely
`;
    const r = await extractText(text, 'revisit.txt');
    expect(r.significantWeaknesses.map((w) => [w.text, w.progress])).toEqual([
      ['The poor quality of EHC plans.', 'insufficient'],
      ['The absence of a joint commissioning strategy.', 'insufficient'],
    ]);
    expect(r).toMatchObject({ outcome: 'insufficient-progress', revisit: { addressed: 0, total: 2 } });
  });

  it('is sufficient progress when every weakness is addressed', async () => {
    const r = await extractText(revisit([true, true]), 'revisit.txt');
    expect(r).toMatchObject({ outcome: 'sufficient-progress', revisit: { addressed: 2, total: 2 } });
  });
});

describe('parseFull2023 and parseMonitoring2023 from markdown', () => {
  it('reads a full report with a priority action table', async () => {
    const r = await extractText(`# Area SEND inspection of Anyshire Local Area Partnership

Inspection dates: 8 to 12 January 2024

Dates of previous inspection: 2 to 6 October 2017

## Inspection outcome

There are widespread and/or systemic failings leading to significant concerns about the experiences and outcomes of children and young people with special educational needs and/or disabilities (SEND), which the local area partnership must address urgently.

A monitoring inspection will be carried out within approximately 18 months. The next full reinspection will be within approximately three years.

## What is the area partnership doing that is effective?

- Leaders listen to the parent carer forum.

## What does the area partnership need to do better?

- Plans are late.
- Waits for therapy are long.

## Areas for priority action

| Responsible body | Areas for priority action |
| --- | --- |
| Anyshire Council and NHS Anyshire ICB | Leaders should make plans on time. |

## Areas for improvement

Leaders should improve the local offer.
`);
    expect(r).toMatchObject({ kind: 'area-send-full-2023', area: 'Anyshire', inspectionStart: '2024-01-08', inspectionEnd: '2024-01-12', previousInspectionStart: '2017-10-02', previousInspectionEnd: '2017-10-06', outcome: 'systemic-failings', actionPlan: 'priority-action-plan', nextSteps: { monitoringWithinMonths: 18, nextFullInspectionWithinYears: 3 } });
    expect(r.strengths).toHaveLength(1);
    expect(r.weaknesses).toHaveLength(2);
    expect(r.priorityActions).toMatchObject([{ text: 'Leaders should make plans on time.', body: 'Anyshire Council and NHS Anyshire ICB' }]);
    expect(r.improvements.map((i) => i.text)).toEqual(['Leaders should improve the local offer.']);
  });

  it('finds a label whose value stands in the next block (text read in PDF order)', async () => {
    const r = await extractText(`Area SEND inspection of Anyshire Local Area Partnership

Inspection dates:

8 January 2024 to 12 January 2024

Dates of previous inspection:

2 October 2017 to 6 October 2017

Inspection outcome

The local area partnership's arrangements lead to inconsistent experiences and outcomes for children and young people with SEND.
`, 'report.txt');
    expect(r).toMatchObject({ kind: 'area-send-full-2023', inspectionStart: '2024-01-08', inspectionEnd: '2024-01-12', previousInspectionStart: '2017-10-02', outcome: 'inconsistent' });
  });

  it('reads a monitoring inspection', async () => {
    const r = await extractText(`${MONITORING_HEAD}
### Area for priority action 1: Leaders should make plans on time.

Plans are still late. The partnership has made limited progress.

### Area for priority action 2: Leaders should cut waits for therapy.

Waits are shorter. The partnership has made sufficient progress.
`);
    expect(r).toMatchObject({ kind: 'area-send-monitoring-2023', area: 'Anyshire', inspectionStart: '2025-03-03', previousInspectionStart: '2024-01-08', outcome: 'insufficient-progress', actionPlan: 'priority-action-plan' });
    expect(r.priorityActions.map((p) => [p.text, p.progress])).toEqual([
      ['Leaders should make plans on time.', 'insufficient'],
      ['Leaders should cut waits for therapy.', 'sufficient'],
    ]);
  });

  it('judges each area of a monitoring inspection that restates its areas as table rows', async () => {
    const r = await extractText(`${MONITORING_HEAD}
| Responsible body | Area for priority action |
| --- | --- |
| Anyshire Council | Leaders should make plans on time. |

Plans now arrive within 20 weeks. The local area partnership has made sufficient progress in addressing this area for priority action.

| Responsible body | Area for priority action |
| --- | --- |
| NHS Anyshire ICB | Leaders should cut waits for therapy. |

Waits have grown. The local area partnership has not made sufficient progress in addressing this area for priority action.
`);
    expect(r.priorityActions.map((p) => [p.text, p.body, p.progress])).toEqual([
      ['Leaders should make plans on time.', 'Anyshire Council', 'sufficient'],
      ['Leaders should cut waits for therapy.', 'NHS Anyshire ICB', 'insufficient'],
    ]);
  });
});

describe('parseMonitoring2023 from plain text that lost its tables', () => {
  it('reads each area under its repeated label, with the body before it and the evaluation after a run-in "Progress"', async () => {
    const r = await extractText(
      `Area SEND monitoring inspection of
Anyshire Local Area Partnership
Inspection dates:

3 to 5 March 2025

Date of previous full inspection:

8 to 12 January 2024

Monitoring inspection outcome
The local area partnership has not made sufficient progress in addressing the areas for
priority action identified at the last full inspection.

Areas for priority action
Each area is set out below with the progress made.
Responsible body
Anyshire Council and
NHS Anyshire ICB

Area for priority action
Leaders should make EHC plans on time. They should ensure that:
• plans are issued within 20 weeks
• advice from health arrives on time

Progress
Plans now arrive within 20 weeks. The local area partnership has made sufficient progress in
addressing this area for priority action.
Responsible body
NHS Anyshire ICB

Area for priority action
Leaders should cut waits for therapy.

Progress
Waits have grown. The local area partnership has not made sufficient progress in addressing
this area for priority action.

Next steps
The partnership should update its plan.
`,
      'anyshire-monitoring.txt',
    );
    expect(r.kind).toBe('area-send-monitoring-2023');
    expect(r.priorityActions.map((p) => [p.text, p.body, p.progress])).toEqual([
      ['Leaders should make EHC plans on time. They should ensure that: plans are issued within 20 weeks advice from health arrives on time', 'Anyshire Council and NHS Anyshire ICB', 'sufficient'],
      ['Leaders should cut waits for therapy.', 'NHS Anyshire ICB', 'insufficient'],
    ]);
  });
});

describe('parseMonitoring2023 from text with no blank lines (pdftotext -raw)', () => {
  it('reads an area whose table row came out as one line: label, body, area, then its evaluation', async () => {
    const r = await extractText(
      `Area SEND monitoring inspection of Anyshire Local Area Partnership
Inspection dates: 3 to 5 March 2025
Date of previous full inspection: 8 to 12 January 2024
Monitoring inspection outcome
The local area partnership has made sufficient progress in addressing the areas for priority
action identified at the last full inspection.
Areas for priority action
Responsible body Area for priority action
NHS Anyshire ICB Leaders should cut waits for therapy.
Progress
Waits are now shorter. The local area partnership has made sufficient progress in
addressing this area for priority action.
Local area partnership details
Local authority Anyshire Council
`,
      'anyshire-raw.txt',
    );
    expect(r.priorityActions.map((p) => [p.text, p.body, p.progress])).toEqual([['Leaders should cut waits for therapy.', 'NHS Anyshire ICB', 'sufficient']]);
  });
});

describe('documents that are not SEND inspections', () => {
  it('skips a news story that quotes inspection language, with a reason', async () => {
    const r = await extractText(`Council told to improve support for children with SEND

By Jo Reporter | 3 April 2019

Inspectors said a written statement of action was required after finding areas of significant weakness, according to Ofsted.
`, 'news.txt');
    expect(r.kind).toBe('not-send-inspection');
    expect(r.reason).toMatch(/article/);
  });

  it('skips a children’s services inspection', async () => {
    const r = await extractText(`Inspection of Anyshire local authority children’s services

Inspection dates: 3 to 14 March 2025

Overall effectiveness: Requires improvement to be good
`, 'ilacs.txt');
    expect(r).toMatchObject({ kind: 'not-send-inspection', area: null });
    expect(r.reason).toMatch(/children's services/);
  });
});
