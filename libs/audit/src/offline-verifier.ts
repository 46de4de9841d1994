import { canonicalJson, isRecord } from '@forge/domain';
import { type AuditEventRecord, recordShapeProblem } from './audit-event.js';
import { type ChainVerificationResult, createChainVerifier } from './chain-verifier.js';
import { type SignedCheckpoint, verifyCheckpoint } from './checkpoint.js';
import { MerkleFrontier } from './merkle/merkle-frontier.js';
import { type ProofBundle, type ProofBundleReport, verifyProofBundle } from './proof-bundle.js';

export interface OfflineVerificationInput {
  /** The JSONL export, one line at a time (blank lines are ignored). */
  lines: Iterable<string> | AsyncIterable<string>;
  /** A parsed proof bundle, when one is checked too. */
  bundle?: unknown;
  /** The operator's public key (SPKI PEM), obtained independently of the bundle. */
  publicKeyPem?: string;
  /**
   * Signed checkpoints the export must reproduce (kept from earlier, `GET /audit/checkpoints/latest`, or the
   * operator's checkpoint log file). Each needs `publicKeyPem`.
   */
  checkpoints?: readonly unknown[];
}

export interface OfflineVerificationReport {
  /** True when the chain and (if given) the bundle are valid. */
  ok: boolean;
  chain: ChainVerificationResult;
  /** Line number (1-based) of the record named by `chain.firstInvalidSeq`. */
  chainFailureLine: number | null;
  /** Whether the export was recomputed up to the bundle's checkpoint and matched its root. */
  checkpointRootMatched: boolean | null;
  /** Checkpoints (bundle's and given) whose root the export reproduced. */
  checkpointsMatched: number;
  bundle: ProofBundleReport | null;
  /** Every failure, one sentence each, most important first. */
  failures: string[];
  /** What was not checked, and which key was trusted. */
  notes: string[];
}

/**
 * The offline verifier (no database, no network): streams an export through the chain
 * verifier in constant memory and, with a proof bundle, also checks
 *  - the bundle on its own (`verifyProofBundle`),
 *  - that every bundle event appears identically in the export,
 *  - that the Merkle root of the export's first `treeSize` events equals the signed
 *    checkpoint's root (which catches a rewritten and re-hashed suffix of the chain).
 * Every checkpoint given (and the bundle's) must be reproduced: an export SHORTER than a signed
 * checkpoint fails (events were removed, or the export was cut), it is not a mere note.
 */
