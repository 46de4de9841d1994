import { canonicalHash, isRecord } from '@forge/domain';
import { type AuditEventRecord, computeEventHash, isSha256Hex, recordShapeProblem } from './audit-event.js';
import { type AuditPublicKey, samePublicKey, type SignedCheckpoint, verifyCheckpoint } from './checkpoint.js';
import { bytesToHex, eventLeafHash } from './merkle/merkle-hash.js';
import { buildInclusionProof, type InclusionProof } from './merkle/merkle-proofs.js';
import { verifyInclusionProof } from './merkle/merkle-verify.js';
import { type SubtreeHashSource } from './merkle/subtree.js';

export const PROOF_BUNDLE_FORMAT = 'forge.proof-bundle/1';

/** One event of the application, with its inclusion proof against the bundle's checkpoint. */
export interface ProofBundleEvent {
  event: AuditEventRecord;
  /**
   * Against `checkpoint` (`treeSize`, `rootHash`). Null only for an event newer than the
   * checkpoint (`seq ≥ treeSize`), which the checkpoint cannot cover yet.
   */
  inclusionProof: InclusionProof | null;
}

/** A stored risk assessment (scoring.md, "The assessment record") and the inputs it read. */
export interface ProofBundleAssessment {
  assessment: { id: string; inputsHash: string; [field: string]: unknown };
  /** The exact inputs the model read; `canonicalHash(inputs)` must equal `inputsHash`. */
  inputs: unknown;
}

/** `GET /applications/:id/proof-bundle`. */
export interface ProofBundle {
  format: typeof PROOF_BUNDLE_FORMAT;
  applicationId: string;
  /** The latest signed checkpoint. */
  checkpoint: SignedCheckpoint;
  /** The key that signed it (an auditor should also obtain it independently). */
  publicKey: AuditPublicKey;
  /** Every event of the application, in `seq` order. */
  events: ProofBundleEvent[];
  riskAssessments: ProofBundleAssessment[];
}

/** Assembles a bundle, proving each event's inclusion from a subtree store. */
export async function buildProofBundle(args: {
  applicationId: string;
  events: readonly AuditEventRecord[];
  checkpoint: SignedCheckpoint;
  publicKey: AuditPublicKey;
  source: SubtreeHashSource;
  riskAssessments?: readonly ProofBundleAssessment[];
}): Promise<ProofBundle> {
  const events: ProofBundleEvent[] = [];
  for (const event of [...args.events].sort((a, b) => a.seq - b.seq)) {
    const inclusionProof =
      event.seq < args.checkpoint.treeSize
        ? await buildInclusionProof(args.source, event.seq, args.checkpoint.treeSize)
        : null;
    events.push({ event, inclusionProof });
  }
  return {
    format: PROOF_BUNDLE_FORMAT,
    applicationId: args.applicationId,
    checkpoint: args.checkpoint,
    publicKey: args.publicKey,
    events,
    riskAssessments: [...(args.riskAssessments ?? [])],
  };
}

export type BundleCheck =
  | 'bundle_malformed'
  | 'public_key_mismatch'
  | 'checkpoint_signature'
  | 'event_malformed'
  | 'event_foreign'
  | 'event_duplicate'
  | 'event_hash'
  | 'inclusion_proof_missing'
  | 'inclusion_proof'
  | 'assessment_inputs_missing'
  | 'assessment_inputs_hash';

export interface BundleFailure {
  check: BundleCheck;
  message: string;
  seq?: number;
  assessmentId?: string;
}

export interface ProofBundleReport {
  valid: boolean;
  failures: BundleFailure[];
  /** What was not (or could not be) checked, and which key was trusted. */
  warnings: string[];
  eventsChecked: number;
  inclusionProofsChecked: number;
  assessmentsChecked: number;
}

function bundleShapeProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'not a JSON object';
  if (value.format !== PROOF_BUNDLE_FORMAT) return `format is not "${PROOF_BUNDLE_FORMAT}"`;
  if (typeof value.applicationId !== 'string') return 'applicationId is not a string';
  const cp = value.checkpoint;
  if (
    !isRecord(cp) ||
    !Number.isSafeInteger(cp.treeSize) ||
    (cp.treeSize as number) < 0 ||
    !isSha256Hex(cp.rootHash) ||
    typeof cp.timestamp !== 'string' ||
    typeof cp.signature !== 'string'
  ) {
    return 'checkpoint is not { treeSize, rootHash, timestamp, signature }';
  }
  const key = value.publicKey;
  if (!isRecord(key) || key.algorithm !== 'Ed25519' || typeof key.publicKeyPem !== 'string') {
    return 'publicKey is not { algorithm: "Ed25519", publicKeyPem }';
  }
  if (!Array.isArray(value.events) || !value.events.every(isRecord)) return 'events is not a list';
  if (!Array.isArray(value.riskAssessments) || !value.riskAssessments.every(isRecord)) {
    return 'riskAssessments is not a list';
  }
  return null;
}

