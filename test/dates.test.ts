import { describe, expect, it } from 'vitest';
import { parseDateRange, parseLeadingDate, parseNumber, parseStandaloneDate } from '../src/parse/dates.js';

describe('dates as inspection documents write them', () => {
  it.each([
    ['4 December 2023 to 8 December 2023', '2023-12-04', '2023-12-08'],
    ['18 to 22 March 2024', '2024-03-18', '2024-03-22'],
    ['27 November 2023 to 1 December 2023', '2023-11-27', '2023-12-01'],
    ['Between 3 February and 7 February 2020, Ofsted and', '2020-02-03', '2020-02-07'],
    ['Between 14 and 15 January 2020', '2020-01-14', '2020-01-15'],
    ['30 December to 3 January 2020', '2019-12-30', '2020-01-03'],
    ['3rd to 7th Sept 2018', '2018-09-03', '2018-09-07'],
    ['3 June 2019', '2019-06-03', '2019-06-03'],
    ['The previous full inspection was on 19 March 2018. There was a revisit on 24 March 2020.', '2018-03-19', '2018-03-19'],
  ])('%s', (text, start, end) => {
    expect(parseDateRange(text)).toMatchObject({ start, end });
  });

  it('finds no date where there is none, and rejects impossible ones', () => {
    expect(parseDateRange('no dates here')).toBeNull();
    expect(parseDateRange('31 February 2020')).toMatchObject({ start: null });
  });

  it('reads a letter date line and numbers in words', () => {
    expect(parseStandaloneDate('27 March 2020')).toBe('2020-03-27');
    expect(parseStandaloneDate('Inspectors visited on 27 March 2020')).toBeNull();
    expect(parseLeadingDate('24 April 2019 Mr J Smith Director of Education')).toBe('2019-04-24');
    expect(parseLeadingDate('24 April 2019 and then')).toBeNull();
    expect(parseLeadingDate('Between 24 April 2019 and 26 April 2019')).toBeNull();
    expect(parseNumber('eighteen')).toBe(18);
    expect(parseNumber('5')).toBe(5);
  });
});
