/**
 * Offline verifier of the decision trail (audit.md, "Verification"): no database, no network.
 *
 *   node dist/scripts/audit-verify.js [export.jsonl] [--bundle bundle.json] [--public-key key.pem]
 *                                     [--checkpoint checkpoint.json|audit-checkpoints.jsonl]...
 *
 * An export, a proof bundle, or both (a bundle alone is verified without the export). Exit code 0 when
 * everything checked is valid, 1 when something is not, 2 on a usage or read error. The logic lives in
 * @forge/audit (runAuditVerifyCli); this is the shell around it.
 */
import { runAuditVerifyCli } from '@forge/audit';

process.exitCode = await runAuditVerifyCli(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
});
