import { describe, expect, it } from 'vitest';
import { partnershipKey, splitBodies } from '../../src/parse/bodies.js';

describe('responsible bodies', () => {
  it('splits at a joiner that follows the end of a name, never at an "and" inside one', () => {
    expect(splitBodies('Kent County Council and NHS Kent and Medway ICB')).toEqual(['Kent County Council', 'NHS Kent and Medway ICB']);
    expect(splitBodies('Brighton and Hove City Council and NHS Sussex Integrated Care Board')).toEqual(['Brighton and Hove City Council', 'NHS Sussex Integrated Care Board']);
    expect(splitBodies('North Northamptonshire Council, NHS Northamptonshire Integrated Care Board and Northamptonshire Children\'s Trust')).toEqual([
      'North Northamptonshire Council',
      'NHS Northamptonshire Integrated Care Board',
      "Northamptonshire Children's Trust",
    ]);
    expect(splitBodies('Halton Borough Council and NHS Cheshire and Merseyside Integrated Care Board (ICB)')).toEqual(['Halton Borough Council', 'NHS Cheshire and Merseyside Integrated Care Board (ICB)']);
  });

  it('gives the same key to the same bodies in another order or spacing', () => {
    const a = partnershipKey('Kent County Council and NHS Kent and Medway ICB');
    expect(partnershipKey('NHS Kent and Medway ICB and  Kent County\nCouncil')).toBe(a);
    expect(partnershipKey('NHS Kent and Medway ICB, Kent County Council')).toBe(a);
    expect(partnershipKey('Kent County Council')).not.toBe(a);
  });

  it('keeps a name it cannot split whole', () => {
    expect(splitBodies('the local area partnership')).toEqual(['the local area partnership']);
    expect(partnershipKey('  ')).toBe('');
  });
});
