import { describe, expect, it } from '@jest/globals';
import { AMENDMENT_EFFECTS, decideAmendment } from './amendments.js';
import { STAGES } from './stages.js';

describe('amendments', () => {
  it.each([
    ['draft', 'APPLICATION.AMENDMENT_NOT_ALLOWED'],
    ['submitted', null],
    ['screening', null],
    ['esg_review', null],
    ['financing', null],
    ['committee', 'APPLICATION.AMENDMENT_NOT_ALLOWED'],
    ['approved', 'APPLICATION.INPUT_FROZEN'],
    ['financed', 'APPLICATION.INPUT_FROZEN'],
    ['rejected', 'APPLICATION.AMENDMENT_NOT_ALLOWED'],
    ['withdrawn', 'APPLICATION.AMENDMENT_NOT_ALLOWED'],
    ['disbursing', 'APPLICATION.INPUT_FROZEN'],
    ['monitoring', 'APPLICATION.INPUT_FROZEN'],
    ['repaid', 'APPLICATION.INPUT_FROZEN'],
    ['written_off', 'APPLICATION.INPUT_FROZEN'],
  ] as const)('in %s: %s', (stage, code) => {
    if (code === null) expect(decideAmendment(stage)).toEqual(AMENDMENT_EFFECTS);
    else expect(() => decideAmendment(stage)).toThrow(expect.objectContaining({ code }));
  });

  it('covers every stage', () => {
    expect(STAGES).toHaveLength(14);
  });

  it('re-runs every automated check and re-queues screening and scoring', () => {
    expect(decideAmendment('financing')).toEqual([
      'checks.reevaluate_all',
      'queue.screening',
      'queue.risk_assessment',
    ]);
  });

  it('tells the officer to defer first in committee', () => {
    expect(() => decideAmendment('committee')).toThrow(
      expect.objectContaining({
        details: [expect.objectContaining({ guard: 'amendment.before_committee' })],
      }),
    );
  });
});
