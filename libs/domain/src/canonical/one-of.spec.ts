import { isOneOf, oneOf, oneOfOrNull } from './one-of.js';

const OUTCOMES = ['pass', 'fail'] as const;

describe('oneOf', () => {
  it('narrows a member of the list and refuses anything else', () => {
    expect(isOneOf(OUTCOMES, 'pass')).toBe(true);
    expect(isOneOf(OUTCOMES, 'PASS')).toBe(false);
    expect(isOneOf(OUTCOMES, null)).toBe(false);
    expect(oneOf(OUTCOMES, 'fail', 'checks.outcome')).toBe('fail');
  });
  it('names the column and the value it did not expect', () => {
    expect(() => oneOf(OUTCOMES, 'maybe', 'checks.outcome')).toThrow(
      'checks.outcome holds "maybe", not one of pass, fail',
    );
  });
  it('reads a number column as its list', () => {
    const SEVERITIES = [1, 2, 3] as const;
    expect(oneOf(SEVERITIES, 3, 'incidents.severity')).toBe(3);
    expect(() => oneOf(SEVERITIES, 4, 'incidents.severity')).toThrow(
      'incidents.severity holds 4, not one of 1, 2, 3',
    );
  });
  it('keeps a null of a nullable column', () => {
    expect(oneOfOrNull(OUTCOMES, null, 'votes.decision')).toBeNull();
    expect(oneOfOrNull(OUTCOMES, 'pass', 'votes.decision')).toBe('pass');
  });
});
