import { createPrivateKey, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKeyPair, publicKeyPemFromPrivateKey } from '../checkpoint.js';

/** The checkpoint signing key in use, and where it came from. */
export interface AuditSigningKey {
  /** PKCS #8 PEM. */
  privateKeyPem: string;
  /** SPKI PEM. */
  publicKeyPem: string;
  source: 'configuration' | 'demo-file';
  /** The demo key file, when the key came from one. */
  path?: string;
}

/** File name of the demo key under the data directory. */
export const DEMO_SIGNING_KEY_FILE = 'audit-signing-key.pem';

function ed25519(privateKeyPem: string, origin: string): string {
  let key;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch {
    throw new Error(`${origin} is not a PKCS#8 PEM private key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${origin} is not an Ed25519 key`);
  return publicKeyPemFromPrivateKey(privateKeyPem);
}

/**
 * The checkpoint signing key: `AUDIT_SIGNING_KEY` (PKCS#8 PEM) when configured, else the demo key kept in
 * `${dataDir}/audit-signing-key.pem`, generated on first use (mode 0600).
 *
 * Two processes starting together (API and worker) must end up with the same key: the new key is written in
 * full to a private temporary file (flag 'wx') and then published with `link()`, which, like 'wx', fails with
 * EEXIST when the name is taken, but never exposes a half-written file. The loser re-reads the winner's key.
 */
export function loadAuditSigningKey(options: { signingKeyPem?: string; dataDir: string }): AuditSigningKey {
  if (options.signingKeyPem !== undefined && options.signingKeyPem.trim() !== '') {
    // Environment variables often carry PEMs with literal "\n".
    const pem = options.signingKeyPem.includes('\\n')
      ? options.signingKeyPem.replaceAll('\\n', '\n')
      : options.signingKeyPem;
    return { privateKeyPem: pem, publicKeyPem: ed25519(pem, 'AUDIT_SIGNING_KEY'), source: 'configuration' };
  }
  const path = join(options.dataDir, DEMO_SIGNING_KEY_FILE);
  const fromFile = (): AuditSigningKey => {
    const pem = readFileSync(path, 'utf8');
    return { privateKeyPem: pem, publicKeyPem: ed25519(pem, path), source: 'demo-file', path };
  };
  try {
    return fromFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, generateSigningKeyPair().privateKeyPem, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another process published its key first: use that one.
  } finally {
    unlinkSync(temporary);
  }
  return fromFile();
}
