import { ARGON2ID, dummyPasswordHash, hashPassword, verifyPassword } from './password-hasher.js';

describe('password hashing', () => {
  it('pins Argon2id (numeric 2) with the OWASP parameters', async () => {
    expect(ARGON2ID).toBe(2);
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapler')).toBe(false);
  });

  it('salts every hash and never throws on a malformed hash', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
    expect(await verifyPassword('not-a-hash', 'whatever')).toBe(false);
    expect(await dummyPasswordHash()).toMatch(/^\$argon2id\$/);
  });

  it('verifies the NFKC form and, for hashes made before, the password as typed', async () => {
    const hash = await hashPassword('ﬁve ﬁne ﬁsh swim');
    expect(await verifyPassword(hash, 'five fine fish swim')).toBe(true);
    expect(await verifyPassword(hash, 'ﬁve ﬁne ﬁsh swim')).toBe(true);
  });
});
