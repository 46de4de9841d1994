import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { runAuditVerifyCli, signCheckpoint } from '@forge/audit';
import { exportLines, KEYS, makeBundle, makeChain, OTHER_KEYS } from './fixtures.js';

const CHAIN = makeChain(40);

/** Runs the CLI on files in a fresh folder; returns the exit code and what it printed. */
async function run(files: Record<string, string>, argv: (dir: string) => string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'forge-verify-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  let out = '';
  const code = await runAuditVerifyCli(argv(dir), {
    out: (text) => (out += `${text}\n`),
    err: (text) => (out += `${text}\n`),
  });
  return { code, out };
}

describe('npm run audit:verify (offline, files only)', () => {
  it('verifies a proof bundle alone: event bytes, inclusion proofs, signed checkpoint, public key', async () => {
    const bundle = JSON.stringify(await makeBundle(CHAIN, 40), null, 2);
    const ok = await run({ 'bundle.json': bundle, 'key.pem': KEYS.publicKeyPem }, (d) => [
      '--bundle',
      join(d, 'bundle.json'),
      '--public-key',
      join(d, 'key.pem'),
    ]);
    expect(ok.out).toMatch(/14 events, 14 inclusion proofs, 1 risk assessments checked/);
    expect(ok.out).toMatch(/RESULT: VALID\n$/);
    expect(ok.code).toBe(0);
  });

  it('fails (exit 1) when one byte of a bundle event, a proof, or the key is changed', async () => {
    const bundle = await makeBundle(CHAIN, 40);
    const text = JSON.stringify(bundle, null, 2);
    const tampered = {
      // One character of one event's reason.
      reason: text.replace('"reason 3"', '"reason 4"'),
      // One hex digit of one inclusion proof's path.
      proof: (() => {
        const copy = JSON.parse(text);
        const path: string[] = copy.events[2].inclusionProof.auditPath;
        path[0] = `${path[0]?.[0] === '0' ? '1' : '0'}${path[0]?.slice(1)}`;
        return JSON.stringify(copy);
      })(),
      // The checkpoint's root.
      root: text.replace(bundle.checkpoint.rootHash, 'f'.repeat(64)),
    };
    expect(tampered.reason).not.toBe(text);
    const failures: Record<string, RegExp> = {
      reason: /FAIL: bundle event seq 3: hash mismatch/,
      proof: /FAIL: bundle event seq 6: inclusion proof invalid/,
      root: /FAIL: checkpoint signature invalid/,
    };
    for (const [name, changed] of Object.entries(tampered)) {
      const result = await run({ 'bundle.json': changed, 'key.pem': KEYS.publicKeyPem }, (d) => [
        '--bundle',
        join(d, 'bundle.json'),
        '--public-key',
        join(d, 'key.pem'),
      ]);
      expect({ name, code: result.code }).toEqual({ name, code: 1 });
      expect(result.out).toMatch(failures[name] as RegExp);
      expect(result.out).toMatch(/RESULT: INVALID/);
    }
    const otherKey = await run({ 'bundle.json': text, 'key.pem': OTHER_KEYS.publicKeyPem }, (d) => [
      '--bundle',
      join(d, 'bundle.json'),
      '--public-key',
      join(d, 'key.pem'),
    ]);
    expect(otherKey.code).toBe(1);
    expect(otherKey.out).toMatch(/the public key given does not match the key inside the bundle/);
  });

  it('fails a bundle whose events the checkpoint does not cover, and a kept checkpoint of another history', async () => {
    const uncovered = await run({ 'bundle.json': JSON.stringify(await makeBundle(CHAIN, 30)) }, (d) => [
      '--bundle',
      join(d, 'bundle.json'),
    ]);
    expect(uncovered.code).toBe(1);
    expect(uncovered.out).toMatch(/bundle event seq 30 is not covered by the bundle's checkpoint/);
    expect(uncovered.out).toMatch(/public key shipped inside the bundle/);

    const bundle = await makeBundle(CHAIN, 40);
    const earlier = (await makeBundle(CHAIN, 39)).checkpoint;
    const keep = async (kept: unknown[]) =>
      run(
        {
          'bundle.json': JSON.stringify(bundle),
          'key.pem': KEYS.publicKeyPem,
          'kept.json': JSON.stringify(kept),
        },
        (d) => [
          '--bundle',
          join(d, 'bundle.json'),
          '--public-key',
          join(d, 'key.pem'),
          '--checkpoint',
          join(d, 'kept.json'),
        ],
      );
    const consistent = await keep([earlier, bundle.checkpoint]);
    expect(consistent.out).toMatch(/kept checkpoints checked: 2/);
    expect(consistent.code).toBe(0);
    // The operator once signed another root for the same size: two histories.
    const fork = signCheckpoint(
      { treeSize: 40, rootHash: 'a'.repeat(64), timestamp: '2025-01-15T00:00:00.000Z' },
      KEYS.privateKeyPem,
    );
    const forked = await keep([fork]);
    expect(forked.code).toBe(1);
    expect(forked.out).toMatch(
      /another root than the bundle's checkpoint of the same size \(two histories\)/,
    );
  });

  it('fails (exit 1) an export shorter than the signed checkpoint it is checked against', async () => {
    const { checkpoint } = await makeBundle(CHAIN, 40);
    const files = {
      'export.jsonl': `${exportLines(CHAIN.slice(0, 39)).join('\n')}\n`,
      'full.jsonl': `${exportLines(CHAIN).join('\n')}\n`,
      'checkpoint.json': JSON.stringify(checkpoint),
      'key.pem': KEYS.publicKeyPem,
    };
    const cut = await run(files, (d) => [
      join(d, 'export.jsonl'),
      '--checkpoint',
      join(d, 'checkpoint.json'),
      '--public-key',
      join(d, 'key.pem'),
    ]);
    expect(cut.code).toBe(1);
    expect(cut.out).toMatch(/FAIL: the export is shorter than given checkpoint 1 \(treeSize 40\)/);
    const full = await run(files, (d) => [
      join(d, 'full.jsonl'),
      '--checkpoint',
      join(d, 'checkpoint.json'),
      '--public-key',
      join(d, 'key.pem'),
    ]);
    expect(full.out).toMatch(/checkpoints reproduced from the export: 1/);
    expect(full.code).toBe(0);
  });

  it('answers usage and read errors with exit 2', async () => {
    expect((await run({}, () => [])).code).toBe(2);
    expect((await run({}, () => ['--frobnicate'])).code).toBe(2);
    expect((await run({}, (d) => ['--bundle', join(d, 'absent.json')])).code).toBe(2);
  });
});
