import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { canonicalJson } from '@forge/domain';
import { isSha256Hex } from './audit-event.js';

/** What a checkpoint commits to: the tree over events [0, treeSize). */
export interface CheckpointBody {
  treeSize: number;
  /** MTH of the tree, lower-case hex. */
  rootHash: string;
  /** When it was signed: ISO-8601 UTC with milliseconds (the caller's clock). */
  timestamp: string;
}

export interface SignedCheckpoint extends CheckpointBody {
  /** Base64 Ed25519 signature over the UTF-8 RFC 8785 serialisation of the body. */
  signature: string;
}

/** `GET /audit/public-key`. */
export interface AuditPublicKey {
  algorithm: 'Ed25519';
  /** SPKI PEM. */
  publicKeyPem: string;
}

export interface SigningKeyPair {
  /** SPKI PEM. */
  publicKeyPem: string;
  /** PKCS #8 PEM. */
  privateKeyPem: string;
}

/** The exact bytes that are signed: RFC 8785 of `{ treeSize, rootHash, timestamp }`, UTF-8. */
export function checkpointSigningInput(body: CheckpointBody): Buffer {
  return Buffer.from(
    canonicalJson({ treeSize: body.treeSize, rootHash: body.rootHash, timestamp: body.timestamp }),
    'utf8',
  );
}

function checkBody(body: CheckpointBody): void {
  if (!Number.isSafeInteger(body.treeSize) || body.treeSize < 0) {
    throw new RangeError('treeSize must be a non-negative integer');
  }
  if (!isSha256Hex(body.rootHash)) throw new TypeError('rootHash must be 64 lower-case hex digits');
  if (typeof body.timestamp !== 'string' || body.timestamp.length === 0) {
    throw new TypeError('timestamp must be an ISO-8601 string');
  }
}

/** Signs a checkpoint with an Ed25519 private key (PKCS #8 PEM). */
export function signCheckpoint(body: CheckpointBody, privateKeyPem: string): SignedCheckpoint {
  checkBody(body);
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new TypeError('the signing key is not Ed25519');
  const signature = sign(null, checkpointSigningInput(body), key).toString('base64');
  return { treeSize: body.treeSize, rootHash: body.rootHash, timestamp: body.timestamp, signature };
}

/**
 * True when `signature` is a valid Ed25519 signature of the checkpoint's body under the
 * public key (SPKI PEM). Never throws: a malformed checkpoint or key is simply not valid.
 */
export function verifyCheckpoint(checkpoint: SignedCheckpoint, publicKeyPem: string): boolean {
  try {
    checkBody(checkpoint);
    const key = createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') return false;
    if (typeof checkpoint.signature !== 'string') return false;
    const signature = Buffer.from(checkpoint.signature, 'base64');
    if (signature.length !== 64 || signature.toString('base64') !== checkpoint.signature) return false;
    return verify(null, checkpointSigningInput(checkpoint), key, signature);
  } catch {
    return false;
  }
}

/** A fresh Ed25519 key pair (the demo key generated on first run). */
export function generateSigningKeyPair(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

/** The SPKI PEM public key of an Ed25519 private key (PKCS #8 PEM). */
export function publicKeyPemFromPrivateKey(privateKeyPem: string): string {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ format: 'pem', type: 'spki' }).toString();
}

/** `{ algorithm: 'Ed25519', publicKeyPem }` for a private key. */
export function auditPublicKey(privateKeyPem: string): AuditPublicKey {
  return { algorithm: 'Ed25519', publicKeyPem: publicKeyPemFromPrivateKey(privateKeyPem) };
}

/** Whether two PEM texts hold the same public key (compared as DER, so layout does not matter). */
export function samePublicKey(aPem: string, bPem: string): boolean {
  try {
    const a = createPublicKey(aPem).export({ format: 'der', type: 'spki' });
    const b = createPublicKey(bPem).export({ format: 'der', type: 'spki' });
    return a.equals(b);
  } catch {
    return false;
  }
}