/**
 * Checks a proof bundle on its own: the checkpoint signature; for each event, its shape, that
 * it belongs to the application, its recomputed hash, and its inclusion proof against the
 * checkpoint root; for each assessment, `inputsHash = canonicalHash(inputs)`.
 *
 * `publicKeyPem`, when given, is the key the auditor obtained independently: the signature is
 * checked with it and the bundle's own key must be the same. Without it the bundle's key is
 * used, and a warning says so.
 */
export function verifyProofBundle(
  bundle: unknown,
  options: { publicKeyPem?: string } = {},
): ProofBundleReport {
  const report: ProofBundleReport = {
    valid: false,
    failures: [],
    warnings: [],
    eventsChecked: 0,
    inclusionProofsChecked: 0,
    assessmentsChecked: 0,
  };
  const fail = (failure: BundleFailure): void => {
    report.failures.push(failure);
  };
  const shape = bundleShapeProblem(bundle);
  if (shape !== null) {
    fail({ check: 'bundle_malformed', message: `proof bundle malformed: ${shape}` });
    return report;
  }
  const b = bundle as ProofBundle;
  const { checkpoint } = b;

  let keyPem = b.publicKey.publicKeyPem;
  if (options.publicKeyPem !== undefined) {
    if (!samePublicKey(options.publicKeyPem, b.publicKey.publicKeyPem)) {
      fail({
        check: 'public_key_mismatch',
        message: 'the public key given does not match the key inside the bundle',
      });
    }
    keyPem = options.publicKeyPem;
  } else {
    report.warnings.push(
      'checkpoint signature checked with the public key shipped inside the bundle; ' +
        'obtain the operator’s key independently (--public-key) to rule out a forged bundle',
    );
  }
  if (!verifyCheckpoint(checkpoint, keyPem)) {
    fail({
      check: 'checkpoint_signature',
      message: `checkpoint signature invalid (treeSize ${checkpoint.treeSize})`,
    });
  }

  const seen = new Set<number>();
  for (const entry of b.events) {
    const event: unknown = entry.event;
    const problem = recordShapeProblem(event);
    if (problem !== null) {
      fail({ check: 'event_malformed', message: `bundle event malformed: ${problem}` });
      continue;
    }
    const record = event as AuditEventRecord;
    const seq = record.seq;
    report.eventsChecked += 1;
    if (seen.has(seq)) {
      fail({ check: 'event_duplicate', seq, message: `bundle event seq ${seq} appears twice` });
    }
    seen.add(seq);
    if (record.applicationId !== b.applicationId) {
      fail({
        check: 'event_foreign',
        seq,
        message: `bundle event seq ${seq} belongs to another application`,
      });
    }
    if (computeEventHash(record) !== record.hash) {
      fail({ check: 'event_hash', seq, message: `bundle event seq ${seq}: hash mismatch` });
    }
    const proof = entry.inclusionProof;
    if (proof === null || proof === undefined) {
      if (seq < checkpoint.treeSize) {
        fail({
          check: 'inclusion_proof_missing',
          seq,
          message: `bundle event seq ${seq}: no inclusion proof although the checkpoint covers it`,
        });
      } else {
        report.warnings.push(
          `event seq ${seq} is newer than the checkpoint (treeSize ${checkpoint.treeSize}): not covered by it`,
        );
      }
      continue;
    }
    report.inclusionProofsChecked += 1;
    let leafHash: string;
    try {
      leafHash = bytesToHex(eventLeafHash(record.hash));
    } catch {
      continue; // already reported as malformed
    }
    const check = isRecord(proof)
      ? verifyInclusionProof(proof, {
          leafHash,
          rootHash: checkpoint.rootHash,
          treeSize: checkpoint.treeSize,
        })
      : { valid: false, reason: 'not an object' };
    if (!check.valid || proof.seq !== seq) {
      fail({
        check: 'inclusion_proof',
        seq,
        message: `bundle event seq ${seq}: inclusion proof invalid (${check.reason ?? 'proof is for another seq'})`,
      });
    }
  }

  for (const entry of b.riskAssessments) {
    const assessment: unknown = entry.assessment;
    const id = isRecord(assessment) && typeof assessment.id === 'string' ? assessment.id : '(no id)';
    if (!isRecord(assessment) || typeof assessment.inputsHash !== 'string') {
      fail({
        check: 'assessment_inputs_hash',
        assessmentId: id,
        message: `risk assessment ${id}: no inputsHash`,
      });
      continue;
    }
    if (!('inputs' in entry) || entry.inputs === undefined || entry.inputs === null) {
      fail({
        check: 'assessment_inputs_missing',
        assessmentId: id,
        message: `risk assessment ${id}: inputs missing from the bundle`,
      });
      continue;
    }
    report.assessmentsChecked += 1;
    let actual: string | null;
    try {
      actual = canonicalHash(entry.inputs);
    } catch {
      actual = null;
    }
    if (actual !== assessment.inputsHash) {
      fail({
        check: 'assessment_inputs_hash',
        assessmentId: id,
        message: `risk assessment ${id}: inputsHash does not match its inputs`,
      });
    }
  }

  report.valid = report.failures.length === 0;
  return report;
}
