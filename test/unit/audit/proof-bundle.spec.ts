import { describe, expect, it } from '@jest/globals';
import {
  type AuditEventRecord,
  type InclusionProof,
  type ProofBundle,
  PROOF_BUNDLE_FORMAT,
  signCheckpoint,
  verifyProofBundle,
} from '@forge/audit';
import { KEYS, makeBundle, makeChain, OTHER_KEYS } from './fixtures.js';

const CHAIN = makeChain(40);
const clone = (b: ProofBundle): ProofBundle => structuredClone(b);
const checks = (b: unknown, key?: string): string[] =>
  verifyProofBundle(b, key === undefined ? {} : { publicKeyPem: key }).failures.map(
    (f) => `${f.check}${f.seq === undefined ? '' : `@${f.seq}`}`,
  );

describe('proof bundle', () => {
  it('a genuine bundle verifies; the bundle key is used and said so', async () => {
    const bundle = await makeBundle(CHAIN, 35);
    expect(bundle.format).toBe(PROOF_BUNDLE_FORMAT);
    expect(bundle.events.map((e) => e.event.seq)).toEqual([
      0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39,
    ]);
    const report = verifyProofBundle(bundle);
    expect(report.failures).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.eventsChecked).toBe(14);
    expect(report.inclusionProofsChecked).toBe(12);
    expect(report.assessmentsChecked).toBe(1);
    expect(report.warnings.join('\n')).toMatch(/public key shipped inside the bundle/);
    expect(report.warnings.join('\n')).toMatch(/event seq 36 is newer than the checkpoint/);
  });

  it('with the operator key given: passes when it matches, fails when it does not', async () => {
    const bundle = await makeBundle(CHAIN, 40);
    const good = verifyProofBundle(bundle, { publicKeyPem: KEYS.publicKeyPem });
    expect(good.valid).toBe(true);
    expect(good.warnings).toEqual([]);
    expect(checks(bundle, OTHER_KEYS.publicKeyPem)).toEqual(['public_key_mismatch', 'checkpoint_signature']);
  });

  it('a bundle re-signed with a forger key passes only its own key', async () => {
    const bundle = clone(await makeBundle(CHAIN, 40));
    bundle.checkpoint = signCheckpoint(bundle.checkpoint, OTHER_KEYS.privateKeyPem);
    expect(checks(bundle)).toEqual(['checkpoint_signature']);
    bundle.publicKey.publicKeyPem = OTHER_KEYS.publicKeyPem;
    expect(checks(bundle)).toEqual([]);
    expect(checks(bundle, KEYS.publicKeyPem)).toEqual(['public_key_mismatch', 'checkpoint_signature']);
  });

  it('names an edited event, a bad proof, a tampered checkpoint and wrong assessment inputs', async () => {
    const bundle = clone(await makeBundle(CHAIN, 40));
    (bundle.events[2] as { event: AuditEventRecord }).event.reason = 'rewritten';
    const proof = bundle.events[4]?.inclusionProof as InclusionProof;
    proof.auditPath[1] = 'f'.repeat(64);
    (bundle.riskAssessments[0] as { inputs: unknown }).inputs = { country: 'CL' };
    expect(checks(bundle)).toEqual(['event_hash@6', 'inclusion_proof@12', 'assessment_inputs_hash']);

    const tampered = clone(await makeBundle(CHAIN, 40));
    tampered.checkpoint.treeSize = 39;
    expect(checks(tampered)).toContain('checkpoint_signature');
    expect(checks(tampered)).toContain('inclusion_proof@0');
  });

  it('a re-sealed event still fails its inclusion proof', async () => {
    const bundle = clone(await makeBundle(CHAIN, 40));
    const { sealAuditEvent } = await import('@forge/audit');
    const entry = bundle.events[1] as { event: AuditEventRecord };
    entry.event = sealAuditEvent({ ...entry.event, after: { stage: 'approved' } });
    expect(checks(bundle)).toEqual(['inclusion_proof@3']);
  });

  it('flags missing proofs, foreign events, missing inputs and malformed bundles', async () => {
    const bundle = clone(await makeBundle(CHAIN, 40));
    (bundle.events[0] as { inclusionProof: unknown }).inclusionProof = null;
    bundle.events.push({ event: CHAIN[1] as AuditEventRecord, inclusionProof: null });
    (bundle.riskAssessments[0] as { inputs: unknown }).inputs = null;
    expect(checks(bundle)).toEqual([
      'inclusion_proof_missing@0',
      'event_foreign@1',
      'inclusion_proof_missing@1',
      'assessment_inputs_missing',
    ]);
    expect(checks({})).toEqual(['bundle_malformed']);
    expect(checks({ ...bundle, format: 'other' })).toEqual(['bundle_malformed']);
  });
});
