import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseCheckpointLog } from './checkpoint-log.js';
import {
  formatBundleOnlyReport,
  formatOfflineReport,
  verifyAuditExport,
  verifyProofBundleAlone,
} from './offline-verifier.js';

export const AUDIT_VERIFY_USAGE =
  'usage: npm run audit:verify -- [EXPORT.jsonl] [--bundle BUNDLE.json] [--public-key KEY.pem] [--checkpoint FILE]...\n' +
  '       (an export, a bundle, or both; a bundle alone is verified without the export)';

interface Args {
  exportPath?: string;
  bundlePath?: string;
  publicKeyPath?: string;
  checkpointPaths: string[];
}

function parseArgs(argv: readonly string[]): Args | string {
  let exportPath: string | undefined;
  let bundlePath: string | undefined;
  let publicKeyPath: string | undefined;
  const checkpointPaths: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--bundle' || arg === '--public-key' || arg === '--checkpoint') {
      const value = argv[i + 1];
      if (value === undefined) return `${arg} needs a file`;
      if (arg === '--bundle') bundlePath = value;
      else if (arg === '--checkpoint') checkpointPaths.push(value);
      else publicKeyPath = value;
      i += 1;
    } else if (arg === '--help' || arg === '-h') {
      return '';
    } else if (arg.startsWith('-')) {
      return `unknown option ${arg}`;
    } else if (exportPath === undefined) {
      exportPath = arg;
    } else {
      return `unexpected argument ${arg}`;
    }
  }
  if (exportPath === undefined && bundlePath === undefined)
    return 'give an export, a bundle (--bundle), or both';
  return { exportPath, bundlePath, publicKeyPath, checkpointPaths };
}

/**
 * Checkpoints from a file: one signed checkpoint (`GET /audit/checkpoints/latest`), a JSON list of them, or the
 * operator's checkpoint log (one per line).
 */
function parseCheckpoints(text: string, path: string): unknown[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [value];
  } catch {
    const log = parseCheckpointLog(text.endsWith('\n') ? text : `${text}\n`);
    if (log.malformedLines.length > 0) {
      throw new Error(`${path}: line ${log.malformedLines[0]} is not a checkpoint`);
    }
    return log.entries;
  }
}

export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

/**
 * `npm run audit:verify` (audit.md, "Verification"): no database, no network. Returns the exit code: 0 when
 * everything checked is valid, 1 when something is not, 2 on a usage or read error.
 */
export async function runAuditVerifyCli(argv: readonly string[], io: CliOutput): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(args === '' ? AUDIT_VERIFY_USAGE : `${args}\n${AUDIT_VERIFY_USAGE}`);
    return 2;
  }
  let bundle: unknown;
  let publicKeyPem: string | undefined;
  const checkpoints: unknown[] = [];
  try {
    for (const path of args.checkpointPaths) {
      checkpoints.push(...parseCheckpoints(await readFile(path, 'utf8'), path));
    }
    if (args.bundlePath !== undefined) {
      bundle = JSON.parse(await readFile(args.bundlePath, 'utf8')) as unknown;
    }
    if (args.publicKeyPath !== undefined) publicKeyPem = await readFile(args.publicKeyPath, 'utf8');
  } catch (error) {
    io.err(`cannot read input: ${(error as Error).message}`);
    return 2;
  }
  if (args.exportPath === undefined) {
    const report = verifyProofBundleAlone({
      bundle,
      publicKeyPem,
      checkpoints: args.checkpointPaths.length > 0 ? checkpoints : undefined,
    });
    io.out(formatBundleOnlyReport(report, args.bundlePath as string));
    return report.ok ? 0 : 1;
  }
  const stream = createReadStream(args.exportPath, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  try {
    const report = await verifyAuditExport({
      lines,
      bundle,
      publicKeyPem,
      checkpoints: args.checkpointPaths.length > 0 ? checkpoints : undefined,
    });
    io.out(formatOfflineReport(report, args.exportPath));
    return report.ok ? 0 : 1;
  } catch (error) {
    io.err(`cannot verify ${args.exportPath}: ${(error as Error).message}`);
    return 2;
  } finally {
    lines.close();
    stream.destroy();
  }
}
