/**
 * A 2023 report converted to text by a tool that drops the layout (pdftotext without
 * -layout, copying from a PDF viewer): the priority-action table's "Responsible body"
 * column comes out as loose paragraphs, before the actions or between them, and a bullet's
 * marker can land on a line of its own. The text below is written for this test.
 */
import { describe, expect, it } from 'vitest';
import { bodiesFor, isBodyCell, leadingBodies, mergeContinuedActions } from '../../src/parse/stacked-table.js';
import { extractText } from '../support/docs.js';

const HEAD = `Area SEND inspection of Northmoor Local Area Partnership
Inspection dates: 4 to 8 March 2024
Dates of previous inspection: 6 to 10 November 2017

Inspection outcome
There are widespread and/or systemic failings leading to significant concerns about the
experiences and outcomes of children and young people with special educational
needs and/or disabilities (SEND), which the local area partnership must address
urgently.

What is the area partnership doing that is effective?
• Health visitors check every two-year-old and pass concerns on quickly.

What does the area partnership need to do better?
• Too many families wait too long for an assessment of their child's needs.
`;

const TAIL = `
Areas for improvement
Leaders should refresh the local offer so that families can find what is available.

Local area partnership details
`;

describe('a priority-action table whose columns came out one after the other', () => {
  it('takes the body cells out of the actions and gives each action its own body, in order', async () => {
    const r = await extractText(
      HEAD +
        `
Areas for priority action
Responsible body
Northmoor Borough Council and
NHS Fenland and Marsh ICB

Northmoor Borough Council

NHS Fenland and Marsh ICB
and Northmoor Borough Council

Areas for priority action
Leaders across the partnership should make EHC plans on time. They should make sure
that:
• advice from health and social care arrives within six weeks
• annual reviews lead to prompt amendments.
Leaders should reduce exclusions of pupils with SEND.
Leaders in health should cut the waits for speech and language therapy.
` +
        TAIL,
      'northmoor.txt',
    );
    expect(r.kind).toBe('area-send-full-2023');
    expect(r.priorityActions.map((a) => a.text)).toEqual([
      'Leaders across the partnership should make EHC plans on time. They should make sure that: advice from health and social care arrives within six weeks annual reviews lead to prompt amendments.',
      'Leaders should reduce exclusions of pupils with SEND.',
      'Leaders in health should cut the waits for speech and language therapy.',
    ]);
    expect(r.priorityActions.map((a) => a.body)).toEqual([
      'Northmoor Borough Council and NHS Fenland and Marsh ICB',
      'Northmoor Borough Council',
      'NHS Fenland and Marsh ICB and Northmoor Borough Council',
    ]);
  });

  it('takes out cells read into a bullet or cut by a page break, and a lone bullet marker takes the text after it', async () => {
    const r = await extractText(
      HEAD +
        `
Areas for priority action
Responsible body
Northmoor Borough Council and NHS Fenland and Marsh Integrated Care Board

Areas for priority action
Leaders across the partnership should act quickly so that:
• plans set out the help each child will get
•

Northmoor Borough Council and NHS Fenland and Marsh Integrated Care Board

reviews take place every year.

Leaders should agree a joint plan for therapies and make sure that
Northmoor Borough Council and NHS Fenland and Marsh Integrated Care

Board
children wait no longer than 18 weeks.
` +
        TAIL,
      'northmoor.txt',
    );
    expect(r.priorityActions.map((a) => a.text)).toEqual([
      'Leaders across the partnership should act quickly so that: plans set out the help each child will get reviews take place every year.',
      'Leaders should agree a joint plan for therapies and make sure that children wait no longer than 18 weeks.',
    ]);
    expect(r.priorityActions.map((a) => a.body)).toEqual(Array(2).fill('Northmoor Borough Council and NHS Fenland and Marsh Integrated Care Board'));
  });

  it('leaves an action that starts with a body as its subject whole', async () => {
    const r = await extractText(
      HEAD +
        `
Areas for priority action
Responsible body
Northmoor Borough Council

Areas for priority action
Northmoor Borough Council should publish how it decides on specialist places.
` +
        TAIL,
      'northmoor.txt',
    );
    expect(r.priorityActions.map((a) => a.text)).toEqual(['Northmoor Borough Council should publish how it decides on specialist places.']);
    expect(r.priorityActions[0].body).toBe('Northmoor Borough Council');
  });
});

