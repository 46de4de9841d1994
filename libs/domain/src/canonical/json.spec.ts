import { isRecord, jsonObjectOrNull } from './json.js';

describe('jsonObjectOrNull', () => {
  it('passes a JSON object through unchanged', () => {
    const value = { stage: 'committee', nested: { a: [1] } };
    expect(jsonObjectOrNull(value)).toBe(value);
  });

  it.each([[null], [undefined], [[1, 2]], ['text'], [3], [true]])('reads %p as null', (value) => {
    expect(jsonObjectOrNull(value)).toBeNull();
  });
});

describe('isRecord', () => {
  it('takes an object, never null or a list', () => {
    expect(isRecord({ a: 1 })).toBe(true);
    expect([null, undefined, [], 'text', 3].map(isRecord)).toEqual([false, false, false, false, false]);
  });
});
