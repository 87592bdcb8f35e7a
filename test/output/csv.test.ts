/**
 * The areas CSV written piece by piece: the same text as in one string, sorted by area
 * and date, in pieces of bounded size.
 */
import { describe, expect, it } from 'vitest';
import { AreaRows } from '../../src/output/csv.js';
import { emptyReport } from '../../src/parse/common.js';
import type { Report } from '../../src/types.js';

const letter = (area: string, start: string): Report => ({
  ...emptyReport(`${area.toLowerCase()}-${start}.txt`),
  kind: 'area-send-initial-2016',
  area,
  inspectionStart: start,
  outcome: 'no-wsoa',
});

describe('AreaRows.chunks', () => {
  it('gives the header and the sorted rows in pieces that join to the whole CSV', () => {
    const rows = new AreaRows();
    for (let i = 0; i < 300; i++) rows.add(letter(`Area ${String(299 - i).padStart(3, '0')}`, `2019-0${(i % 9) + 1}-01`));
    const pieces = [...rows.chunks(4096)];
    expect(pieces.length).toBeGreaterThan(5);
    // Each piece is cut at the first row that takes it past the size.
    for (const p of pieces.slice(0, -1)) expect(p.length).toBeLessThan(4096 + 1000);
    const csv = pieces.join('');
    expect(csv).toBe(rows.toCsv());
    const lines = csv.trimEnd().split('\n');
    expect(lines).toHaveLength(301);
    expect(lines[0].startsWith('area,kind,')).toBe(true);
    expect(lines[1].startsWith('Area 000,')).toBe(true);
    expect(lines[300].startsWith('Area 299,')).toBe(true);
  });

  it('gives the header alone when no row was added', () => {
    const pieces = [...new AreaRows().chunks()];
    expect(pieces).toHaveLength(1);
    expect(pieces[0].split('\n').filter(Boolean)).toHaveLength(1);
  });
});
