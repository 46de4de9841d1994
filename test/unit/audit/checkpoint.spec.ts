import { describe, expect, it } from '@jest/globals';
import {
  auditPublicKey,
  checkpointSigningInput,
  generateSigningKeyPair,
  samePublicKey,
  signCheckpoint,
  verifyCheckpoint,
} from '@forge/audit';

const KEYS = generateSigningKeyPair();
const OTHER = generateSigningKeyPair();
const BODY = {
  treeSize: 42,
  rootHash: '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
  timestamp: '2025-02-01T12:00:00.000Z',
};

describe('signed checkpoints', () => {
  it('generates PEM keys (SPKI public, PKCS #8 private)', () => {
    expect(KEYS.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(KEYS.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(auditPublicKey(KEYS.privateKeyPem)).toEqual({
      algorithm: 'Ed25519',
      publicKeyPem: KEYS.publicKeyPem,
    });
  });

  it('signs the RFC 8785 serialisation of { treeSize, rootHash, timestamp }', () => {
    expect(checkpointSigningInput(BODY).toString('utf8')).toBe(
      '{"rootHash":"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",' +
        '"timestamp":"2025-02-01T12:00:00.000Z","treeSize":42}',
    );
    const signed = signCheckpoint(BODY, KEYS.privateKeyPem);
    expect(Object.keys(signed).sort()).toEqual(['rootHash', 'signature', 'timestamp', 'treeSize']);
    expect(Buffer.from(signed.signature, 'base64')).toHaveLength(64);
    expect(verifyCheckpoint(signed, KEYS.publicKeyPem)).toBe(true);
  });

  it('rejects a tampered checkpoint, a wrong key and garbage', () => {
    const signed = signCheckpoint(BODY, KEYS.privateKeyPem);
    expect(verifyCheckpoint({ ...signed, treeSize: 43 }, KEYS.publicKeyPem)).toBe(false);
    expect(verifyCheckpoint({ ...signed, rootHash: 'a'.repeat(64) }, KEYS.publicKeyPem)).toBe(false);
    expect(verifyCheckpoint({ ...signed, timestamp: '2025-02-01T12:00:00.001Z' }, KEYS.publicKeyPem)).toBe(
      false,
    );
    const sig = Buffer.from(signed.signature, 'base64');
    sig[0] = (sig[0] as number) ^ 1;
    expect(verifyCheckpoint({ ...signed, signature: sig.toString('base64') }, KEYS.publicKeyPem)).toBe(false);
    expect(verifyCheckpoint(signed, OTHER.publicKeyPem)).toBe(false);
    expect(verifyCheckpoint(signed, 'not a key')).toBe(false);
    expect(verifyCheckpoint({ ...signed, signature: '' }, KEYS.publicKeyPem)).toBe(false);
  });

  it('refuses to sign a malformed body', () => {
    expect(() => signCheckpoint({ ...BODY, treeSize: -1 }, KEYS.privateKeyPem)).toThrow(RangeError);
    expect(() => signCheckpoint({ ...BODY, rootHash: 'XYZ' }, KEYS.privateKeyPem)).toThrow(TypeError);
  });

  it('compares public keys by their DER, not their text', () => {
    expect(samePublicKey(KEYS.publicKeyPem, `${KEYS.publicKeyPem.trimEnd()}\r\n\n`)).toBe(true);
    expect(samePublicKey(KEYS.publicKeyPem, OTHER.publicKeyPem)).toBe(false);
    expect(samePublicKey(KEYS.publicKeyPem, 'junk')).toBe(false);
  });
});