export async function verifyAuditExport(input: OfflineVerificationInput): Promise<OfflineVerificationReport> {
  const chain = createChainVerifier();
  const failures: string[] = [];
  const notes: string[] = [];

  const bundleReport =
    input.bundle === undefined ? null : verifyProofBundle(input.bundle, { publicKeyPem: input.publicKeyPem });
  const bundle =
    bundleReport !== null && !bundleReport.failures.some((f) => f.check === 'bundle_malformed')
      ? (input.bundle as ProofBundle)
      : null;
  if (input.bundle === undefined && input.publicKeyPem !== undefined && input.checkpoints === undefined) {
    notes.push(
      'a public key was given without a bundle or checkpoints: there is no checkpoint to check it on',
    );
  }

  // Every signed root the export must reproduce: size → { root, where it came from }.
  const targets: Array<{ treeSize: number; rootHash: string; label: string }> = [];
  if (bundle !== null && bundle.checkpoint.treeSize > 0) {
    targets.push({ ...bundle.checkpoint, label: 'the checkpoint' });
  }
  for (const [i, value] of (input.checkpoints ?? []).entries()) {
    const checkpoint = value as SignedCheckpoint;
    const label = `given checkpoint ${i + 1} (treeSize ${String(checkpoint?.treeSize)})`;
    if (input.publicKeyPem === undefined) {
      failures.push(`${label}: no public key to check its signature with (--public-key)`);
      continue;
    }
    if (!verifyCheckpoint(checkpoint, input.publicKeyPem)) {
      failures.push(`${label}: signature invalid under the given public key`);
      continue;
    }
    if (checkpoint.treeSize > 0)
      targets.push({ treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash, label });
  }
  targets.sort((a, b) => a.treeSize - b.treeSize);
  const longest = targets[targets.length - 1]?.treeSize ?? 0;
  const frontier = new MerkleFrontier();
  let nextTarget = 0;
  let checkpointsMatched = 0;
  let bundleRootMatched: boolean | null = null;
  const rootFailures: string[] = [];
  const checkRoots = () => {
    while (
      nextTarget < targets.length &&
      (targets[nextTarget] as { treeSize: number }).treeSize === frontier.size
    ) {
      const target = targets[nextTarget] as (typeof targets)[number];
      const matched = frontier.rootHex() === target.rootHash;
      if (matched) checkpointsMatched += 1;
      else
        rootFailures.push(
          `the Merkle root of export events [0, ${target.treeSize}) does not equal ${target.label} root`,
        );
      if (
        bundle !== null &&
        target.treeSize === bundle.checkpoint.treeSize &&
        target.rootHash === bundle.checkpoint.rootHash
      ) {
        bundleRootMatched = matched;
      }
      nextTarget += 1;
    }
  };

  // Bundle events still to be found in the export: seq → canonical JSON of the record.
  const expected = new Map<number, string>();
  for (const entry of bundle?.events ?? []) {
    const event: unknown = entry.event;
    if (recordShapeProblem(event) === null) {
      const record = event as AuditEventRecord;
      expected.set(record.seq, canonicalJson(record));
    }
  }

  let lineNo = 0;
  let chainFailureLine: number | null = null;
  let lastSeq = -1;
  for await (const raw of input.lines) {
    lineNo += 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = line; // not JSON: the chain verifier reports it as a malformed record
    }
    chain.push(value);
    const state = chain.result();
    if (!state.valid) {
      chainFailureLine ??= lineNo;
    } else {
      const record = value as AuditEventRecord;
      lastSeq = record.seq;
      if (frontier.size < longest) {
        frontier.appendEventHash(record.hash);
        checkRoots();
      }
    }
    if (expected.size > 0 && isRecord(value)) {
      const seq = value.seq;
      if (typeof seq === 'number' && expected.has(seq)) {
        if (expected.get(seq) !== canonicalJson(value)) {
          failures.push(`bundle event seq ${seq} differs from the export (line ${lineNo})`);
        }
        expected.delete(seq);
      }
    }
  }

  const result = chain.result();
  if (!result.valid) {
    failures.unshift(
      `chain broken at seq ${result.firstInvalidSeq} (line ${chainFailureLine}): ${result.reason}`,
    );
  } else if (result.length === 0) {
    notes.push('the export holds no events');
  }
  if (result.valid && frontier.size < longest) {
    for (const target of targets.slice(nextTarget)) {
      rootFailures.push(
        `the export is shorter than ${target.label}: it holds ${frontier.size} events (last seq ${lastSeq}), ` +
          `the signed checkpoint covers ${target.treeSize} (events removed, or the export was cut)`,
      );
    }
  }

  if (bundle !== null && bundleReport !== null) {
    for (const seq of expected.keys()) failures.push(`bundle event seq ${seq} is not in the export`);
    failures.push(...rootFailures);
    failures.push(...bundleReport.failures.map((f) => f.message));
    notes.push(...bundleReport.warnings);
  } else {
    failures.push(...rootFailures);
    if (bundleReport !== null) failures.push(...bundleReport.failures.map((f) => f.message));
  }

  return {
    ok: failures.length === 0,
    chain: result,
    chainFailureLine,
    checkpointRootMatched: bundleRootMatched,
    checkpointsMatched,
    bundle: bundleReport,
    failures,
    notes,
  };
}

/** A short human report of a verification, ending with the verdict. */
export function formatOfflineReport(report: OfflineVerificationReport, exportName: string): string {
  const out: string[] = [];
  const c = report.chain;
  out.push(`export: ${exportName}`);
  out.push(
    c.valid
      ? `chain: ${c.length} events, hash chain intact, head ${c.headHash ?? '(empty log)'}`
      : `chain: ${c.length} lines read, BROKEN at seq ${c.firstInvalidSeq}: ${c.reason}`,
  );
  if (report.bundle !== null) {
    const b = report.bundle;
    out.push(
      `bundle: ${b.eventsChecked} events, ${b.inclusionProofsChecked} inclusion proofs, ` +
        `${b.assessmentsChecked} risk assessments checked`,
    );
    if (report.checkpointRootMatched !== null) {
      out.push(
        `checkpoint root ${report.checkpointRootMatched ? 'recomputed from the export and matches' : 'DOES NOT match the export'}`,
      );
    }
  }
  if (report.checkpointsMatched > 0) {
    out.push(`checkpoints reproduced from the export: ${report.checkpointsMatched}`);
  }
  for (const note of report.notes) out.push(`note: ${note}`);
  for (const failure of report.failures) out.push(`FAIL: ${failure}`);
  out.push(report.ok ? 'RESULT: VALID' : `RESULT: INVALID (${report.failures[0] ?? 'unknown'})`);
  return out.join('\n');
}

