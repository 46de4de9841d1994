import { CHECK_STAGES } from '../checks/check-codes.js';
import {
  CARRIED_STAGES,
  DISPOSITION_STAGES,
  PAST_SCREENING_STAGES,
  RESCREENED_STAGES,
  STAGES,
} from './stages.js';

describe('RESCREENED_STAGES (a new sanctions list re-screens these)', () => {
  it('is every received application that is not terminal: the post-close carried stages included', () => {
    expect(RESCREENED_STAGES).toEqual([
      'submitted',
      'screening',
      'esg_review',
      'financing',
      'committee',
      'approved',
      'financed',
      'disbursing',
      'monitoring',
    ]);
  });
  it('leaves out drafts and the closed stages', () => {
    expect(STAGES.filter((s) => !RESCREENED_STAGES.includes(s))).toEqual([
      'draft',
      'rejected',
      'withdrawn',
      'repaid',
      'written_off',
    ]);
  });
});

describe('CHECK_STAGES (where a check row may sit)', () => {
  it('is the two check stages plus every stage a re-screening hit opens SANCTIONS.PARTIES on', () => {
    expect([...CHECK_STAGES].sort()).toEqual(
      [...new Set(['screening', 'esg_review', ...PAST_SCREENING_STAGES, ...CARRIED_STAGES])].sort(),
    );
  });
});

describe('DISPOSITION_STAGES (where a sanctions hit is disposed of)', () => {
  it('is every stage a hit can stand open in: screening to approved, and the financed projects', () => {
    expect(DISPOSITION_STAGES).toEqual([
      'screening',
      'esg_review',
      'financing',
      'committee',
      'approved',
      'financed',
      'disbursing',
      'monitoring',
    ]);
  });
  it('leaves out drafts, submissions not yet screened and the closed stages', () => {
    expect(STAGES.filter((s) => !DISPOSITION_STAGES.includes(s))).toEqual([
      'draft',
      'submitted',
      'rejected',
      'withdrawn',
      'repaid',
      'written_off',
    ]);
  });
});
