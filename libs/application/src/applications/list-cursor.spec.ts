import { DomainError } from '@forge/domain';
import { decodeListCursor, encodeListCursor } from './list-cursor.js';

const ID = '0b6f3c1e-8a55-4d7e-9a0e-5f2d8c3b1a77';
const raw = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('list cursor', () => {
  it('round-trips', () => {
    const cursor = { createdAt: '2024-02-29T23:59:59.123456Z', id: ID };
    expect(decodeListCursor(encodeListCursor(cursor))).toEqual(cursor);
  });

  it.each([
    ['an impossible date', raw(['2025-02-31T10:00:00.000000Z', ID])],
    ['an impossible hour', raw(['2025-02-28T24:00:00.000000Z', ID])],
    ['a non-UUID id', raw(['2025-02-28T10:00:00.000000Z', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'])],
    ['dashes only', raw(['2025-02-28T10:00:00.000000Z', '------------------------------------'])],
    ['a third element', raw(['2025-02-28T10:00:00.000000Z', ID, 1])],
    ['not JSON', 'bm90IGpzb24'],
    ['an object', raw({ createdAt: '2025-02-28T10:00:00.000000Z', id: ID })],
  ])('refuses %s with VALIDATION.FAILED on cursor', (_what, text) => {
    expect(() => decodeListCursor(text)).toThrow(DomainError);
    try {
      decodeListCursor(text);
    } catch (error) {
      expect((error as DomainError).code).toBe('VALIDATION.FAILED');
      expect((error as DomainError).details[0]?.field).toBe('cursor');
    }
  });
});
