import { type SignedCheckpoint } from './checkpoint.js';

/**
 * Delivery of signed checkpoints to an external witness (`AUDIT_WITNESS_URL`): an organisation or service the
 * operator does not control that keeps every checkpoint it receives and, if it follows the protocol, checks the
 * consistency proof against the last checkpoint it acknowledged. Once a witness holds checkpoint N, nobody (not
 * even an operator with the signing key and superuser rights) can present a trail that is not an extension of
 * it without the witness noticing.
 */
export const WITNESS_FORMAT = 'forge.checkpoint-witness/1';

/** The JSON body POSTed to the witness. */
export interface WitnessSubmission {
  format: typeof WITNESS_FORMAT;
  /** The key that signs every checkpoint of this log (SPKI PEM): the log's identity. */
  publicKeyPem: string;
  checkpoint: SignedCheckpoint;
  /** The last checkpoint the witness acknowledged (null the first time) ... */
  previous: { treeSize: number; rootHash: string } | null;
  /** ... and the RFC 9162 consistency proof from it to `checkpoint` (empty when `previous` is null). */
  consistencyProof: string[];
}

export interface WitnessConfig {
  url: string;
  token?: string;
  timeoutMs: number;
}

export type WitnessDelivery = { ok: true; status: number } | { ok: false; message: string };

/** POSTs one submission; any 2xx is an acknowledgement. Never throws. */
export async function submitToWitness(
  config: WitnessConfig,
  submission: WitnessSubmission,
): Promise<WitnessDelivery> {
  try {
    const response = await fetch(config.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(config.token === undefined ? {} : { authorization: `Bearer ${config.token}` }),
      },
      body: JSON.stringify(submission),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    // Drain the body so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    return { ok: false, message: `the witness answered HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, message: `the witness could not be reached: ${(error as Error).message}` };
  }
}
