import { idempotencyRequestHash } from './idempotency.interceptor.js';

describe('idempotencyRequestHash', () => {
  it('is the same for the same method, path and body whatever the key order', () => {
    expect(idempotencyRequestHash('post', '/api/v1/x', { a: 1, b: [1, 2] })).toBe(
      idempotencyRequestHash('POST', '/api/v1/x', { b: [1, 2], a: 1 }),
    );
  });

  it('differs when the body, the path or the method differs', () => {
    const hash = idempotencyRequestHash('POST', '/api/v1/x', { a: 1 });
    expect(idempotencyRequestHash('POST', '/api/v1/x', { a: 2 })).not.toBe(hash);
    expect(idempotencyRequestHash('POST', '/api/v1/y', { a: 1 })).not.toBe(hash);
    expect(idempotencyRequestHash('PUT', '/api/v1/x', { a: 1 })).not.toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
