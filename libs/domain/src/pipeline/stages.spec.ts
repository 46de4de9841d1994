import { RESCREENED_STAGES, STAGES } from './stages.js';

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
