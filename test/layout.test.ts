import { describe, expect, it } from 'vitest';
import { removeFurniture, isPageNumberLine } from '../src/layout/furniture.js';
import { readTextPages } from '../src/ingest/text.js';
import { splitBullet, joinText, cleanText } from '../src/layout/text.js';
import { layoutText } from './support/docs.js';

describe('RunningHeaderFilter', () => {
  it('drops a running header and "Page N of M" footers from text pages, keeps the content', () => {
    const page = (n: number, body: string) => `Joint local area SEND inspection in Anyshire\n\n${body}\n\nPage ${n} of 3`;
    const pages = readTextPages([page(1, 'First page text.'), page(2, 'Second page text.'), page(3, 'Third.')].join('\f'), false);
    const { pages: out, removed } = removeFurniture(pages, 'text');
    expect(out.flatMap((p) => p.lines.map((l) => l.text))).toEqual(['First page text.', 'Second page text.', 'Third.']);
    expect(removed).toContain('Joint local area SEND inspection in Anyshire');
  });

  it('knows page-number lines', () => {
    expect(isPageNumberLine('Page 3 of 12')).toBe(true);
    expect(isPageNumberLine('- 4 -')).toBe(true);
    expect(isPageNumberLine('14 children')).toBe(false);
  });
});

describe('bullets and continuations', () => {
  it('recognises bullet glyphs, private-use glyphs and text markers', () => {
    expect(splitBullet('• Leaders listen', false)).toEqual({ marker: '•', rest: 'Leaders listen' });
    expect(splitBullet('\uf0a7 Leaders listen', false)?.rest).toBe('Leaders listen');
    expect(splitBullet('* Leaders listen', true)?.rest).toBe('Leaders listen');
    expect(splitBullet('* Leaders listen', false)).toBeNull();
    expect(splitBullet('Leaders listen', true)).toBeNull();
  });

  it('joins a compound broken at its hyphen without a space', () => {
    expect(joinText('a well-', 'coordinated offer')).toBe('a well-coordinated offer');
    expect(joinText('the plans', 'are late')).toBe('the plans are late');
  });

  it('cleans ligatures, curly quotes and dashes', () => {
    expect(cleanText('ﬁnal “plans” – parents’  views')).toBe('final "plans" - parents\' views');
  });

  it('keeps a markdown bullet whole across a page break, lower-case or not', async () => {
    const { blocks } = await layoutText(
      ['## Strengths', '', '- Therapists see children quickly. Waiting lists are', '', 'short across the county.', '- Families value the short breaks on offer.', '', 'They say the booking is simple.', '', '### Areas for development', '', '- Plans arrive late.'].join('\n'),
    );
    const bullets = blocks.filter((b) => b.type === 'bullet').map((b) => b.text);
    expect(bullets[0]).toBe('Therapists see children quickly. Waiting lists are short across the county.');
    expect(bullets[2]).toBe('Plans arrive late.');
  });

  it('ends an indented bullet at a line that starts left of its marker, even when the bullet stops mid-sentence', async () => {
    const { blocks } = await layoutText('The ICB should make therapy fair. It should:\n   • publish the offer in each district\n   • check that therapy in plans is delivered\nLeaders should refresh the local offer.\n', 'doc.txt');
    expect(blocks.map((b) => [b.type, b.text])).toEqual([
      ['para', 'The ICB should make therapy fair. It should:'],
      ['bullet', 'publish the offer in each district'],
      ['bullet', 'check that therapy in plans is delivered'],
      ['para', 'Leaders should refresh the local offer.'],
    ]);
  });

  it('still wraps a plain-text bullet whose lines start at column 0', async () => {
    const { blocks } = await layoutText('• advice from health arrives\nwithin six weeks\n', 'doc.txt');
    expect(blocks.map((b) => [b.type, b.text])).toEqual([['bullet', 'advice from health arrives within six weeks']]);
  });

  it('keeps "They should:" with the recommendation before it, after a short line, in plain text', async () => {
    const { blocks } = await layoutText(
      'Leaders should increase the number of specialist places in the west of the area, so that\nfewer pupils travel far.\n\nLeaders should improve planning for young people.\nThey should:\n• start planning early\n',
      'doc.txt',
    );
    expect(blocks.map((b) => [b.type, b.text])).toEqual([
      ['para', 'Leaders should increase the number of specialist places in the west of the area, so that fewer pupils travel far.'],
      ['para', 'Leaders should improve planning for young people. They should:'],
      ['bullet', 'start planning early'],
    ]);
  });

  it('ends an unfinished sub-point at a capitalised framework heading of three words or more, in text with no blank lines', async () => {
    const { blocks } = await layoutText('Leaders should plan ahead. They should:\n• collect information about young people aged 19 to 25\nLocal area partnership details\nLocal authority Anyshire Council\n', 'doc.txt');
    expect(blocks.map((b) => [b.type, b.text]).slice(0, 3)).toEqual([
      ['para', 'Leaders should plan ahead. They should:'],
      ['bullet', 'collect information about young people aged 19 to 25'],
      ['heading', 'Local area partnership details'],
    ]);
  });

  it('reads a markdown pipe table as rows with cells', async () => {
    const { blocks } = await layoutText(
      ['## Areas for priority action', '', '| Responsible body | Areas for priority action |', '| --- | --- |', '| Anyshire Council and NHS Anyshire ICB | Leaders should cut waiting times. |', '| Anyshire Council | Leaders should improve plans. |'].join('\n'),
    );
    const rows = blocks.filter((b) => b.type === 'row');
    expect(rows.map((r) => r.cells)).toEqual([
      ['Anyshire Council and NHS Anyshire ICB', 'Leaders should cut waiting times.'],
      ['Anyshire Council', 'Leaders should improve plans.'],
    ]);
  });

  it('ends a pdftotext-style table where prose runs across the column gap, and a short title before it is not a row', async () => {
    const text = [
      'Areas for priority action',
      '',
      ' Responsible body                  Area for priority action',
      ' Anyshire Borough                  Leaders should cut the waits for speech and',
      ' Council                           language therapy.',
      '',
      'Progress',
      '',
      'Waiting times have fallen for most children since the full inspection, and families now hear',
      'from the service within a month.',
    ].join('\n');
    const { blocks } = await layoutText(text, 'doc.txt');
    expect(blocks.filter((b) => b.type === 'row').map((r) => r.cells)).toEqual([['Anyshire Borough Council', 'Leaders should cut the waits for speech and language therapy.']]);
    expect(blocks.filter((b) => b.type !== 'row').map((b) => b.text)).toEqual([
      'Areas for priority action',
      'Progress',
      'Waiting times have fallen for most children since the full inspection, and families now hear from the service within a month.',
    ]);
  });

  it('splits a pdftotext-style two-column table at the header column', async () => {
    const text = [
      'Areas for priority action',
      '',
      'Responsible body               Areas for priority action',
      '',
      'Anyshire Council and           Leaders should act quickly to cut the time',
      'NHS Anyshire ICB               families wait for an autism assessment.',
      '',
      'Anyshire Council and           Leaders should make sure that plans are',
      'NHS Anyshire ICB               finished within 20 weeks.',
    ].join('\n');
    const { blocks } = await layoutText(text, 'doc.txt');
    const rows = blocks.filter((b) => b.type === 'row');
    expect(rows).toHaveLength(2);
    expect(rows[0].cells).toEqual(['Anyshire Council and NHS Anyshire ICB', 'Leaders should act quickly to cut the time families wait for an autism assessment.']);
  });
});

