/**
 * Polarity cues, one family at a time: examples written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { explainPolarity, mainClause, polarityOf } from '../../src/nlp/polarity.js';

describe('cue families', () => {
  it.each([
    ['too many / too few / too long', 'Too many children wait for a place in a special school.', 'weakness'],
    ['not ... well enough', 'Leaders do not check the quality of plans well enough.', 'weakness'],
    ['lack of', 'There is a lack of support for families after diagnosis.', 'weakness'],
    ['no system', 'There is no system to track requests for assessment.', 'weakness'],
    ['weak, poor, inconsistent', 'The quality of advice from health is inconsistent.', 'weakness'],
    ['improving but still too low', 'Attendance is improving but is still too low.', 'weakness'],
    ['yet to / early stage', 'A new pathway has been designed, but it is at an early stage.', 'weakness'],
    ['rising exclusions', 'The number of suspensions has risen sharply.', 'weakness'],
    ['effective', 'The virtual school supports children in care effectively.', 'strength'],
    ['well-established', 'There are well-established links between schools and health visitors.', 'strength'],
    ['valued', 'Parents greatly value the short breaks service.', 'strength'],
    ['self-knowledge', 'Leaders are aware of the weaknesses in their transport policy.', 'neutral'],
    ['not all / few / rarely', 'Not all mainstream schools make reasonable adjustments.', 'weakness'],
    ['few, at the start', 'Few young people with SEND go on to paid work.', 'weakness'],
    ['a few is not scarcity', 'Within a few weeks, a key worker is in place and families value the help.', 'strength'],
    ['rarely', 'Therapists are rarely involved in annual reviews.', 'weakness'],
    ['longer than they should', 'Families wait far longer than they should for a diagnosis.', 'weakness'],
    ['over-optimistic', "The partnership's self-evaluation is overly optimistic.", 'weakness'],
    ['remains unacceptably long', 'Despite recent work, the waiting list remains unacceptably long.', 'weakness'],
    ['figures that fell or rose the right way', 'Exclusions have fallen and attendance has risen.', 'strength'],
    ['acting on concerns', 'Leaders are quick to act on the concerns parents raise.', 'strength'],
    ['no cue', 'The area has two special schools and a pupil referral unit.', 'neutral'],
  ])('%s', (_family, text, want) => {
    expect(polarityOf(text)).toBe(want);
  });
});

describe('contrast and concession', () => {
  it('a positive claim and a negative one make a mixed finding', () => {
    expect(polarityOf('The strategy is ambitious and well understood. However, leaders have not turned it into a plan with timescales.')).toBe('mixed');
  });

  it('a concession only qualifies the claim', () => {
    expect(polarityOf('While some families have good experiences of the service, many wait too long for help.')).toBe('weakness');
    expect(polarityOf('Although waiting lists are long, families receive effective support while they wait.')).toBe('strength');
  });

  it('after "but" the later clause carries the claim', () => {
    expect(mainClause('Leaders are redesigning the pathway, but this work has only just begun.')).toBe('this work has only just begun.');
    expect(polarityOf('Leaders are redesigning the service, but the work is at an early stage.')).toBe('weakness');
  });

  it('explains each sentence with its cues', () => {
    const e = explainPolarity('Parents value the forum. Too few attend its meetings.');
    expect(e.polarity).toBe('mixed');
    expect(e.sentences.map((s) => [s.polarity, s.cues])).toEqual([
      ['strength', ['+effective']],
      ['weakness', ['-too-much']],
    ]);
  });
});