describe('body cells', () => {
  it('reads the first cell under the header, however often it repeats', () => {
    expect(leadingBodies('Halton Borough Council and NHS Cheshire and Merseyside Integrated Care Board (ICB) Halton Borough Council')).toBe(
      'Halton Borough Council and NHS Cheshire and Merseyside Integrated Care Board (ICB)',
    );
    expect(leadingBodies('the partnership')).toBeNull();
  });

  it('knows a cell from a sentence', () => {
    expect(isBodyCell('NHS Fenland and Marsh ICB and Northmoor Borough Council')).toBe(true);
    expect(isBodyCell('Leaders should reduce exclusions.')).toBe(false);
    expect(isBodyCell('the council')).toBe(false);
  });

  it('gives bodies in order when there is one cell per action, else the one body named, else none', () => {
    expect(bodiesFor(2, ['A Council', 'B ICB'])).toEqual(['A Council', 'B ICB']);
    expect(bodiesFor(3, ['A Council', 'A Council'])).toEqual(['A Council', 'A Council', 'A Council']);
    expect(bodiesFor(3, ['A Council', 'B ICB'])).toEqual([null, null, null]);
  });
});

describe('recommendation items', () => {
  it('keeps every bullet after a lead-in that ends with a colon, at any indent, and joins a paragraph that finishes a cut sentence', async () => {
    const r = await extractText(
      HEAD +
        `
Areas for improvement
Leaders should strengthen how they plan provision. This includes ensuring that:
◼ the data they use shows where the gaps are;
◼ partners hold each other to account; and
◼ new special school places open on time.
Leaders in health should improve the joint commissioning of therapy so that

that families get help within 18 weeks.

Local area partnership details
`,
      'northmoor.txt',
    );
    expect(r.improvements.map((a) => a.text)).toEqual([
      'Leaders should strengthen how they plan provision. This includes ensuring that: the data they use shows where the gaps are; partners hold each other to account; and new special school places open on time.',
      'Leaders in health should improve the joint commissioning of therapy so that that families get help within 18 weeks.',
    ]);
  });
});

describe('actions of a stacked table with no line between them', () => {
  it('ends a sub-point at a short line followed by the next action, and puts an action of several sentences back together', async () => {
    const r = await extractText(
      HEAD +
        `
Areas for priority action
Responsible body
Northmoor Borough Council and
NHS Fenland and Marsh ICB

NHS Fenland and Marsh ICB
and Northmoor Borough Council

Northmoor Borough Council

Areas for priority action
Leaders across the partnership should make EHC plans on time. Leaders should
ensure that:
• advice from health arrives within six weeks
• reviews lead to prompt amendments to plans
Leaders should cut the waits for speech and language
therapy.
Leaders should reduce the number of pupils with SEND who
are missing education.
Leaders should also agree how they will find and support
these pupils, so that this issue does not recur.
` +
        TAIL,
      'northmoor.txt',
    );
    expect(r.priorityActions.map((a) => a.text)).toEqual([
      'Leaders across the partnership should make EHC plans on time. Leaders should ensure that: advice from health arrives within six weeks reviews lead to prompt amendments to plans',
      'Leaders should cut the waits for speech and language therapy.',
      'Leaders should reduce the number of pupils with SEND who are missing education. Leaders should also agree how they will find and support these pupils, so that this issue does not recur.',
    ]);
    expect(r.priorityActions.map((a) => a.body)).toEqual(['Northmoor Borough Council and NHS Fenland and Marsh ICB', 'NHS Fenland and Marsh ICB and Northmoor Borough Council', 'Northmoor Borough Council']);
  });

  it('merges nothing when no action carries on from the one before (a body cell was lost instead)', () => {
    const it = (text: string) => ({ text, page: 1, evidence: { rule: 'r', page: 1, line: 0 } });
    const actions = [it('Leaders should make plans on time.'), it('Leaders should cut waits.'), it('Leaders should reduce exclusions.')];
    expect(mergeContinuedActions(actions, 2)).toEqual(actions);
    expect(mergeContinuedActions([it('Leaders should make plans on time.'), it('Leaders should also check them.')], 1).map((a) => a.text)).toEqual(['Leaders should make plans on time. Leaders should also check them.']);
  });
});

describe('a priority-action table read row by row with no blank lines (pdftotext -raw)', () => {
  it('reads the header row whole, then each row as its body followed by its action', async () => {
    const r = await extractText(
      // The running label and a wrapped title, as pdftotext -raw writes them, then the same head.
      `Local area partnership report\n${HEAD.replace('Northmoor Local Area Partnership', 'Northmoor Local Area\nPartnership')}`
      + `Areas for priority action
Responsible body Areas for priority action
Northmoor Borough Council and
NHS Fenland and Marsh ICB
Leaders across the partnership should make EHC plans on time.
NHS Fenland and Marsh ICB
Leaders in health should cut the waits for speech and language
therapy.
` + TAIL,
      'northmoor-raw.txt',
    );
    expect(r.area).toBe('Northmoor');
    expect(r.priorityActions.map((a) => [a.text, a.body])).toEqual([
      ['Leaders across the partnership should make EHC plans on time.', 'Northmoor Borough Council and NHS Fenland and Marsh ICB'],
      ['Leaders in health should cut the waits for speech and language therapy.', 'NHS Fenland and Marsh ICB'],
    ]);
  });
});