describe('framework headings', () => {
  it('finds a heading wrapped over two lines, even when the first line is shorter than the words every such heading starts with', async () => {
    const text = [
      'The effectiveness of',
      'the local area in identifying children and young people who have SEND',
      '',
      'Strengths',
      '',
      '- Health visitors spot needs early.',
      '',
      'The effectiveness of the local',
      'area in improving outcomes for children and young people who have SEND',
      '',
      'Strengths',
      '',
      '- More young people go on to college.',
    ].join('\n');
    const { blocks } = await layoutText(text, 'doc.txt');
    const headings = blocks.filter((b) => b.type === 'heading').map((b) => b.headingId);
    expect(headings).toEqual(['identifying', 'strengths', 'outcomes', 'strengths']);
  });

  it('keeps the lower-case second line of a wrapped heading with it, so the next heading is not swallowed (text with no blank lines)', async () => {
    const text = [
      'The effectiveness of the local area in identifying children and young people\u2019s',
      'special educational needs and/or disabilities',
      'Strengths',
      '\u2022',
      '',
      'Health visitors spot needs early.',
    ].join('\n');
    const { blocks } = await layoutText(text, 'doc.txt');
    expect(blocks.filter((b) => b.type === 'heading').map((b) => b.headingId)).toEqual(['identifying', 'strengths']);
    expect(blocks[0].text).toMatch(/disabilities$/);
  });

  it('does not take a prose line that no framework heading starts with for a heading', async () => {
    const { blocks } = await layoutText(['Leaders know the area well and', 'act on what they find.'].join('\n'), 'doc.txt');
    expect(blocks.map((b) => b.type)).toEqual(['para']);
  });
});