export interface BundleOnlyVerificationInput {
  /** A parsed proof bundle. */
  bundle: unknown;
  /** The operator's public key (SPKI PEM), obtained independently of the bundle. */
  publicKeyPem?: string;
  /** Signed checkpoints the auditor kept; each needs `publicKeyPem`. */
  checkpoints?: readonly unknown[];
}

export interface BundleOnlyVerificationReport {
  ok: boolean;
  bundle: ProofBundleReport;
  /** Kept checkpoints whose signature was checked (and, at the bundle's size, whose root was compared). */
  checkpointsChecked: number;
  failures: string[];
  notes: string[];
}

/**
 * A proof bundle verified ALONE, without the fund's export (issue 13.11): each event's bytes recompute to its
 * `hash`, each inclusion proof leads from that hash to the signed root, the checkpoint's signature holds under
 * the key (the auditor's own copy when given), and each risk assessment's inputs hash to its `inputsHash`.
 *
 * What it cannot show without the export: that the events of the bundle are ALL of the application's events
 * (an omitted event has no proof to fail). Kept checkpoints are checked for their signature; one of the
 * bundle's size must have the bundle's root (two signed roots for one size are two histories).
 */
export function verifyProofBundleAlone(input: BundleOnlyVerificationInput): BundleOnlyVerificationReport {
  const bundleReport = verifyProofBundle(input.bundle, { publicKeyPem: input.publicKeyPem });
  const failures = bundleReport.failures.map((f) => f.message);
  const notes = [...bundleReport.warnings];
  const malformed = bundleReport.failures.some((f) => f.check === 'bundle_malformed');
  const bundleCheckpoint = malformed ? null : (input.bundle as ProofBundle).checkpoint;
  let checkpointsChecked = 0;
  for (const [i, value] of (input.checkpoints ?? []).entries()) {
    const checkpoint = value as SignedCheckpoint;
    const label = `given checkpoint ${i + 1} (treeSize ${String(checkpoint?.treeSize)})`;
    if (input.publicKeyPem === undefined) {
      failures.push(`${label}: no public key to check its signature with (--public-key)`);
      continue;
    }
    if (!verifyCheckpoint(checkpoint, input.publicKeyPem)) {
      failures.push(`${label}: signature invalid under the given public key`);
      continue;
    }
    checkpointsChecked += 1;
    if (
      bundleCheckpoint !== null &&
      checkpoint.treeSize === bundleCheckpoint.treeSize &&
      checkpoint.rootHash !== bundleCheckpoint.rootHash
    ) {
      failures.push(
        `${label}: signed with another root than the bundle's checkpoint of the same size (two histories)`,
      );
    }
  }
  if (!malformed) {
    const b = input.bundle as ProofBundle;
    for (const entry of b.events) {
      const seq = (entry.event as { seq?: unknown } | null)?.seq;
      if ((entry.inclusionProof === null || entry.inclusionProof === undefined) && typeof seq === 'number') {
        if (seq >= b.checkpoint.treeSize) {
          failures.push(
            `bundle event seq ${seq} is not covered by the bundle's checkpoint: alone, nothing proves it`,
          );
        }
      }
    }
    if (b.events.length === 0) notes.push('the bundle holds no events');
    notes.push(
      'bundle checked without the export: each event is proven in the signed log; that these are all of the ' +
        'application’s events needs the export (or the application’s trail) too',
    );
  }
  return { ok: failures.length === 0, bundle: bundleReport, checkpointsChecked, failures, notes };
}

/** A short human report of a bundle verified alone, ending with the verdict. */
export function formatBundleOnlyReport(report: BundleOnlyVerificationReport, bundleName: string): string {
  const b = report.bundle;
  const out = [
    `bundle: ${bundleName}`,
    `bundle: ${b.eventsChecked} events, ${b.inclusionProofsChecked} inclusion proofs, ` +
      `${b.assessmentsChecked} risk assessments checked`,
  ];
  if (report.checkpointsChecked > 0) out.push(`kept checkpoints checked: ${report.checkpointsChecked}`);
  for (const note of report.notes) out.push(`note: ${note}`);
  for (const failure of report.failures) out.push(`FAIL: ${failure}`);
  out.push(report.ok ? 'RESULT: VALID' : `RESULT: INVALID (${report.failures[0] ?? 'unknown'})`);
  return out.join('\n');
}
