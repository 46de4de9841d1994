import { canonicalHash } from '@forge/domain';

describe('path aliases', () => {
  it('resolve @forge/domain in tests', () => {
    expect(canonicalHash([])).toHaveLength(64);
  });
});
