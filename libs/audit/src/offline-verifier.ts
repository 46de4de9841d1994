import { canonicalJson } from '@forge/domain';
import { type AuditEventRecord, recordShapeProblem } from './audit-event.js';
import { type ChainVerificationResult, createChainVerifier } from './chain-verifier.js';
import { MerkleFrontier } from './merkle/merkle-frontier.js';
import { type ProofBundle, type ProofBundleReport, verifyProofBundle } from './proof-bundle.js';

export interface OfflineVerificationInput {
  /** The JSONL export, one line at a time (blank lines are ignored). */
  lines: Iterable<string> | AsyncIterable<string>;
  /** A parsed proof bundle, when one is checked too. */
  bundle?: unknown;
  /** The operator's public key (SPKI PEM), obtained independently of the bundle. */
  publicKeyPem?: string;
}

export interface OfflineVerificationReport {
  /** True when the chain and (if given) the bundle are valid. */
  ok: boolean;
  chain: ChainVerificationResult;
  /** Line number (1-based) of the record named by `chain.firstInvalidSeq`. */
  chainFailureLine: number | null;
  /** Whether the export was recomputed up to the checkpoint and matched its root. */
  checkpointRootMatched: boolean | null;
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
  if (input.bundle === undefined && input.publicKeyPem !== undefined) {
    notes.push('a public key was given without a bundle: there is no checkpoint to check it on');
  }

  // Bundle events still to be found in the export: seq → canonical JSON of the record.
  const expected = new Map<number, string>();
  for (const entry of bundle?.events ?? []) {
    const event: unknown = entry.event;
    if (recordShapeProblem(event) === null) {
      const record = event as AuditEventRecord;
      expected.set(record.seq, canonicalJson(record));
    }
  }
  const treeSize = bundle?.checkpoint.treeSize ?? null;
  const frontier = treeSize === null ? null : new MerkleFrontier();

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
      if (frontier !== null && treeSize !== null && frontier.size < treeSize) {
        frontier.appendEventHash(record.hash);
      }
    }
    if (expected.size > 0 && typeof value === 'object' && value !== null) {
      const seq = (value as { seq?: unknown }).seq;
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

  let checkpointRootMatched: boolean | null = null;
  if (bundle !== null && bundleReport !== null && frontier !== null && treeSize !== null) {
    for (const seq of expected.keys()) failures.push(`bundle event seq ${seq} is not in the export`);
    if (frontier.size === treeSize) {
      checkpointRootMatched = frontier.rootHex() === bundle.checkpoint.rootHash;
      if (!checkpointRootMatched) {
        failures.push(`the Merkle root of export events [0, ${treeSize}) does not equal the checkpoint root`);
      }
    } else {
      notes.push(
        `checkpoint root not recomputed: the export's verified prefix holds ${frontier.size} ` +
          `events (last seq ${lastSeq}), the checkpoint covers ${treeSize}`,
      );
    }
    failures.push(...bundleReport.failures.map((f) => f.message));
    notes.push(...bundleReport.warnings);
  } else if (bundleReport !== null) {
    failures.push(...bundleReport.failures.map((f) => f.message));
  }

  return {
    ok: failures.length === 0,
    chain: result,
    chainFailureLine,
    checkpointRootMatched,
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
  for (const note of report.notes) out.push(`note: ${note}`);
  for (const failure of report.failures) out.push(`FAIL: ${failure}`);
  out.push(report.ok ? 'RESULT: VALID' : `RESULT: INVALID (${report.failures[0] ?? 'unknown'})`);
  return out.join('\n');
}
