import { describe, expect, it } from 'vitest';
import { abbreviate, foldForCompare, normaliseForMatch } from '../../src/check/normalise.js';

describe('normaliseForMatch', () => {
  it.each([
    ['folds runs of white space and trims', '  Leaders   know\n the area\twell. ', 'Leaders know the area well.'],
    ['applies NFKC, so ligatures become letters', 'The e\uFB03cient of\uFB01ce', 'The efficient office'],
    ['straightens curly apostrophes and quotes', '\u2018Children\u2019s voices\u2019 and \u201Cparents\u201D', "'Children's voices' and \"parents\""],
    ['straightens low-9 and reversed quotes and primes', '\u201Aa\u201B \u201Eb\u201F 5\u2032 6\u2033', "'a' \"b\" 5' 6\""],
    ['turns en and em dashes into "-"', 'waits \u2013 sometimes long \u2014 for help', 'waits - sometimes long - for help'],
    ['turns the minus sign and figure dash into "-"', '0\u201225 and \u22121', '0-25 and -1'],
    ['removes a leading bullet glyph', '\u2022 Leaders know the area well.', 'Leaders know the area well.'],
    ['removes the square bullet Ofsted reports use', '\u25FC Leaders know the area well.', 'Leaders know the area well.'],
    ['removes bullet glyphs inside the text (sub-bullets)', 'Leaders must: \u2022 improve plans \u25AA reduce waits \u25E6 act', 'Leaders must: improve plans reduce waits act'],
    ['removes every listed bullet glyph', '\u25A0a \u25CFb \u2023c \u2043d \u2219e \u00B7f', 'a b c d e f'],
    ['removes private-use-area characters (symbol-font bullets)', '\uF0B7 Leaders act. \uF0A7 Then \uE000 more.', 'Leaders act. Then more.'],
    ['removes a leading "-" bullet', '- Leaders know the area well.', 'Leaders know the area well.'],
    ['removes a leading "*" bullet', '* Leaders know the area well.', 'Leaders know the area well.'],
    ['keeps hyphens inside words', 'Well-being and co-production improve.', 'Well-being and co-production improve.'],
    ['keeps " - " used as a dash mid-sentence', 'Plans are late - often by months.', 'Plans are late - often by months.'],
    ['keeps "*" mid-sentence', 'Rated 5 * by families.', 'Rated 5 * by families.'],
    ['removes a leading "1."', '1. The partnership should improve plans.', 'The partnership should improve plans.'],
    ['removes a leading "12)"', '12) The partnership should improve plans.', 'The partnership should improve plans.'],
    ['removes a leading "(a)"', '(a) The partnership should improve plans.', 'The partnership should improve plans.'],
    ['removes a leading "b)" and "(iv)"', 'b) plans (iv) later', 'plans (iv) later'],
    ['removes a bullet and then a list number', '\u2022 2. Leaders act.', 'Leaders act.'],
    ['keeps a number that is not a list marker', '2024 was a year of change.', '2024 was a year of change.'],
    ['keeps "1.5" at the start', '1.5 million pounds were spent.', '1.5 million pounds were spent.'],
    ['keeps an ordinary first word such as "A"', 'A new strategy is in place.', 'A new strategy is in place.'],
    ['removes invisible soft hyphens and zero-width spaces', 'co\u00ADproduc\u200Btion', 'coproduction'],
    ['turns non-breaking spaces into ordinary spaces', 'SEND\u00A0team', 'SEND team'],
    ['returns an empty string for bullets only', ' \u2022 ', ''],
  ])('%s', (_name, input, expected) => {
    expect(normaliseForMatch(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = normaliseForMatch('\u2022 1. The \u201Cpartnership\u201D \u2013 its \uFB01rst   plan');
    expect(normaliseForMatch(once)).toBe(once);
  });
});

describe('foldForCompare', () => {
  it('ignores case, spacing and quote style', () => {
    expect(foldForCompare('  Brighton  and Hove\u2019s ICB ')).toBe(foldForCompare("brighton and hove's icb"));
  });
  it('keeps a leading number (it is not an item)', () => {
    expect(foldForCompare('1 Council')).toBe('1 council');
  });
});

describe('abbreviate', () => {
  it('keeps short texts whole', () => {
    expect(abbreviate('short text')).toBe('short text');
  });
  it('shows the first 60 and last 40 characters of long texts', () => {
    const text = 'x'.repeat(60) + 'y'.repeat(50) + 'z'.repeat(40);
    expect(abbreviate(text)).toBe('x'.repeat(60) + '…' + 'z'.repeat(40));
  });
});
